import { useEffect, useId, useRef, useState } from 'react';

import { Button } from '../../components/button';
import { printSection } from '../../lib/print-section';
import { useVaultSessionStore } from '../../stores/vault-session-store';
import './vault.css';

/** Right after setup: the recovery key, shown this once, to print or write down. */
type RecoveryKeyStepProps = {
  readonly recoveryKey: string;
  /** Called once the user says the key is stored, so the gate can move focus on. */
  readonly onDone?: () => void;
};

export function RecoveryKeyStep({ recoveryKey, onDone }: RecoveryKeyStepProps) {
  const confirmStored = useVaultSessionStore((s) => s.confirmRecoveryKeyStored);
  const [stored, setStored] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const checkboxId = useId();
  const groups = recoveryKey.split('-');

  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="rr-card rr-vault rr-recovery" aria-labelledby="rr-recovery-title">
      <h2 id="rr-recovery-title" ref={heading} tabIndex={-1}>
        Your recovery key
      </h2>
      <p>
        If you ever forget your passphrase, this key opens your logs instead. ReadyRoom shows it{' '}
        <strong>only now</strong> and does not keep a copy it can show you again.
      </p>
      <div className="rr-recovery__sheet">
        <p className="rr-recovery__print-only">ReadyRoom recovery key, made on {new Date().toLocaleDateString()}</p>
        <p className="rr-recovery__key" aria-label={`Recovery key: ${groups.join(' ')}`}>
          {groups.map((group, i) => (
            <span key={i} className="rr-recovery__group">
              {group}
            </span>
          ))}
        </p>
        <p className="rr-recovery__print-only">
          Keep this page somewhere safe and private, away from the computer: for example with your important papers. If
          you lose both your passphrase and this key, your ReadyRoom logs cannot be opened by anyone.
        </p>
      </div>
      <ul className="rr-recovery__tips">
        <li>Print it, or write it down exactly as shown (capital letters and numbers).</li>
        <li>Keep it away from this computer, for example with your professional papers.</li>
        <li>Do not e-mail it or save it in a file on this computer.</li>
      </ul>
      <div className="rr-actions">
        <Button onClick={() => printSection('recovery')}>Print the recovery key</Button>
      </div>
      <div className="rr-vault__check">
        <input id={checkboxId} type="checkbox" checked={stored} onChange={(e) => setStored(e.target.checked)} />
        <label htmlFor={checkboxId}>I have printed or written down my recovery key and put it somewhere safe.</label>
      </div>
      <div className="rr-actions">
        <Button
          variant="primary"
          disabled={!stored}
          onClick={() => {
            void confirmStored();
            onDone?.();
          }}
        >
          Continue
        </Button>
      </div>
    </section>
  );
}
