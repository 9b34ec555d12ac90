import { asksForHost, hostPrompt, modalityLabels, modalities } from '../../../shared/session/platforms';
import type { Settings } from '../../../shared/settings/settings';
import { PlatformSelect } from '../../components/platform-select';
import { CoveredCountries } from '../clients/covered-countries';
import { PrepSheetExport } from '../safety/prep-sheet-export';
import { ScheduleSettings } from '../schedule/schedule-settings';
import { DraftForm } from './draft-form';
import { useDraft } from './settings-draft';

/** Session lengths offered; a length set another way (the settings file) is shown too. */
const sessionLengths = [30, 45, 50, 60, 75, 90, 120];

/** The usual platform, its address, the kind and length of session; the client preparation sheet; then the schedule, saved on its own. */
export function SessionsSection() {
  const { draft, patch } = useDraft();
  return (
    <>
      <DraftForm>
        <div className="rr-card">
          <h2>Your usual sessions</h2>
          <div className="rr-field">
            <label htmlFor="set-platform">Usual video platform</label>
            <PlatformSelect
              id="set-platform"
              value={draft.defaultPlatform}
              onChange={(defaultPlatform) => patch({ defaultPlatform })}
            />
          </div>
          {asksForHost(draft.defaultPlatform) && (
            <div className="rr-field">
              <label htmlFor="set-host">{hostPrompt(draft.defaultPlatform).label}</label>
              <span className="rr-field__hint" id="set-host-hint">
                Used only to time the connection before a session, for example{' '}
                {hostPrompt(draft.defaultPlatform).example}.
              </span>
              <input
                id="set-host"
                className="rr-input"
                aria-describedby="set-host-hint"
                value={draft.otherPlatformHost}
                onChange={(e) => patch({ otherPlatformHost: e.target.value })}
              />
            </div>
          )}
          <div className="rr-field">
            <label htmlFor="set-modality">Usual kind of session</label>
            <select
              id="set-modality"
              className="rr-select"
              value={draft.defaultModality}
              onChange={(e) => patch({ defaultModality: e.target.value as Settings['defaultModality'] })}
            >
              {modalities.map((m) => (
                <option key={m} value={m}>
                  {modalityLabels[m]}
                </option>
              ))}
            </select>
          </div>
          <div className="rr-field">
            <label htmlFor="set-session-length">Usual session length</label>
            <span className="rr-field__hint" id="set-session-length-hint">
              ReadyRoom looks for restarts, backups and sleep that would fall inside a session this long.
            </span>
            <select
              id="set-session-length"
              className="rr-select"
              aria-describedby="set-session-length-hint"
              value={String(draft.sessionMinutes)}
              onChange={(e) => patch({ sessionMinutes: Number(e.target.value) })}
            >
              {[...new Set([...sessionLengths, draft.sessionMinutes])]
                .sort((a, b) => a - b)
                .map((m) => (
                  <option key={m} value={m}>
                    {m} minutes
                  </option>
                ))}
            </select>
          </div>
          <CoveredCountries
            value={draft.coveredCountries}
            onChange={(coveredCountries) => patch({ coveredCountries })}
          />
        </div>
      </DraftForm>
      <PrepSheetExport />
      <ScheduleSettings />
    </>
  );
}
