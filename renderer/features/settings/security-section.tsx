import { VaultSecurityPanel } from '../vault/vault-security-panel';
import { DraftForm } from './draft-form';
import { useDraft } from './settings-draft';

/** Locking, the keychain, the passphrase and the recovery key: everything that protects the logs. */
export function SecuritySection() {
  const { draft, patch } = useDraft();
  return (
    <>
      <DraftForm>
        <div className="rr-card">
          <h2>Locking</h2>
          <div className="rr-field">
            <label htmlFor="set-lock">Lock the log vault after this many idle minutes</label>
            <input
              id="set-lock"
              className="rr-input"
              type="number"
              min={1}
              max={240}
              value={draft.idleLockMinutes}
              onChange={(e) => patch({ idleLockMinutes: Math.min(240, Math.max(1, Number(e.target.value) || 15)) })}
            />
          </div>
        </div>
      </DraftForm>
      <VaultSecurityPanel />
    </>
  );
}
