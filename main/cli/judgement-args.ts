import { getCatalogEntry } from '../../shared/catalog/catalog';
import {
  judgementNeedsNote,
  judgementNoteMaxLength,
  notApplicableReasonLabels,
  notApplicableReasons,
  type Judgement,
  type JudgementInput,
  type NotApplicableReason,
} from '../../shared/checks/judgement';
import { UsageError } from './cli-types';

/** The therapist's own answers given on the command line for `scan --save`. */
export interface CliJudgements {
  /** "I checked this myself" and "not applicable" for checks. */
  readonly judgements: readonly JudgementInput[];
  /** Manual questions answered yes with `--confirm ID`. */
  readonly confirmations: readonly string[];
}

export const judgementUsage = `  --confirm ID[=NOTE]     You checked this yourself (repeatable): a check that could not run or
                          only needs attention, or a checklist question answered yes. A check
                          that must be sorted out before a session needs the note.
  --not-applicable ID=WHY Not applicable here, because WHY (repeatable): one of
                          ${notApplicableReasons.join(', ')}, optionally followed by :NOTE,
                          or your own words. Not allowed for the client's location or contacts.`;

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function checkNote(id: string, note: string): string {
  if (note.length > judgementNoteMaxLength) {
    throw new UsageError(`The note for ${id} is too long: keep it to ${judgementNoteMaxLength} characters.`);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(note)) {
    throw new UsageError(`The note for ${id} contains control characters.`);
  }
  return note.trim();
}

function entryFor(flag: string, id: string) {
  const entry = getCatalogEntry(id);
  if (!entry) throw new UsageError(`${flag}: unknown check id "${id}". See \`readyroom scan --help\` for the ids.`);
  return entry;
}

/**
 * Parses `--confirm ID[=NOTE]` and `--not-applicable ID=WHY` before anything runs, so a mistake
 * costs nothing: an unknown id, a blocker without its note, a judgement the item never allows.
 * Whether it fits what the scan then sees (say, a confirm on a check that failed) is decided after.
 */
export function parseJudgementArgs(
  confirm: readonly string[],
  notApplicable: readonly string[],
  at: Date,
): CliJudgements {
  const when = at.toISOString();
  const judgements: JudgementInput[] = [];
  const confirmations: string[] = [];
  const seen = new Set<string>();
  const once = (flag: string, id: string) => {
    if (seen.has(id)) throw new UsageError(`${flag}: ${id} is given more than once.`);
    seen.add(id);
  };

  for (const arg of confirm) {
    const [id, rawNote] = splitOnce(arg, '=');
    const entry = entryFor('--confirm', id);
    once('--confirm', id);
    const note = rawNote === undefined ? '' : checkNote(id, rawNote);
    if (entry.kind === 'manual') {
      if (note) throw new UsageError(`--confirm ${id} is a question you answer yes; it takes no note.`);
      confirmations.push(id);
      continue;
    }
    if (judgementNeedsNote(entry, { kind: 'confirmed' }) && !note) {
      throw new UsageError(
        `--confirm ${id} needs a note: "${entry.title}" must be sorted out before a session (--confirm ${id}="how you checked").`,
      );
    }
    judgements.push({ id, kind: 'confirmed', ...(note ? { note } : {}), at: when });
  }

  for (const arg of notApplicable) {
    const [id, why] = splitOnce(arg, '=');
    const entry = entryFor('--not-applicable', id);
    once('--not-applicable', id);
    if (entry.notApplicable === false) {
      throw new UsageError(
        `--not-applicable ${id}: "${entry.title}" is about this session's client, so it always applies.`,
      );
    }
    if (why === undefined || !why.trim()) {
      throw new UsageError(
        `--not-applicable ${id} needs a reason: ${id}=${notApplicableReasons.join('|')} or your own words.`,
      );
    }
    const [code, rest] = splitOnce(why.trim(), ':');
    const known = (notApplicableReasons as readonly string[]).includes(code.trim());
    const reason: NotApplicableReason = known ? (code.trim() as NotApplicableReason) : 'other';
    const note = checkNote(id, known ? (rest ?? '') : why);
    if (judgementNeedsNote(entry, { kind: 'not-applicable', reason }) && !note) {
      throw new UsageError(
        `--not-applicable ${id} needs a note: "${entry.title}" must be sorted out before a session (${id}=${reason}:"why").`,
      );
    }
    judgements.push({ id, kind: 'not-applicable', reason, ...(note ? { note } : {}), at: when });
  }
  return { judgements, confirmations };
}

/** The therapist's judgement in words, under the check it is about. */
export function judgementText(j: Judgement): string {
  const note = j.note ? `: ${j.note}` : '';
  if (j.kind === 'confirmed') return `You checked this yourself${note}.`;
  const reason = notApplicableReasonLabels[j.reason];
  return `Not applicable (${reason})${note}${j.remembered ? ' (kept for this computer in Settings)' : ''}.`;
}
