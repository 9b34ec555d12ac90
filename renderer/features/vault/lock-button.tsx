import { Button } from '../../components/button';
import { useVaultSessionStore } from '../../stores/vault-session-store';
import { Icon, Lock } from '../../components/icons';

/** Locks the logs now; shown only while they are unlocked. */
export function LockButton() {
  const unlocked = useVaultSessionStore((s) => s.status?.state === 'unlocked');
  const lock = useVaultSessionStore((s) => s.lock);
  if (!unlocked) return null;
  return (
    <Button onClick={() => void lock()}>
      <Icon icon={Lock} /> Lock logs
    </Button>
  );
}
