import { useId, useState, type FormEvent } from 'react';

import type { ScheduledSession } from '../../../shared/ipc/schedule.contract';
import { checkClientCode } from '../../../shared/logs/client-code';
import {
  repeatKinds,
  repeatLabels,
  scheduleInputProblem,
  scheduleInputSchema,
  type Repeat,
  type ScheduleInput,
} from '../../../shared/schedule/schedule';
import type { SessionPlatformId } from '../../../shared/session/platforms';
import { Button } from '../../components/button';
import { ClientCodeField } from '../../components/client-code-field';
import { PlatformSelect } from '../../components/platform-select';

/** The computer's own time zone: a session is kept in the zone it was typed in. */
function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

type ScheduleFormProps = {
  /** The session being edited; absent for a new one. */
  readonly editing?: ScheduledSession;
  readonly defaultPlatform: SessionPlatformId;
  readonly defaultMinutes: number;
  readonly onSubmit: (input: ScheduleInput) => Promise<string | null>;
  readonly onCancel?: () => void;
};

/** Add or change one session: date, time, length, client code, platform, repeat and end date. */
export function ScheduleForm({ editing, defaultPlatform, defaultMinutes, onSubmit, onCancel }: ScheduleFormProps) {
  const id = useId();
  const [date, setDate] = useState(editing?.start.slice(0, 10) ?? '');
  const [time, setTime] = useState(editing?.start.slice(11, 16) ?? '');
  const [minutes, setMinutes] = useState(String(editing?.durationMinutes ?? defaultMinutes));
  const [clientCode, setClientCode] = useState(editing?.clientCode ?? '');
  const [platform, setPlatform] = useState<SessionPlatformId>(editing?.platform ?? defaultPlatform);
  const [repeat, setRepeat] = useState<Repeat>(editing?.repeat ?? 'weekly');
  const [until, setUntil] = useState(editing?.until ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const zone = editing?.zone ?? localZone();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!date || !time) return setError('Enter the date and time of the session.');
    const code = checkClientCode(clientCode);
    if (!code.valid) return setError(code.error);
    const parsed = scheduleInputSchema.safeParse({
      start: `${date}T${time}`,
      zone,
      durationMinutes: Number(minutes),
      platform,
      repeat,
      until: repeat === 'none' || until === '' ? null : until,
      clientCode: code.code,
    });
    if (!parsed.success) return setError('Check the date, time and length (5 to 480 minutes).');
    const problem = scheduleInputProblem(parsed.data);
    if (problem) return setError(problem);
    setBusy(true);
    const failure = await onSubmit(parsed.data);
    setBusy(false);
    setError(failure);
    if (!failure && !editing) {
      setDate('');
      setTime('');
      setClientCode('');
      setUntil('');
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} className="rr-schedule-form" noValidate>
      <h3 id={`${id}-title`}>{editing ? 'Change this session' : 'Add a session'}</h3>
      <div className="rr-schedule-form__row">
        <div className="rr-field">
          <label htmlFor={`${id}-date`}>Date</label>
          <input
            id={`${id}-date`}
            className="rr-input"
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            required
          />
        </div>
        <div className="rr-field">
          <label htmlFor={`${id}-time`}>Time</label>
          <input
            id={`${id}-time`}
            className="rr-input"
            type="time"
            value={time}
            onChange={(e) => setTime(e.target.value)}
            required
          />
        </div>
        <div className="rr-field">
          <label htmlFor={`${id}-minutes`}>Length in minutes</label>
          <input
            id={`${id}-minutes`}
            className="rr-input"
            type="number"
            min={5}
            max={480}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
      </div>
      <p className="rr-field__hint">
        Times are in your computer&apos;s time zone ({zone}) and follow its clock changes.
      </p>
      <ClientCodeField
        id={`${id}-code`}
        value={clientCode}
        onChange={setClientCode}
        error={null}
        hint="A code, never a name: kept only in your encrypted logs."
      />
      <div className="rr-schedule-form__row">
        <div className="rr-field">
          <label htmlFor={`${id}-platform`}>Platform</label>
          <PlatformSelect id={`${id}-platform`} value={platform} onChange={setPlatform} />
        </div>
        <div className="rr-field">
          <label htmlFor={`${id}-repeat`}>Repeats</label>
          <select
            id={`${id}-repeat`}
            className="rr-select"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value as Repeat)}
          >
            {repeatKinds.map((kind) => (
              <option key={kind} value={kind}>
                {repeatLabels[kind]}
              </option>
            ))}
          </select>
        </div>
        {repeat !== 'none' && (
          <div className="rr-field">
            <label htmlFor={`${id}-until`}>Last date (optional)</label>
            <input
              id={`${id}-until`}
              className="rr-input"
              type="date"
              value={until}
              onChange={(e) => setUntil(e.target.value)}
            />
          </div>
        )}
      </div>
      {error && (
        <p className="rr-alert rr-alert--error" role="alert">
          {error}
        </p>
      )}
      <div className="rr-actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {editing ? 'Save changes' : 'Add session'}
        </Button>
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
      </div>
    </form>
  );
}
