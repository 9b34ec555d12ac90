import { useCallback, useEffect, useId, useState } from 'react';

import type { ScheduledSession, UpcomingSession } from '../../../shared/ipc/schedule.contract';
import { repeatLabels, type ScheduleInput } from '../../../shared/schedule/schedule';
import { platformLabel } from '../../../shared/session/platforms';
import { call } from '../../api';
import { Button } from '../../components/button';
import { formatInstant } from '../../lib/local-time';
import { useSettingsStore } from '../../stores/settings-store';
import { VaultGate } from '../vault/vault-gate';
import { ScheduleForm } from './schedule-form';
import './schedule.css';

const leadChoices = [5, 10, 15, 20, 30, 45, 60];

/** How long before a session its reminder comes (the `reminderLeadMinutes` setting). */
function ReminderLead() {
  const id = useId();
  const { settings, loaded, load, update, error } = useSettingsStore();
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);
  const lead = settings.reminderLeadMinutes;
  const choices = leadChoices.includes(lead) ? leadChoices : [...leadChoices, lead].sort((a, b) => a - b);
  return (
    <>
      <div className="rr-field">
        <label htmlFor={id}>Remind me before each session</label>
        <select
          id={id}
          className="rr-select"
          value={String(lead)}
          onChange={(e) => void update({ reminderLeadMinutes: Number(e.target.value) })}
        >
          {choices.map((m) => (
            <option key={m} value={m}>
              {m} minutes before
            </option>
          ))}
        </select>
        {error && (
          <span className="rr-field__hint" role="alert">
            {error.message}
          </span>
        )}
      </div>
      <div className="rr-field">
        <label>
          <input
            type="checkbox"
            aria-describedby={`${id}-code-hint`}
            checked={settings.reminderShowsClientCode}
            onChange={(e) => void update({ reminderShowsClientCode: e.target.checked })}
          />{' '}
          Name the client in reminders
        </label>
        <span className="rr-field__hint" id={`${id}-code-hint`}>
          Off, a reminder says only the time. Windows and macOS keep a history of notifications that ReadyRoom cannot
          encrypt, so a client code shown there is stored outside your logs. While your logs are locked no code is
          shown.
        </span>
      </div>
    </>
  );
}

function ScheduleManager() {
  const settings = useSettingsStore((s) => s.settings);
  const [sessions, setSessions] = useState<readonly ScheduledSession[]>([]);
  const [upcoming, setUpcoming] = useState<readonly UpcomingSession[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'status' | 'error'; text: string } | null>(null);

  const reload = useCallback(
    () =>
      Promise.all([call('schedule:list', {}), call('schedule:upcoming', { count: 5 })]).then(([list, next]) => {
        if (list.ok) setSessions(list.value.sessions);
        if (next.ok) setUpcoming(next.value.sessions);
        if (!list.ok) setMessage({ kind: 'error', text: list.error.message });
      }),
    [],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  async function add(input: ScheduleInput): Promise<string | null> {
    const result = await call('schedule:add', { session: input });
    if (!result.ok) return result.error.message;
    await reload();
    setMessage({ kind: 'status', text: 'Session added to your schedule.' });
    return null;
  }

  async function change(id: string, input: ScheduleInput): Promise<string | null> {
    const result = await call('schedule:update', { id, session: input });
    if (!result.ok) return result.error.message;
    await reload();
    setEditing(null);
    setMessage({ kind: 'status', text: 'Session changed.' });
    return null;
  }

  async function remove(session: ScheduledSession) {
    const result = await call('schedule:delete', { id: session.id });
    await reload();
    setMessage(
      result.ok
        ? { kind: 'status', text: 'Session removed from your schedule.' }
        : { kind: 'error', text: result.error.message },
    );
  }

  return (
    <div className="rr-schedule">
      <ReminderLead />
      <div role={message?.kind === 'error' ? 'alert' : 'status'} className="rr-schedule__message">
        {message?.text}
      </div>
      <h3>Coming up</h3>
      {upcoming.length === 0 ? (
        <p className="rr-muted">No sessions coming up.</p>
      ) : (
        <ul aria-label="Sessions coming up" className="rr-schedule__upcoming">
          {upcoming.map((o) => (
            <li key={`${o.entryId}-${o.startUtc}`}>
              {formatInstant(o.startUtc)}: {o.clientCode ?? 'client code locked'}, {platformLabel(o.platform)}
            </li>
          ))}
        </ul>
      )}
      <h3>Your sessions</h3>
      {sessions.length === 0 ? (
        <p className="rr-muted">None yet. Add the sessions you want reminders for.</p>
      ) : (
        <ul aria-label="Your scheduled sessions" className="rr-schedule__list">
          {sessions.map((s) =>
            editing === s.id ? (
              <li key={s.id}>
                <ScheduleForm
                  editing={s}
                  defaultPlatform={s.platform}
                  defaultMinutes={s.durationMinutes}
                  onSubmit={(input) => change(s.id, input)}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <li key={s.id} className="rr-schedule__item">
                <span>
                  <strong>{s.clientCode ?? 'Client code locked'}</strong>: first on {s.start.slice(0, 10)} at{' '}
                  {s.start.slice(11)} ({s.zone}), {s.durationMinutes} minutes, {platformLabel(s.platform)},{' '}
                  {repeatLabels[s.repeat].toLowerCase()}
                  {s.until ? `, until ${s.until}` : ''}
                </span>
                <span className="rr-actions">
                  <Button
                    onClick={() => setEditing(s.id)}
                    aria-label={`Change the session with ${s.clientCode ?? 'this client'}`}
                  >
                    Change
                  </Button>
                  <Button
                    variant="danger"
                    onClick={() => void remove(s)}
                    aria-label={`Delete the session with ${s.clientCode ?? 'this client'}`}
                  >
                    Delete
                  </Button>
                </span>
              </li>
            ),
          )}
        </ul>
      )}
      <ScheduleForm defaultPlatform={settings.defaultPlatform} defaultMinutes={50} onSubmit={add} />
    </div>
  );
}

/**
 * The session schedule, for the Settings "Sessions" section (and its own page). Kept on this
 * computer only: times outside the vault so reminders work while it is locked, client codes inside it.
 */
export function ScheduleSettings() {
  return (
    <div className="rr-card" aria-labelledby="schedule-settings-title" role="group">
      <h2 id="schedule-settings-title">Session schedule and reminders</h2>
      <p className="rr-muted">
        ReadyRoom reminds you to check before each session. Your schedule stays on this computer and is never put in an
        online calendar, as the ACTO guidance (2020) advises.
      </p>
      <VaultGate purpose="see and change your session schedule">
        <ScheduleManager />
      </VaultGate>
    </div>
  );
}
