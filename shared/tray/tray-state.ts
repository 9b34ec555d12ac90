import { deadlineWords } from '../incidents/incident';
import { outcomeLabels, type Outcome } from '../logs/readiness-log';

/** The last readiness check the tray knows of: a saved log or a quick check from the tray. */
export interface LastCheck {
  readonly outcome: Outcome;
  /** ISO 8601. */
  readonly checkedAt: string;
  /** Only the automatic checks ran (the tray's quick check): the room and client were not confirmed. */
  readonly computerOnly: boolean;
}

/** What the tray icon shows. "stale" shares the "unchecked" picture: an old result is no result. */
export const trayStates = ['ready', 'advice', 'not-ready', 'unchecked', 'stale'] as const;
export type TrayState = (typeof trayStates)[number];

/** Each picture drawn in assets/src/tray/: one per state, stale drawn as unchecked. */
export const trayGlyphs = ['ready', 'advice', 'not-ready', 'unchecked'] as const;
export type TrayGlyph = (typeof trayGlyphs)[number];

/**
 * A check goes stale after the time main keeps a scan's results for a log (3 hours): by then the
 * computer may have changed, and the tray must not go on saying "Ready".
 */
export const defaultStaleAfterMs = 3 * 60 * 60 * 1000;

export function trayState(last: LastCheck | null, now: Date, staleAfterMs = defaultStaleAfterMs): TrayState {
  if (!last) return 'unchecked';
  const age = now.getTime() - Date.parse(last.checkedAt);
  // A date in the future (the clock moved back) cannot be trusted either.
  if (!Number.isFinite(age) || age < 0 || age >= staleAfterMs) return 'stale';
  return last.outcome === 'ready' ? 'ready' : last.outcome === 'ready-with-advice' ? 'advice' : 'not-ready';
}

export function trayGlyph(state: TrayState): TrayGlyph {
  return state === 'stale' ? 'unchecked' : state;
}

/**
 * The icon file for a state on this OS and taskbar. macOS: a template image the system tints.
 * Elsewhere "dark" is a light glyph for a dark taskbar; Windows gets a multi-size .ico, and
 * Electron picks the @2x PNG on Linux by itself.
 */
export function trayIconFile(state: TrayState, platform: string, darkTaskbar: boolean): string {
  const glyph = trayGlyph(state);
  if (platform === 'darwin') return `tray-${glyph}Template.png`;
  const variant = darkTaskbar ? 'dark' : 'light';
  return platform === 'win32' ? `tray-${glyph}-${variant}.ico` : `tray-${glyph}-${variant}.png`;
}

/** Every icon file the app may load, for the asset script and its tests. */
export function allTrayIconFiles(): string[] {
  return trayGlyphs.flatMap((glyph) => [
    `tray-${glyph}Template.png`,
    `tray-${glyph}Template@2x.png`,
    ...(['light', 'dark'] as const).flatMap((variant) => [
      `tray-${glyph}-${variant}.png`,
      `tray-${glyph}-${variant}@2x.png`,
      `tray-${glyph}-${variant}.ico`,
    ]),
  ]);
}

export interface TooltipOptions {
  readonly now: Date;
  /** IANA zone for the time shown; the computer's own when absent. */
  readonly timeZone?: string;
  readonly staleAfterMs?: number;
  /** Items of the yearly practice review that are due (0 or absent: nothing is said). */
  readonly reviewDue?: number;
  /** Deadlines (ISO instants) of incidents awaiting a decision about reporting, open or closed. */
  readonly incidentDeadlines?: readonly string[];
}

/** "14:02" today, "Tue 3 Mar, 14:02" on another day, in the computer's time zone. */
export function checkedTime(checkedAt: string, options: Pick<TooltipOptions, 'now' | 'timeZone'>): string {
  const at = new Date(checkedAt);
  const zone = options.timeZone ? { timeZone: options.timeZone } : {};
  const day = (date: Date) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', ...zone }).format(date);
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...zone,
  }).format(at);
  if (day(at) === day(options.now)) return time;
  const date = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', ...zone }).format(
    at,
  );
  return `${date}, ${time}`;
}

/** The tray tooltip in words: the icon alone must never be the only way to tell the state. */
export function trayTooltip(last: LastCheck | null, options: TooltipOptions): string {
  const due = options.reviewDue ?? 0;
  const review = due > 0 ? `\nPractice review: ${due} ${due === 1 ? 'item' : 'items'} due` : '';
  // First: the most pressing line, and Windows cuts a tooltip at 127 characters.
  const incident = incidentLine(options.incidentDeadlines ?? [], options.now);
  return (incident ? `${incident}\n` : '') + checkTooltip(last, options) + review;
}

/** The soonest incident deadline in words, and how many more are waiting for a decision; null when none. */
export function incidentLine(deadlines: readonly string[], now: Date): string | null {
  const soonest = [...deadlines].sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  if (soonest === undefined) return null;
  const more = deadlines.length - 1;
  return deadlineWords(soonest, now) + (more > 0 ? ` (+${more} more)` : '');
}

function checkTooltip(last: LastCheck | null, options: TooltipOptions): string {
  const state = trayState(last, options.now, options.staleAfterMs);
  if (!last || state === 'unchecked') return 'ReadyRoom: not checked yet';
  const when = checkedTime(last.checkedAt, options);
  if (state === 'stale') return `ReadyRoom: last checked ${when}, check again before a session`;
  const scope = last.computerOnly ? ' (computer checks only)' : '';
  return `${outcomeLabels[last.outcome]}${scope}, checked ${when}`;
}
