import { getCatalogEntry } from '../../../shared/catalog/catalog';
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
