import { useEffect, useState, type FormEvent } from 'react';

import { checkPlatformAddress, checkSpeedTestUrl } from '../../../shared/network/network-address';
import {
  asksForHost,
  hostPrompt,
  modalityLabels,
  modalities,
  sessionPlatforms,
} from '../../../shared/session/platforms';
import { settingsIssue, type Settings } from '../../../shared/settings/settings';
import {
  defaultThresholds,
  thresholdEntries,
  type ThresholdPath,
  type Thresholds,
} from '../../../shared/settings/thresholds';
import { Button } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { useSettingsStore } from '../../stores/settings-store';
import { VaultSecurityPanel } from '../vault/vault-security-panel';
import { NotApplicableList } from './not-applicable-list';
import { ThresholdFields } from './thresholds-fields';
import './settings.css';

/** Session lengths offered; a length set another way (the settings file) is shown too. */
const sessionLengths = [30, 45, 50, 60, 75, 90, 120];

const retentionOptions: { value: string; label: string }[] = [
  { value: '1', label: '1 year' },
  { value: '2', label: '2 years' },
  { value: '3', label: '3 years' },
  { value: '7', label: '7 years (recommended)' },
  { value: 'forever', label: 'Keep forever' },
];

const toLines = (items: readonly string[]) => items.join('\n');

function thresholdTexts(thresholds: Thresholds): Record<ThresholdPath, string> {
  return Object.fromEntries(
    thresholdEntries().map(({ path }) => {
      const [group, key] = path.split('.') as [keyof Thresholds, string];
      return [path, String((thresholds[group] as Record<string, number>)[key])];
    }),
  ) as Record<ThresholdPath, string>;
}

/** The typed boxes as numbers; an empty or unreadable box becomes NaN, which the shared rules refuse in words. */
function thresholdsFrom(texts: Readonly<Record<ThresholdPath, string>>): Thresholds {
  const out: Record<string, Record<string, number>> = {};
  for (const { path } of thresholdEntries()) {
    const [group, key] = path.split('.') as [string, string];
    const text = texts[path].trim().replace(/^−/, '-');
    out[group] = { ...out[group], [key]: text === '' ? Number.NaN : Number(text) };
  }
  return out as unknown as Thresholds;
}
const fromLines = (text: string) =>
  text
    .split(/\r?\n|,/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Preferences. None of these name a client, so they are kept outside the encrypted vault. */
export function SettingsPage() {
  const { settings, loaded, load } = useSettingsStore();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section>
      <PageHeader title="Settings" />
      {loaded ? <SettingsForm initial={settings} /> : <p role="status">Loading your settings…</p>}
      {loaded && <NotApplicableList />}
      {loaded && <ApprovedHosts />}
      <VaultSecurityPanel />
    </section>
  );
}

function SettingsForm({ initial }: { readonly initial: Settings }) {
  const { update, error } = useSettingsStore();
  const [draft, setDraft] = useState<Settings>(initial);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // Raw text while typing; split into names only on save, so Enter starts a new line.
  const [alwaysText, setAlwaysText] = useState(toLines(initial.programs.alwaysSuggest));
  const [neverText, setNeverText] = useState(toLines(initial.programs.neverSuggest));
  const [limits, setLimits] = useState(() => thresholdTexts(initial.thresholds));
  const [invalidPath, setInvalidPath] = useState<string | null>(null);

  const patch = (next: Partial<Settings>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...next }));
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // The same rules main applies on save, shown before the round trip.
    const reason = addressProblem(draft);
    if (reason) {
      setProblem(reason);
      return;
    }
    const programs = { alwaysSuggest: fromLines(alwaysText), neverSuggest: fromLines(neverText) };
    // The list of "not applicable" and the approvals are changed on their own, never by this form.
    const { notApplicable: _kept, approvedHosts: _approvals, ...rest } = draft;
    const patch = { ...rest, practiceName: rest.practiceName.trim(), programs, thresholds: thresholdsFrom(limits) };
    const issue = settingsIssue({ ...useSettingsStore.getState().settings, ...patch });
    setInvalidPath(issue?.path ?? null);
    if (issue) {
      setProblem(`${issue.message} Nothing was saved.`);
      return;
    }
    setProblem(null);
    setSaved(await update(patch));
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <div className="rr-card">
        <h2>Sessions</h2>
        <div className="rr-field">
          <label htmlFor="set-platform">Usual video platform</label>
          <select
            id="set-platform"
            className="rr-select"
            value={draft.defaultPlatform}
            onChange={(e) => patch({ defaultPlatform: e.target.value as Settings['defaultPlatform'] })}
          >
            {sessionPlatforms.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        {asksForHost(draft.defaultPlatform) && (
          <div className="rr-field">
            <label htmlFor="set-host">{hostPrompt(draft.defaultPlatform).label}</label>
            <span className="rr-field__hint" id="set-host-hint">
              Used only to time the connection before a session, for example {hostPrompt(draft.defaultPlatform).example}
              .
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
      </div>

      <div className="rr-card">
        <h2>Sessions</h2>
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
      </div>

      <div className="rr-card">
        <h2>Records</h2>
        <div className="rr-field">
          <label htmlFor="set-practice">Practice name</label>
          <span className="rr-field__hint" id="set-practice-hint">
            Printed at the top of the reports you export, for example “Northside Counselling”. Leave it empty for none.
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

      <div className="rr-card">
        <h2>Programs</h2>
        <div className="rr-field">
          <label htmlFor="set-always">Always suggest closing (one program name per line)</label>
          <textarea
            id="set-always"
            className="rr-textarea"
            rows={3}
            value={alwaysText}
            onChange={(e) => {
              setSaved(false);
              setAlwaysText(e.target.value);
            }}
          />
        </div>
        <div className="rr-field">
          <label htmlFor="set-never">Never suggest closing (one program name per line)</label>
          <textarea
            id="set-never"
            className="rr-textarea"
            rows={3}
            value={neverText}
            onChange={(e) => {
              setSaved(false);
              setNeverText(e.target.value);
            }}
          />
        </div>
      </div>

      <div className="rr-card">
        <h2>Speed test (optional)</h2>
        <p className="rr-muted">
          Off by default. When on, ReadyRoom downloads a file from an https address you choose to measure your
          connection speed, and, if you give an upload address, sends random data to it. Nothing about you or your
          clients is sent.
        </p>
        <div className="rr-field">
          <label>
            <input
              type="checkbox"
              checked={draft.throughput.enabled}
              onChange={(e) => patch({ throughput: { ...draft.throughput, enabled: e.target.checked } })}
            />{' '}
            Measure my connection speed during checks
          </label>
        </div>
        <div className="rr-field">
          <label htmlFor="set-down">Download test address (https)</label>
          <input
            id="set-down"
            className="rr-input"
            value={draft.throughput.downloadUrl}
            onChange={(e) => patch({ throughput: { ...draft.throughput, downloadUrl: e.target.value } })}
          />
        </div>
        <div className="rr-field">
          <label htmlFor="set-up">Upload test address (https, optional)</label>
          <input
            id="set-up"
            className="rr-input"
            value={draft.throughput.uploadUrl}
            onChange={(e) => patch({ throughput: { ...draft.throughput, uploadUrl: e.target.value } })}
          />
        </div>
      </div>

      <div className="rr-card">
        <h2>Appearance</h2>
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

      <ThresholdFields
        values={limits}
        invalidPath={invalidPath}
        onChange={(path, text) => {
          setSaved(false);
          setLimits((l) => ({ ...l, [path]: text }));
        }}
        onReset={() => {
          setSaved(false);
          setLimits(thresholdTexts(defaultThresholds));
        }}
      />

      <div role="status" aria-live="polite">
        {problem && <p className="rr-alert rr-alert--error">{problem}</p>}
        {!problem && error && <p className="rr-alert rr-alert--error">{error.message}</p>}
        {saved && !problem && <p className="rr-alert rr-alert--info">Settings saved.</p>}
      </div>
      <div className="rr-actions">
        <Button type="submit" variant="primary">
          Save settings
        </Button>
      </div>
    </form>
  );
}

/** Why these addresses would be refused on save; null when they are fine (or unchanged from the saved ones). */
function addressProblem(draft: Settings): string | null {
  const saved = useSettingsStore.getState().settings;
  const host = draft.otherPlatformHost.trim();
  if (asksForHost(draft.defaultPlatform) && host && host !== saved.otherPlatformHost) {
    const check = checkPlatformAddress(host);
    if (!check.ok) return check.reason;
  }
  if (draft.throughput.enabled && !draft.throughput.downloadUrl.trim())
    return 'To run the speed test, give the https:// address of a file to download.';
  for (const field of ['downloadUrl', 'uploadUrl'] as const) {
    const url = draft.throughput[field].trim();
    if (!url || url === saved.throughput[field]) continue;
    const check = checkSpeedTestUrl(url);
    if (!check.ok) return check.reason;
  }
  return null;
}

/** The addresses the therapist allowed ReadyRoom to contact, each of which can be withdrawn. */
function ApprovedHosts() {
  const approved = useSettingsStore((s) => s.settings.approvedHosts);
  const forgetHost = useSettingsStore((s) => s.forgetHost);
  const [removed, setRemoved] = useState<string | null>(null);
  return (
    <section className="rr-card" aria-labelledby="set-approved-title">
      <h2 id="set-approved-title">Addresses ReadyRoom may contact</h2>
      <p className="rr-muted">
        ReadyRoom contacts the video platforms it knows without asking. Before it first contacts any other address (your
        platform&apos;s, or a speed-test address) it asks you, and remembers your answer here.
      </p>
      {approved.length === 0 ? (
        <p>You have not allowed any other address.</p>
      ) : (
        <ul className="rr-approved-hosts">
          {approved.map((target) => (
            <li key={target}>
              <span>{target}</span>{' '}
              <Button
                aria-label={`Remove ${target}`}
                onClick={() =>
                  void forgetHost(target).then((ok) => {
                    if (ok) setRemoved(target);
                  })
                }
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div role="status" aria-live="polite">
        {removed && (
          <p className="rr-alert rr-alert--info">Removed {removed}. ReadyRoom will ask again before contacting it.</p>
        )}
      </div>
    </section>
  );
}
