import { DateTime } from 'luxon';
import { z } from 'zod';

import { clientCodeInputSchema, clientCodeKey, storedClientCodeSchema } from '../logs/client-code';
import { dayLongLabel } from '../logs/log-trends';
import { localDateSchema } from '../schedule/schedule';
import { hiddenFreeTextCharacter, normaliseLineBreaks } from '../text/free-text';
import { codePoint } from '../text/visible-text';

/**
 * The incident log: what went wrong with clients' personal data (someone walked in, a link went to
 * the wrong person…), and the 72 hours the ICO gives from discovery to decide whether to report it.
 * Kept in the vault; only the deadlines of incidents still awaiting a decision are kept outside it.
 */

export const incidentKinds = [
  'walked-in',
  'link-wrong-person',
  'overheard',
  'device-lost',
  'wrong-email',
  'other',
] as const;
export type IncidentKind = (typeof incidentKinds)[number];

export const incidentKindLabels: Record<IncidentKind, string> = {
  'walked-in': 'Someone walked in during a session',
  'link-wrong-person': 'A session link went to the wrong person',
  overheard: 'A session was overheard',
  'device-lost': 'A device was lost or stolen',
  'wrong-email': 'An e-mail went to the wrong person',
  other: 'Something else',
};

export const icoDecisions = ['undecided', 'yes', 'no'] as const;
export type IcoDecision = (typeof icoDecisions)[number];

export const icoDecisionLabels: Record<IcoDecision, string> = {
  undecided: 'Not decided yet',
  yes: 'Reported to the ICO',
  no: 'Decided not to report',
};

export const incidentWhatMaxLength = 2000;
export const incidentActionsMaxLength = 2000;
export const incidentNoteMaxLength = 1000;
export const incidentMaxClients = 50;
/** The ICO's limit: report within 72 hours of becoming aware of a breach (where it must be reported). */
export const reportWindowMs = 72 * 60 * 60 * 1000;

/** Short ids, so they can be typed at the command line (`incident close inc-1a2b3c4d`). */
export const incidentIdSchema = z
  .string()
  .regex(/^inc-[0-9a-f]{8}$/, 'is not an incident id (inc- and 8 letters or digits)');

/** An absolute instant with its offset ("2026-03-29T00:30:00Z", "…+01:00"). */
export const instantSchema = z.iso.datetime({ offset: true });

/**
 * Why entered text cannot be kept, in plain words; null when it can. Line breaks, tabs and emoji
 * belong in a note; other hidden characters do not (free-text.ts).
 */
export function enteredTextProblem(label: string, text: string): string | null {
  const hidden = hiddenFreeTextCharacter(text);
  if (hidden === null) return null;
  return `${label} contains a hidden character (${codePoint(hidden)}), perhaps from copying and pasting. Type that part again by hand.`;
}

/** Free text as the therapist enters it: line breaks made LF (kept so), no hidden characters. */
const enteredText = (max: number, label: string) =>
  z
    .string()
    .transform(normaliseLineBreaks)
    .pipe(
      z
        .string()
        .max(max, `${label} must be ${max} characters or fewer.`)
        .superRefine((text, ctx) => {
          const problem = enteredTextProblem(label, text);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
    );

/**
 * Free text as stored: read as it is. It was checked when entered, and a log an earlier version
 * accepted (which refused only control characters) must stay readable; wherever it is shown,
 * hidden characters are made visible (showHiddenCharacters).
 */
const storedText = (max: number) => z.string().max(max);

export const icoReasonLabel = 'The note about the ICO decision';
export const closingNoteLabel = 'The closing note';

/** The note on the ICO decision and the closing note, as entered (window, command line, service). */
export const icoReasonSchema = enteredText(incidentNoteMaxLength, icoReasonLabel);
export const closingNoteSchema = enteredText(incidentNoteMaxLength, closingNoteLabel);

/** The decision about telling the ICO: "yes" means it was reported, on the date given. */
export const icoDecisionSchema = z.strictObject({
  decision: z.enum(icoDecisions),
  /** When it was reported, or when it was decided not to (null while undecided). */
  decidedOn: localDateSchema.nullable(),
  /** Why: the ICO asks for the reason to be kept when a breach is not reported. */
  reason: storedText(incidentNoteMaxLength),
});
export type IcoDecisionRecord = z.output<typeof icoDecisionSchema>;

/** The decision as entered (the window, the command line). */
export const icoDecisionInputSchema = icoDecisionSchema.extend({
  reason: icoReasonSchema,
});

/** A decision made, recorded on its own (the window's "Record the ICO decision"): yes or no, its day, why. */
export const icoDecisionEntrySchema = z.strictObject({
  decision: z.enum(['yes', 'no']),
  decidedOn: localDateSchema,
  reason: icoReasonSchema.default(''),
});
export type IcoDecisionEntry = z.input<typeof icoDecisionEntrySchema>;

/** One incident as stored in the vault. */
export const incidentSchema = z
  .strictObject({
    id: incidentIdSchema,
    kind: z.enum(incidentKinds),
    what: storedText(incidentWhatMaxLength).pipe(z.string().trim().min(1)),
    /** When it happened, if known. */
    occurredAt: instantSchema.nullable(),
    /** When it was discovered: the 72 hours run from here. */
    discoveredAt: instantSchema,
    clientCodes: z.array(storedClientCodeSchema).max(incidentMaxClients),
    actions: storedText(incidentActionsMaxLength),
    ico: icoDecisionSchema,
    status: z.enum(['open', 'closed']),
    closedAt: instantSchema.nullable(),
    closingNote: storedText(incidentNoteMaxLength),
    recordedAt: instantSchema,
  })
  .refine((i) => (i.status === 'closed') === (i.closedAt !== null), {
    message: 'a closed incident has a closing time, an open one none',
    path: ['closedAt'],
  });
export type Incident = z.output<typeof incidentSchema>;

/** The vault document ("incidents"). */
/** The most incidents one log holds (a backup's merge keeps to it too). */
export const maxIncidents = 5000;

export const incidentLogSchema = z.strictObject({ incidents: z.array(incidentSchema).max(maxIncidents) });
export type IncidentLog = z.output<typeof incidentLogSchema>;

/** What the therapist enters for a new incident or an edit (the window, the command line). */
export const incidentInputSchema = z
  .strictObject({
    kind: z.enum(incidentKinds),
    what: enteredText(incidentWhatMaxLength, 'What happened').pipe(
      z.string().trim().min(1, 'Say in a few words what happened.'),
    ),
    occurredAt: instantSchema.nullable(),
    discoveredAt: instantSchema,
    clientCodes: z.array(clientCodeInputSchema).max(incidentMaxClients),
    actions: enteredText(incidentActionsMaxLength, 'Actions taken'),
    ico: icoDecisionInputSchema,
  })
  .superRefine((input, ctx) => {
    const problem = incidentInputProblem(input);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: [problem.field] });
  });
export type IncidentInput = z.input<typeof incidentInputSchema>;
export type ParsedIncidentInput = z.output<typeof incidentInputSchema>;

export type IncidentField = 'what' | 'occurredAt' | 'discoveredAt' | 'clientCodes' | 'actions' | 'ico';

/**
 * The rules between fields, in plain words (the form shows them, the service refuses them):
 * discovery cannot come before the incident, a decision has a date, an undecided one has none.
 */
export function incidentInputProblem(
  input: Pick<ParsedIncidentInput, 'occurredAt' | 'discoveredAt' | 'clientCodes' | 'ico'>,
): { readonly field: IncidentField; readonly message: string } | null {
  if (input.occurredAt !== null && Date.parse(input.occurredAt) > Date.parse(input.discoveredAt))
    return { field: 'occurredAt', message: 'It cannot have happened after it was discovered.' };
  const keys = input.clientCodes.map(clientCodeKey);
  if (new Set(keys).size !== keys.length) return { field: 'clientCodes', message: 'A client code is listed twice.' };
  if (input.ico.decision !== 'undecided' && input.ico.decidedOn === null)
    return { field: 'ico', message: 'Give the date you reported it, or decided not to.' };
  if (input.ico.decision === 'undecided' && input.ico.decidedOn !== null)
    return { field: 'ico', message: 'A date is given only once you have decided.' };
  return null;
}

/** The day an instant falls on, on this computer's calendar (YYYY-MM-DD). */
export function localDayOf(instant: string): string {
  return DateTime.fromISO(instant).toISODate() ?? '';
}

/**
 * Why a decision cannot be recorded, in plain words; null when it can. `today` is the local date
 * (YYYY-MM-DD); `discoveredAt` the incident's discovery (an instant), or null where the incident
 * is not at hand yet (the command line before unlocking: the service checks again). A decision
 * settles the clock, so it must be made, and dated between the day of discovery and today.
 */
export function icoDecisionProblem(ico: IcoDecisionRecord, today: string, discoveredAt: string | null): string | null {
  if (ico.decision === 'undecided') return 'Say whether you reported it to the ICO or decided not to.';
  if (ico.decidedOn === null) return 'Give the date you reported it, or decided not to.';
  if (ico.decidedOn > today) return 'The date you reported it, or decided not to, cannot be in the future.';
  if (discoveredAt !== null) {
    const discoveredOn = localDayOf(discoveredAt);
    if (ico.decidedOn < discoveredOn)
      return `The date you reported it, or decided not to, cannot be before you found out about it (${dayLongLabel(discoveredOn)}).`;
  }
  return null;
}

/**
 * The deadline for deciding whether to report: discovery plus 72 real hours, as an absolute
 * instant (UTC). Arithmetic on the instant, never on the wall clock, so a change to or from
 * summer time in between neither adds nor takes away an hour.
 */
export function reportDeadline(discoveredAt: string): string {
  const at = Date.parse(discoveredAt);
  if (!Number.isFinite(at)) throw new RangeError('discoveredAt is not a time');
  return new Date(at + reportWindowMs).toISOString();
}

/**
 * Whether the 72-hour clock still runs: nobody has recorded whether it was reported. Closing an
 * incident (the practical work done) does not settle that, so a closed incident counts too.
 */
export function awaitingDecision(incident: Pick<Incident, 'ico'>): boolean {
  return incident.ico.decision === 'undecided';
}

/** Closed, but whether to report it to the ICO is still undecided: the clock runs on. */
export function closedAwaitingDecision(incident: Pick<Incident, 'status' | 'ico'>): boolean {
  return incident.status === 'closed' && awaitingDecision(incident);
}

/** Milliseconds until the deadline (negative once it has passed). */
export function timeLeft(incident: Pick<Incident, 'discoveredAt'>, now: Date): number {
  return Date.parse(reportDeadline(incident.discoveredAt)) - now.getTime();
}

/** Past its deadline with no decision made. */
export function overdue(incident: Pick<Incident, 'discoveredAt' | 'ico'>, now: Date): boolean {
  return awaitingDecision(incident) && timeLeft(incident, now) <= 0;
}

/** One deadline kept outside the vault: no text, no client code. */
export const incidentDeadlineSchema = z.strictObject({ id: incidentIdSchema, deadline: instantSchema });
export type IncidentDeadline = z.output<typeof incidentDeadlineSchema>;
export const incidentDeadlinesSchema = z.array(incidentDeadlineSchema).max(maxIncidents);

/** The deadlines of the incidents still awaiting a decision (open or closed), soonest first. */
export function pendingDeadlines(incidents: readonly Incident[]): IncidentDeadline[] {
  return incidents
    .filter(awaitingDecision)
    .map((i) => ({ id: i.id, deadline: reportDeadline(i.discoveredAt) }))
    .sort((a, b) => Date.parse(a.deadline) - Date.parse(b.deadline));
}

/** "41 h", "35 min": whole hours down to the last hour, then minutes (never rounds up to more time than there is). */
function durationWords(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes >= 60) return `${Math.floor(minutes / 60)} h`;
  return `${Math.max(minutes, 1)} min`;
}

/** "Incident: 41 h left to decide whether to report" or, once past, how long ago the time ran out. */
export function deadlineWords(deadline: string, now: Date): string {
  const left = Date.parse(deadline) - now.getTime();
  if (left > 0) return `Incident: ${durationWords(left)} left to decide whether to report`;
  return `Incident: the 72 hours to decide whether to report ran out ${durationWords(left)} ago`;
}
