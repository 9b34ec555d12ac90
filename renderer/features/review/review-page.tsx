import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';

import type { ErrorData } from '../../../shared/errors';
import type { ReviewItemView, ReviewView } from '../../../shared/ipc/review.contract';
import { dayLongLabel } from '../../../shared/logs/log-trends';
import { call } from '../../api';
import { Button } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { useSettingsStore } from '../../stores/settings-store';
import { VaultGate } from '../vault/vault-gate';
import './review.css';
import { localToday } from '../../lib/local-time';

const intervalChoices = [6, 12, 18, 24];

/** "Due: last done 3 Mar 2026", or "Done 3 Mar 2026; next due 3 Mar 2027" (each part only when known). */
function stateText(item: ReviewItemView): string {
  const { doneOn } = item.entry;
  if (item.due) return doneOn ? `Due: last done ${dayLongLabel(doneOn)}` : 'Due: not reviewed yet';
  const dueOn = item.dueOn ? dayLongLabel(item.dueOn) : null;
  if (!doneOn) return dueOn ? `Next due ${dueOn}` : '';
  return dueOn ? `Done ${dayLongLabel(doneOn)}; next due ${dueOn}` : `Done ${dayLongLabel(doneOn)}`;
}

function ReviewItemCard({
  item,
  onSave,
}: {
  readonly item: ReviewItemView;
  readonly onSave: (next: ReviewItemView['entry']) => Promise<ErrorData | null>;
}) {
  const id = useId();
  const [doneOn, setDoneOn] = useState(item.entry.doneOn ?? '');
  const [nextDue, setNextDue] = useState(item.entry.nextDue ?? '');
  const [note, setNote] = useState(item.entry.note);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const failure = await onSave({ doneOn: doneOn || null, nextDue: nextDue || null, note });
    setError(failure?.message ?? null);
    setSaved(failure === null);
  }

  return (
    <li className="rr-card rr-review__item" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="rr-review__title">
        {item.title}
      </h2>
      <p className={item.due ? 'rr-review__state rr-review__state--due' : 'rr-review__state'}>{stateText(item)}</p>
      <p>{item.detail}</p>
      <p className="rr-muted">Source: {item.source}</p>
      <details>
        <summary>Record this review</summary>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <div className="rr-review__row">
            <div className="rr-field">
              <label htmlFor={`${id}-done`}>Done on</label>
              <input
                id={`${id}-done`}
                className="rr-input"
                type="date"
                max={localToday()}
                value={doneOn}
                onChange={(e) => setDoneOn(e.target.value)}
              />
            </div>
            <div className="rr-field">
              <label htmlFor={`${id}-due`}>Next due (optional)</label>
              <input
                id={`${id}-due`}
                className="rr-input"
                type="date"
                value={nextDue}
                onChange={(e) => setNextDue(e.target.value)}
                aria-describedby={`${id}-due-hint`}
              />
              <span id={`${id}-due-hint`} className="rr-field__hint">
                For example a renewal date. Left empty, it comes round again after the review interval.
              </span>
            </div>
          </div>
          <div className="rr-field">
            <label htmlFor={`${id}-note`}>Note (kept encrypted)</label>
            <textarea
              id={`${id}-note`}
              className="rr-textarea"
              rows={2}
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          {error && (
            <p className="rr-alert rr-alert--error" role="alert">
              {error}
            </p>
          )}
          {saved && <p role="status">Saved.</p>}
          <div className="rr-actions">
            <Button type="submit" variant="primary">
              Save
            </Button>
            <Button onClick={() => setDoneOn(localToday())}>Done today</Button>
          </div>
        </form>
      </details>
    </li>
  );
}

function ReviewInterval() {
  const id = useId();
  const { settings, loaded, load, update } = useSettingsStore();
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);
  const value = settings.reviewIntervalMonths;
  const choices = intervalChoices.includes(value) ? intervalChoices : [...intervalChoices, value].sort((a, b) => a - b);
  return (
    <div className="rr-field">
      <label htmlFor={id}>Review each item every</label>
      <select
        id={id}
        className="rr-select"
        value={String(value)}
        onChange={(e) => void update({ reviewIntervalMonths: Number(e.target.value) })}
      >
        {choices.map((m) => (
          <option key={m} value={m}>
            {m === 12 ? '12 months (yearly)' : `${m} months`}
          </option>
        ))}
      </select>
    </div>
  );
}

function ReviewList() {
  const [view, setView] = useState<ReviewView | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const interval = useSettingsStore((s) => s.settings.reviewIntervalMonths);

  const reload = useCallback(
    () =>
      call('review:get', {}).then((result) => {
        if (result.ok) setView(result.value);
        else setError(result.error);
      }),
    [],
  );

  useEffect(() => {
    void reload();
  }, [reload, interval]);

  async function save(id: string, entry: ReviewItemView['entry']): Promise<ErrorData | null> {
    const result = await call('review:update', { id, ...entry });
    if (!result.ok) return result.error;
    setView(result.value);
    return null;
  }

  if (error)
    return (
      <p className="rr-alert rr-alert--error" role="alert">
        {error.message}
      </p>
    );
  if (!view) return <p role="status">Opening your practice review…</p>;
  return (
    <>
      <p role="status" className="rr-review__summary">
        {view.dueCount === 0
          ? 'Nothing is due.'
          : view.dueCount === 1
            ? '1 item is due.'
            : `${view.dueCount} items are due.`}
      </p>
      <ReviewInterval />
      <ul className="rr-review__list" aria-label="Practice review items">
        {view.items.map((item) => (
          <ReviewItemCard
            // By id only: a save must not rebuild the card, or its "Saved." and the focus are lost.
            key={item.id}
            item={item}
            onSave={(entry) => save(item.id, entry)}
          />
        ))}
      </ul>
    </>
  );
}

/** The yearly practice review: arrangements that lapse unless someone looks again. */
export function ReviewPage() {
  return (
    <section>
      <PageHeader title="Practice review" />
      <p className="rr-muted">
        Once a year, look again at how your practice is set up for online work. Record when you did each item; ReadyRoom
        tells you when it comes round again. Your dates and notes are kept in your encrypted logs.
      </p>
      <VaultGate purpose="see your practice review">
        <ReviewList />
      </VaultGate>
    </section>
  );
}
