import { BackupRestore } from '../logs/backup-restore';
import { EraseClient } from '../logs/erase-client';
import { VaultGate } from '../vault/vault-gate';
import { DraftForm } from './draft-form';
import { useDraft } from './settings-draft';

const retentionOptions: { value: string; label: string }[] = [
  { value: '1', label: '1 year' },
  { value: '2', label: '2 years' },
  { value: '3', label: '3 years' },
  { value: '7', label: '7 years (recommended)' },
  { value: 'forever', label: 'Keep forever' },
];

/** How long logs are kept, backing them up and restoring them, and erasing one client's logs. */
export function DataSection() {
  const { draft, patch, invalidPath } = useDraft();
  return (
    <>
      <DraftForm>
        <div className="rr-card">
          <h2>Keeping logs</h2>
          <div className="rr-field">
            <label htmlFor="set-practice">Practice name</label>
            <span className="rr-field__hint" id="set-practice-hint">
              Printed at the top of the reports you export, for example “Northside Counselling”. Leave it empty for
              none.
            </span>
            <input
              id="set-practice"
              className="rr-input"
              aria-describedby="set-practice-hint"
              aria-invalid={invalidPath === 'practiceName' || undefined}
              maxLength={120}
              value={draft.practiceName}
              onChange={(e) => patch({ practiceName: e.target.value })}
            />
          </div>
          <div className="rr-field">
            <label htmlFor="set-retention">Keep readiness logs for</label>
            <span className="rr-field__hint" id="set-retention-hint">
              Older logs are deleted when you next unlock. Check what your professional body and insurer expect.
            </span>
            <select
              id="set-retention"
              className="rr-select"
              aria-describedby="set-retention-hint"
              value={draft.retentionYears === null ? 'forever' : String(draft.retentionYears)}
              onChange={(e) =>
                patch({
                  retentionYears: e.target.value === 'forever' ? null : (Number(e.target.value) as 1 | 2 | 3 | 7),
                })
              }
            >
              {retentionOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        </div>
      </DraftForm>
      <VaultGate purpose="back up, restore or erase logs">
        <BackupRestore />
        <EraseClient />
      </VaultGate>
    </>
  );
}
