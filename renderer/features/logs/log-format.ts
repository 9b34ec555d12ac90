import { getCatalogEntry } from '../../../shared/catalog/catalog';
import type { LogSummary } from '../../../shared/logs/readiness-log';
import { modalityLabels, platformLabel, type Modality } from '../../../shared/session/platforms';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const longDateTime = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "15 Mar 2026, 09:00" in the computer's time zone. */
export function shortWhen(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** "Sunday 15 March 2026 at 09:00". */
export function longWhen(iso: string): string {
  return longDateTime.format(new Date(iso)).replace(/, (\d{2}:\d{2})$/, ' at $1');
}

/** The checklist's title for a check or question id, falling back to the id itself. */
export function itemTitle(id: string): string {
  return getCatalogEntry(id)?.title ?? id;
}

/** The platform as logs show it; a closed one says so ("Skype (closed May 2025)"). */
export function platformName(id: string, host?: string): string {
  return platformLabel(id, host);
}

export function modalityName(modality: Modality): string {
  return modalityLabels[modality];
}

/**
 * "Needed attention" for a list row, from the same rules as the outcome: "Nothing" only on a
 * "Ready" log, so a row never contradicts its own outcome.
 */
export function attentionText(log: Pick<LogSummary, 'attention' | 'outcome'>): string {
  const n = log.attention.length;
  if (n > 0) return `${n} item${n === 1 ? '' : 's'}`;
  return log.outcome === 'ready' ? 'Nothing' : 'See the log';
}

/** "1 checked by you, 2 not applicable"; null when the therapist settled nothing by hand. */
export function judgedText(log: Pick<LogSummary, 'judged'>): string | null {
  const confirmed = log.judged.filter((j) => j.kind === 'confirmed').length;
  const notApplicable = log.judged.length - confirmed;
  const parts = [
    confirmed > 0 ? `${confirmed} checked by you` : '',
    notApplicable > 0 ? `${notApplicable} not applicable` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : null;
}
