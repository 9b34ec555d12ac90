import type { Settings } from '../../../shared/settings/settings';
import { DraftForm } from './draft-form';
import { useDraft } from './settings-draft';

export function AppearanceSection() {
  const { draft, patch } = useDraft();
  return (
    <DraftForm>
      <div className="rr-card">
        <h2>Theme</h2>
        <div className="rr-field">
          <label htmlFor="set-theme">Theme</label>
          <select
            id="set-theme"
            className="rr-select"
            value={draft.theme}
            onChange={(e) => patch({ theme: e.target.value as Settings['theme'] })}
          >
            <option value="system">Same as this computer</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </div>
      </div>
    </DraftForm>
  );
}
