import { useEffect, useRef, useState, type ReactNode } from 'react';

import { Button } from '../../components/button';
import { followVaultLocks, useVaultSessionStore } from '../../stores/vault-session-store';
import { StartAtLoginOffer } from '../settings/start-at-login';
import { RecoveryKeyStep } from './recovery-key-step';
import { UnlockForm } from './unlock-form';
import { VaultSetup } from './vault-setup';
import './vault.css';

type VaultGateProps = {
  readonly children: ReactNode;
  /** What the user is about to do, finishing "Unlock them to …", e.g. "save this readiness log". */
  readonly purpose: string;
};

const focusable =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Shows its children only while the log vault is unlocked; otherwise the first-run setup
 * (then the recovery key), or the unlock form. Follows locks made elsewhere (idle, sleep).
 * After the user unlocks here, focus moves to the first control of what appears.
 */
export function VaultGate({ children, purpose }: VaultGateProps) {
  const status = useVaultSessionStore((s) => s.status);
  const loadError = useVaultSessionStore((s) => s.loadError);
  const recoveryKey = useVaultSessionStore((s) => s.recoveryKey);
  const refresh = useVaultSessionStore((s) => s.refresh);
  const content = useRef<HTMLDivElement>(null);
  const [moveFocus, setMoveFocus] = useState(false);
  // The first-run setup happened here: once it finishes is the moment to offer starting at login.
  const [setUpHere, setSetUpHere] = useState(false);
  const [justSetUp, setJustSetUp] = useState(false);
  const absent = status?.state === 'absent';
  // Remembered while rendering (React's pattern for state derived from a change), not in an effect.
  if (absent && !setUpHere) setSetUpHere(true);
  const unlocked = status?.state === 'unlocked' && !recoveryKey;

  useEffect(() => {
    if (!useVaultSessionStore.getState().status) void refresh();
    return followVaultLocks();
  }, [refresh]);

  useEffect(() => {
    if (!moveFocus || !unlocked || !content.current) return;
    const target = content.current.querySelector<HTMLElement>(focusable) ?? content.current;
    target.focus();
    setMoveFocus(false);
  }, [moveFocus, unlocked]);

  if (!status) {
    if (loadError) {
      return (
        <div className="rr-alert rr-alert--error" role="alert">
          <p>{loadError.message}</p>
          <Button onClick={() => void refresh()}>Try again</Button>
        </div>
      );
    }
    return (
      <p role="status" className="rr-muted">
        Opening your logs…
      </p>
    );
  }
  if (recoveryKey) {
    return (
      <RecoveryKeyStep
        recoveryKey={recoveryKey}
        onDone={() => {
          setMoveFocus(true);
          if (setUpHere) setJustSetUp(true);
        }}
      />
    );
  }
  if (status.state === 'absent') return <VaultSetup purpose={purpose} />;
  if (status.state === 'locked') return <UnlockForm purpose={purpose} onUnlocked={() => setMoveFocus(true)} />;
  return (
    <div ref={content} tabIndex={-1} className="rr-vault-gate">
      {children}
      {justSetUp && <StartAtLoginOffer />}
    </div>
  );
}
