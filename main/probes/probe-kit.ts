import type { CheckStatus } from '../../shared/checks/check-result';
import { programCatalog } from '../../shared/programs/programs.catalog';
import type { JsonObject } from '../../shared/json';
import type { Fact } from './platform/platform-types';
import type { ProbeOutcome } from './probe-types';

export function outcome(status: CheckStatus, summary: string, evidence: JsonObject = {}): ProbeOutcome {
  return { status, summary, evidence };
}

/**
 * Turns an unknown or not-applicable fact into the probe's outcome, so each probe only grades known facts.
 * `skipped` for not-applicable: the question does not arise on this computer.
 */
export function unresolved(fact: Exclude<Fact<unknown>, { state: 'known' }>, prefix: string): ProbeOutcome {
  if (fact.state === 'not-applicable') {
    return outcome('skipped', sentence(fact.reason), { ...fact.evidence, reason: fact.reason });
  }
  return outcome('unknown', sentence(`${prefix}: ${lowerFirst(fact.reason)}`), {
    ...fact.evidence,
    reason: fact.reason,
  });
}

/** Ends a summary with a full stop. */
export function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Names that keep their capital in the middle of a sentence. */
const properNames = new Set([
  'Windows',
  'Linux',
  'Microsoft',
  'Apple',
  'ReadyRoom',
  'ClamAV',
  'PowerShell',
  'FileVault',
  'BitLocker',
  'Siri',
]);

/** Names of two words whose first word alone is an ordinary one ("System", "Time"). */
const properPhrases = ['System Information', 'Time Machine', 'File History', 'Task Scheduler', 'Software Update'];

/** Lower-cases the first word so a reason can follow a colon, unless it is a name ("Windows", "ReadyRoom"). */
export function lowerFirst(text: string): string {
  const first = /^[^\s,;:.()]+/.exec(text)?.[0] ?? '';
  if (properNames.has(first) || !/^[A-Z][a-z]+$/.test(first)) return text;
  if (properPhrases.some((p) => text.startsWith(`${p} `) || text === p)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Program names that are written in lower case ("arecord", "ffmpeg", "tl;dv") and stay so at a sentence's start. */
const lowercaseNames = programCatalog.map((e) => e.name).filter((n) => /^[a-z]/.test(n));

/** Capitalises a sentence's first letter, unless it begins with a name written otherwise ("macOS", "ffmpeg"). */
export function upperFirst(text: string): string {
  if (/^[a-z]+[A-Z]/.test(text) || lowercaseNames.some((n) => text.startsWith(n))) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Dropbox, Chrome and Spotify"; long lists end in "and N more". */
export function listNames(names: readonly string[], max = 4): string {
  const unique = [...new Set(names)];
  if (unique.length <= 1) return unique[0] ?? '';
  if (unique.length > max) return `${unique.slice(0, max).join(', ')} and ${unique.length - max} more`;
  return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function round(value: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** "2.4 Mbit/s" from bytes per second. */
export function formatRate(bytesPerSec: number): string {
  const mbit = (bytesPerSec * 8) / 1_000_000;
  if (mbit >= 10) return `${round(mbit)} Mbit/s`;
  if (mbit >= 0.1) return `${round(mbit, 1)} Mbit/s`;
  return `${round((bytesPerSec * 8) / 1000)} kbit/s`;
}
