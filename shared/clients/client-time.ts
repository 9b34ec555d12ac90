import { DateTime } from 'luxon';

import { isValidZone } from '../schedule/schedule';

/** A local hour before this is early for a session (07:00). */
export const earliestUsualHour = 7;
/** From this local hour on it is late for a session (22:00). */
export const latestUsualHour = 22;

export interface ClientLocalTime {
  /** "14:30" on the client's clock. */
  readonly time: string;
  /** "Tue 3 Mar" on the client's calendar. */
  readonly day: string;
  /** "GMT+1", "CET" or the like, as the platform names the offset. */
  readonly offset: string;
  /** Minutes ahead of UTC at that instant. */
  readonly offsetMinutes: number;
  readonly hour: number;
  readonly minute: number;
  /** Whether the client's calendar day differs from the therapist's. */
  readonly otherDay: boolean;
  readonly unusual: boolean;
}

function toDateTime(instant: Date | string, zone: string): DateTime | null {
  if (!isValidZone(zone)) return null;
  const base =
    typeof instant === 'string' ? DateTime.fromISO(instant, { setZone: true }) : DateTime.fromJSDate(instant);
  if (!base.isValid) return null;
  const local = base.setZone(zone);
  return local.isValid ? local : null;
}

/** Before 07:00 or from 22:00 on the client's clock; false when the zone or instant cannot be read. */
export function unusualHour(instant: Date | string, zone: string): boolean {
  const local = toDateTime(instant, zone);
  return local !== null && (local.hour < earliestUsualHour || local.hour >= latestUsualHour);
}

/**
 * The session instant on the client's clock, in their IANA zone (luxon applies that zone's
 * daylight-saving rules for that very instant). `therapistZone` says which day the therapist is on,
 * to point out a session that falls on another calendar day for the client. Null when the zone or
 * instant cannot be read: shown as "not known", never guessed.
 */
export function clientLocalTime(instant: Date | string, zone: string, therapistZone?: string): ClientLocalTime | null {
  const local = toDateTime(instant, zone);
  if (!local) return null;
  const mine = therapistZone ? toDateTime(instant, therapistZone) : null;
  return {
    time: local.toFormat('HH:mm'),
    day: local.setLocale('en-GB').toFormat('ccc d LLL'),
    offset: local.setLocale('en-GB').toFormat('ZZZZ'),
    offsetMinutes: local.offset,
    hour: local.hour,
    minute: local.minute,
    otherDay: mine !== null && mine.toISODate() !== local.toISODate(),
    unusual: local.hour < earliestUsualHour || local.hour >= latestUsualHour,
  };
}

/** One line for the screen: "14:30 for the client (Tue 3 Mar, GMT+1)". */
export function clientTimeText(local: ClientLocalTime): string {
  return `${local.time} for the client (${local.day}, ${local.offset})`;
}

/** Why an hour is unusual, in plain words; null when it is not. */
export function unusualHourText(local: ClientLocalTime): string | null {
  if (!local.unusual) return null;
  return local.hour < earliestUsualHour
    ? `That is early in the morning for your client (before ${String(earliestUsualHour).padStart(2, '0')}:00 their time). Check they expect it.`
    : `That is late in the evening for your client (${latestUsualHour}:00 or later their time). Check they expect it.`;
}
