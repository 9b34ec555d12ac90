import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { ParseArgsConfig } from 'node:util';

import type { Judgement, JudgementInput } from '../../shared/checks/judgement';
import type { ScanReport } from '../../shared/checks/scan-report';
import type { UnlockRequest } from '../../shared/ipc/vault.contract';
import { checkClientCode, clientCodeWarningText, normalizeClientCode } from '../../shared/logs/client-code';
import { assembleReadinessLog, type RecordedCheck } from '../../shared/logs/log-assembly';
import { logOutcome } from '../../shared/logs/log-outcome';
import { periodLabel, periodList } from '../../shared/logs/log-periods';
import { outcomeLabels, type NewReadinessLog } from '../../shared/logs/readiness-log';
import { modalities, sessionPlatformIds, type Modality, type SessionPlatformId } from '../../shared/session/platforms';
import type { Settings } from '../../shared/settings/settings';
import type { ServiceGraph } from '../composition/service-graph';
import type { UnlockOptions, VaultService, VaultServiceDeps } from '../vault/vault-service';
import { parseCommandArgs } from './cli-args';
import { createCliServices } from './cli-services';
import type { AfterScanOutcome } from './commands/scan.command';
import type { CliContext, CliIo, CliOptionValues } from './cli-types';
import { UsageError } from './cli-types';
import { judgementUsage, parseJudgementArgs } from './judgement-args';

/** The options every vault-using command accepts. */
export const vaultCliOptions = {
  'data-dir': { type: 'string' },
  'passphrase-file': { type: 'string' },
  'passphrase-stdin': { type: 'boolean' },
  'recovery-key-file': { type: 'string' },
} as const;

export const vaultCliUsage = `  --data-dir DIR          ReadyRoom's data folder (default: its usual folder on this computer).
  --passphrase-file F     Read the passphrase from the first line of file F.
  --passphrase-stdin      Read the passphrase from the first line of standard input.
  --recovery-key-file F   Unlock with the recovery key in file F instead of the passphrase.
Without these, ReadyRoom asks on the terminal; what you type is not shown.`;

export type VaultCliValues = {
  readonly 'data-dir'?: string | boolean;
  readonly 'passphrase-file'?: string | boolean;
  readonly 'passphrase-stdin'?: string | boolean;
  readonly 'recovery-key-file'?: string | boolean;
};

export interface VaultCliDeps {
  readonly appVersion: string;
  /** Tests pass a cheaper scrypt cost. */
  readonly vaultDeps?: Partial<VaultServiceDeps>;
}

const maxSecretFileBytes = 4096;
/** The longest note a log keeps (newReadinessLogSchema). */
export const maxNoteLength = 4000;
const maxNoteFileBytes = 64 * 1024;

/** Said in the usage of every command that takes a client code or a note. */
export const argvPrivacyNote = `Anything typed on the command line can be kept in your shell history and seen by other
programs on this computer while the command runs. For client codes and notes, prefer
--client-file F, --note-file F (a file only you can read: chmod 600) or --note-stdin.`;

/** The end of the usage of every command that opens the vault: its options, the privacy note, the exit codes. */
export const vaultCommandUsageEnd = `${vaultCliUsage}

${argvPrivacyNote}

Exit codes: 0 success, 1 the action failed (for example a wrong passphrase), 2 bad arguments.`;

/** The services for this command line's data folder, from the composition root. */
export function cliServicesFor(values: VaultCliValues, context: CliContext, deps: VaultCliDeps): ServiceGraph {
  const dataDir = typeof values['data-dir'] === 'string' ? resolve(values['data-dir']) : context.defaultDataDir;
  return createCliServices(context, dataDir, {
    appVersion: deps.appVersion,
    ...(deps.vaultDeps ? { vaultOverrides: deps.vaultDeps } : {}),
  });
}

/** The vault for this command line, not yet unlocked, from the composition root (with the folder's settings). */
export function createCliVault(values: VaultCliValues, context: CliContext, deps: VaultCliDeps): VaultService {
  return cliServicesFor(values, context, deps).vault;
}

/** Reads one secret from a file: the first line, so an editor's final newline does not count. */
export function readSecretFile(path: string, io: CliIo, what: string): string {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UsageError(`Cannot read the ${what} file ${path}.`);
  }
  // A folder fails to read; a pipe or a device would block or never end.
  if (!stat.isFile()) throw new UsageError(`${path} is not a file: give the file that holds the ${what}.`);
  if (stat.size > maxSecretFileBytes) throw new UsageError(`The ${what} file is too large to be a ${what}.`);
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    io.stderr(`Warning: other users of this computer can read ${path}. Consider chmod 600.\n`);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`Cannot read the ${what} file ${path}.`);
  }
  const first = text.split(/\r?\n/)[0] ?? '';
  if (first === '') throw new UsageError(`The ${what} file is empty.`);
  return first;
}

/**
 * Reads a client code or a note from a file, checked like a passphrase file. Its path is never
 * echoed (a file name can carry a client code); `whole` keeps every line (a note), else the first.
 */
export function readPrivateFile(path: string, io: CliIo, what: 'client code' | 'note', whole: boolean): string {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UsageError(`Cannot read the ${what} file.`);
  }
  if (!stat.isFile()) throw new UsageError(`Cannot read the ${what} file.`);
  if (stat.size > (whole ? maxNoteFileBytes : maxSecretFileBytes)) {
    throw new UsageError(`The ${what} file is too large to be a ${what}.`);
  }
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    io.stderr(`Warning: other users of this computer can read the ${what} file. Consider chmod 600.\n`);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`Cannot read the ${what} file.`);
  }
  const value = whole ? text.replace(/(\r?\n)+$/, '') : (text.split(/\r?\n/)[0] ?? '');
  if (value.trim() === '') throw new UsageError(`The ${what} file is empty.`);
  return value;
}

/** What stderr says about months that could not be read or are missing; empty when there are none. */
export function unreadableNotice(periods: readonly string[], missing: readonly string[] = []): string {
  const lines: string[] = [];
  if (periods.length > 0)
    lines.push(
      `Note: the logs for ${periodList(periods)} could not be read and were set aside unchanged. Restoring a backup brings them back, except those of a client whose logs you erased.`,
    );
  if (missing.length > 0)
    lines.push(
      `Note: the logs file for ${periodList(missing)} is missing from ReadyRoom's folder (something deleted or moved it). Restoring a backup brings those logs back, except those of a client whose logs you erased.`,
    );
  return lines.map((line) => `${line}\n`).join('');
}

/** A note longer than a log keeps is refused, never cut short without a word. */
function checkNoteLength(note: string): string {
  if (note.length > maxNoteLength) {
    throw new UsageError(`The note is too long: keep it to ${maxNoteLength} characters.`);
  }
  return note;
}

/** All of standard input (capped), split into lines. */
export async function readStdinLines(stdin: Readable): Promise<string[]> {
  let text = '';
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (text.length > 64 * 1024) throw new UsageError('Standard input is too long.');
  }
  return text.split(/\r?\n/);
}

type RawTty = Readable & { setRawMode?: (on: boolean) => unknown; isTTY?: boolean };

/** Asks on the terminal without showing what is typed (raw mode; Backspace works, Ctrl-C cancels). */
export function promptHidden(io: CliIo, question: string): Promise<string> {
  const stdin = io.stdin as RawTty;
  if (!io.interactive || typeof stdin.setRawMode !== 'function') {
    return Promise.reject(new UsageError('No terminal to ask on: use --passphrase-file F or --passphrase-stdin.'));
  }
  io.stderr(question);
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolvePrompt, reject) => {
    let text = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      io.stderr('\n');
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of typeof chunk === 'string' ? chunk : chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolvePrompt(text);
          return;
        }
        if (ch === '\u0003' || (ch === '\u0004' && text === '')) {
          finish();
          reject(new UsageError('Cancelled; nothing was changed.'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') text = [...text].slice(0, -1).join('');
        else if (ch >= ' ') text += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** Asks on the terminal and reads one visible line (the terminal echoes it). */
export function promptLine(io: CliIo, question: string): Promise<string> {
  const stdin = io.stdin;
  if (!io.interactive) return Promise.reject(new UsageError('No terminal to ask on.'));
  io.stderr(question);
  stdin.resume();
  return new Promise((resolvePrompt) => {
    let text = '';
    const onData = (chunk: Buffer | string) => {
      text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      const newline = text.search(/\r?\n/);
      if (newline >= 0) {
        stdin.off('data', onData);
        stdin.pause();
        resolvePrompt(text.slice(0, newline));
      }
    };
    stdin.on('data', onData);
  });
}

/**
 * How this command line proves who the user is: --recovery-key-file, --passphrase-file,
 * --passphrase-stdin (first line), or a hidden prompt. `stdinLines` is shared so a command
 * can take a second line (a new passphrase) from the same input.
 */
export async function unlockRequestFromArgs(
  values: VaultCliValues,
  io: CliIo,
  stdinLines: () => Promise<string[]>,
): Promise<UnlockRequest> {
  const sources = [values['passphrase-file'], values['passphrase-stdin'], values['recovery-key-file']].filter(
    (v) => v !== undefined,
  );
  if (sources.length > 1)
    throw new UsageError('Give only one of --passphrase-file, --passphrase-stdin and --recovery-key-file.');
  if (typeof values['recovery-key-file'] === 'string') {
    return { method: 'recovery-key', recoveryKey: readSecretFile(values['recovery-key-file'], io, 'recovery key') };
  }
  if (typeof values['passphrase-file'] === 'string') {
    return { method: 'passphrase', passphrase: readSecretFile(values['passphrase-file'], io, 'passphrase') };
  }
  if (values['passphrase-stdin']) {
    const first = (await stdinLines())[0] ?? '';
    if (first === '') throw new UsageError('Standard input held no passphrase.');
    return { method: 'passphrase', passphrase: first };
  }
  return { method: 'passphrase', passphrase: await promptHidden(io, 'Passphrase for your ReadyRoom logs: ') };
}

/** Reads standard input once, however many times it is asked for. */
export function sharedStdin(stdin: Readable): () => Promise<string[]> {
  let lines: Promise<string[]> | null = null;
  return () => (lines ??= readStdinLines(stdin));
}

/** Refuses an option that `command` (e.g. "logs list") does not take; the vault options are taken by all. */
export function refuseStrayOptions(command: string, values: Record<string, unknown>, own: readonly string[]): void {
  const vaultOptions = Object.keys(vaultCliOptions);
  const stray = Object.keys(values).filter((k) => !vaultOptions.includes(k) && !own.includes(k));
  if (stray.length > 0) throw new UsageError(`${command} does not take --${stray.join(', --')}.`);
}

/**
 * Reads `<name> <sub> [options] [ID]`: `sub` must be one of `allowed`, with only its own options
 * (and the vault's); only `id.sub` takes one argument, the `id.what`.
 */
export function parseSubcommand<S extends string, O extends NonNullable<ParseArgsConfig['options']>>(
  name: string,
  argv: readonly string[],
  allowed: Readonly<Record<S, readonly string[]>>,
  options: O,
  id?: { readonly sub: S; readonly what: string },
) {
  const [sub, ...rest] = argv;
  if (!sub || !Object.hasOwn(allowed, sub))
    throw new UsageError(`Say which ${name} command: ${Object.keys(allowed).join(', ')}.`);
  const command = sub as S;
  const { values, positionals } = parseCommandArgs(rest, options);
  refuseStrayOptions(`${name} ${command}`, values, allowed[command]);
  const wantsId = id?.sub === command;
  if (positionals.length !== (wantsId ? 1 : 0))
    throw new UsageError(
      wantsId ? `${name} ${command} needs the ${id.what}.` : `${name} ${command} takes no arguments.`,
    );
  return { command, values, positionals };
}

/**
 * The services for this command line with the vault unlocked (read-only when only reading),
 * locked again once `work` is done. Says when the recovery key was never confirmed.
 */
export async function withUnlockedServices<T>(
  values: VaultCliValues,
  context: CliContext,
  deps: VaultCliDeps,
  work: (graph: ServiceGraph) => Promise<T> | T,
  options: { readonly readOnly?: boolean; readonly stdinLines?: () => Promise<string[]> } = {},
): Promise<T> {
  const graph = cliServicesFor(values, context, deps);
  const request = await unlockRequestFromArgs(values, context.io, options.stdinLines ?? sharedStdin(context.io.stdin));
  await graph.vault.unlock(request, { readOnly: options.readOnly === true });
  if (graph.vault.status().recoveryKeyUnconfirmed) {
    context.io.stderr(
      'Note: your recovery key was never confirmed as written down. Run "logs new-recovery-key" to make one you can keep.\n',
    );
  }
  try {
    return await work(graph);
  } finally {
    graph.vault.lock('quit');
  }
}

export async function openVaultFromArgs(
  values: VaultCliValues,
  context: CliContext,
  deps: VaultCliDeps,
  stdinLines: () => Promise<string[]> = sharedStdin(context.io.stdin),
  options: UnlockOptions = {},
): Promise<VaultService> {
  const vault = createCliVault(values, context, deps);
  const request = await unlockRequestFromArgs(values, context.io, stdinLines);
  await vault.unlock(request, options);
  return vault;
}

export interface ScanLogOptions {
  readonly client: string;
  readonly note?: string;
  readonly platform?: SessionPlatformId;
  readonly modality?: Modality;
  readonly sessionAt?: Date;
  /** From --confirm and --not-applicable. */
  readonly judgements?: readonly JudgementInput[];
  /** Questions answered yes with --confirm ID. */
  readonly confirmations?: readonly string[];
  /** "Not applicable" kept for this computer in Settings. */
  readonly remembered?: Settings['notApplicable'];
}

export interface ScanLogSaved {
  readonly id: string;
  readonly outcome: NewReadinessLog['outcome'];
  readonly warnings: readonly string[];
  readonly unconfirmed: number;
  /** The judgements saved with the log (given, and remembered in Settings). */
  readonly judgements: readonly Judgement[];
  /** Judgements given but not used, each with why in one line. */
  readonly notUsed: readonly string[];
}

/**
 * Turns a scan into a readiness log and saves it, built the same way as the app's (the shared
 * assembly). The CLI asks no questions: those not answered with --confirm stay unconfirmed and the
 * outcome says so (unknown is never a pass). A judgement that does not fit what the scan saw (a
 * confirm on a check that failed) is left out and said, so the log stays honest.
 */
export function saveScanAsLog(vault: VaultService, report: ScanReport, options: ScanLogOptions): ScanLogSaved {
  const code = checkClientCode(options.client);
  if (!code.valid) throw new UsageError(code.error ?? 'Enter a client code.');
  const modality = options.modality ?? 'video';
  const automatic: Record<string, RecordedCheck> = {};
  for (const result of report.checks.slice(0, 100)) automatic[result.id] = { result, checkedAt: report.startedAt };
  const build = (judgements: readonly JudgementInput[]) =>
    assembleReadinessLog({
      session: {
        sessionAt: (options.sessionAt ?? new Date()).toISOString(),
        clientCode: code.code,
        platform: options.platform ?? 'other',
        modality,
      },
      automatic,
      missingSummary: 'Not run in this scan.',
      media: [],
      untestedMediaSummary: 'The camera, microphone and sound cannot be tested from the command line.',
      confirmations: Object.fromEntries((options.confirmations ?? []).map((id) => [id, true])),
      judgements,
      remembered: options.remembered ?? [],
      programsClosed: [],
      note: (options.note ?? '').slice(0, 4000),
    });
  const given = options.judgements ?? [];
  let assembled = build(given);
  const notUsed = assembled.problems.map((p) => `--${flagOf(given, p.id)} ${p.id} was not used: ${p.message}`);
  if (assembled.problems.length > 0) {
    const refused = new Set(assembled.problems.map((p) => p.id));
    assembled = build(given.filter((j) => !refused.has(j.id)));
  }
  for (const id of assembled.unused) notUsed.push(`--${flagOf(given, id)} ${id} was not needed: the check passed.`);
  const saved = vault.save(assembled.log);
  return {
    id: saved.id,
    // What the vault stored: it computes the outcome itself from the same checks.
    outcome: saved.outcome,
    warnings: code.warnings.map((w) => clientCodeWarningText[w]),
    unconfirmed: logOutcome(assembled.log).counts.unconfirmed,
    judgements: assembled.log.judgements ?? [],
    notUsed,
  };
}

function flagOf(given: readonly JudgementInput[], id: string): string {
  return given.find((j) => j.id === id)?.kind === 'not-applicable' ? 'not-applicable' : 'confirm';
}

/** Extra options for `scan`, so the lead's scan command can save its report: `--save --client C [--note TEXT]`. */
export const scanSaveOptions = {
  save: { type: 'boolean' },
  client: { type: 'string' },
  'client-file': { type: 'string' },
  note: { type: 'string' },
  'note-file': { type: 'string' },
  'note-stdin': { type: 'boolean' },
  modality: { type: 'string' },
  confirm: { type: 'string', multiple: true },
  'not-applicable': { type: 'string', multiple: true },
  ...vaultCliOptions,
} as const;

/** The `scan` usage lines for the options above; the scan command appends them to its own. */
export const scanSaveUsage = `Saving the report as a readiness log:
  --save                  Save the report in your encrypted log vault (needs a client code).
  --client CODE           The client's code, never their name. Or --client-file F (its first line).
  --note TEXT             A note to keep with the log. Or --note-file F, or --note-stdin (all of
                          standard input; after the passphrase line with --passphrase-stdin).
  --modality M            ${modalities.join(', ')} (default video).
${judgementUsage}
${vaultCliUsage}
${argvPrivacyNote}`;

type RawOptions = CliOptionValues;

const listOf = (value: CliOptionValues[string]): readonly string[] =>
  Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];

/** Options that only make sense with --save. */
const saveOnlyOptions = ['client', 'client-file', 'note', 'note-file', 'note-stdin', 'confirm', 'not-applicable'];

/**
 * The `beforeScan` hook: refuses options that need --save without it, and bad --confirm or
 * --not-applicable values, before anything is scanned or saved.
 */
export function checkScanSaveArgs(options: CliOptionValues): void {
  if (!options.save) {
    const stray = saveOnlyOptions.filter((k) => options[k] !== undefined && options[k] !== false);
    if (stray.length > 0) throw new UsageError(`--${stray.join(', --')} need${stray.length === 1 ? 's' : ''} --save.`);
    return;
  }
  parseJudgementArgs(listOf(options.confirm), listOf(options['not-applicable']), new Date());
}

/** The client code from --client CODE or --client-file F (exactly one), in NFC; null when neither is given. */
export function clientCodeFromArgs(options: RawOptions, io: CliIo): string | null {
  if (options.client !== undefined && options['client-file'] !== undefined) {
    throw new UsageError('Give only one of --client and --client-file.');
  }
  if (typeof options['client-file'] === 'string')
    return normalizeClientCode(readPrivateFile(options['client-file'], io, 'client code', false));
  return typeof options.client === 'string' ? normalizeClientCode(options.client) : null;
}

/**
 * The note from --note TEXT, --note-file F or --note-stdin (at most one). With --passphrase-stdin
 * too, the passphrase is the first line of standard input and the note is the rest.
 */
async function noteFromArgs(
  options: RawOptions,
  io: CliIo,
  stdinLines: () => Promise<string[]>,
): Promise<string | undefined> {
  const given = ['note', 'note-file', 'note-stdin'].filter((k) => options[k] !== undefined && options[k] !== false);
  if (given.length > 1) throw new UsageError('Give only one of --note, --note-file and --note-stdin.');
  if (typeof options.note === 'string') return checkNoteLength(options.note);
  if (typeof options['note-file'] === 'string')
    return checkNoteLength(readPrivateFile(options['note-file'], io, 'note', true));
  if (options['note-stdin'] !== true) return undefined;
  const lines = await stdinLines();
  const note = (options['passphrase-stdin'] ? lines.slice(1) : lines).join('\n').replace(/\n+$/, '');
  if (note.trim() === '') throw new UsageError('Standard input held no note.');
  return checkNoteLength(note);
}

/**
 * The `afterScan` hook for the scan command: with --save, unlocks the vault and saves the report.
 * Returns the line to print on stderr. Throws UsageError for a missing or unusable client code.
 */
export function createScanSaveHook(deps: VaultCliDeps) {
  return async (
    report: ScanReport,
    options: CliOptionValues,
    context: CliContext,
  ): Promise<AfterScanOutcome | void> => {
    checkScanSaveArgs(options);
    if (!options.save) return;
    const given = parseJudgementArgs(listOf(options.confirm), listOf(options['not-applicable']), new Date());
    const client = clientCodeFromArgs(options, context.io) ?? '';
    if (!client.trim()) {
      throw new UsageError("--save needs --client CODE or --client-file F (a code, never the client's name).");
    }
    const code = checkClientCode(client);
    if (!code.valid) throw new UsageError(code.error ?? 'Enter a client code.');
    const platform = sessionPlatformIds.find((p) => p === options.platform);
    const modality = modalities.find((m) => m === options.modality);
    if (options.modality !== undefined && !modality)
      throw new UsageError(`--modality must be one of ${modalities.join(', ')}.`);
    if (
      options['note-stdin'] === true &&
      options['passphrase-stdin'] !== true &&
      typeof options['passphrase-file'] !== 'string' &&
      typeof options['recovery-key-file'] !== 'string'
    ) {
      throw new UsageError('--note-stdin needs the passphrase from --passphrase-file F or --passphrase-stdin.');
    }
    const stdinLines = sharedStdin(context.io.stdin);
    const note = await noteFromArgs(options, context.io, stdinLines);
    const remembered = cliServicesFor(options, context, deps).settings.get().notApplicable;
    const vault = await openVaultFromArgs(options, context, deps, stdinLines);
    try {
      const saved = saveScanAsLog(vault, report, {
        client,
        ...(note !== undefined ? { note } : {}),
        ...(platform ? { platform } : {}),
        ...(modality ? { modality } : {}),
        judgements: given.judgements,
        confirmations: given.confirmations,
        remembered,
      });
      // Saving sets aside a month file it cannot read and starts it afresh: never say only "Saved".
      const status = vault.status();
      const savedMonth = `${saved.id.slice(0, 4)}-${saved.id.slice(4, 6)}`;
      const lines = [
        ...saved.warnings.map((w) => `Warning: ${w}`),
        ...saved.notUsed.map((w) => `Note: ${w}`),
        `Saved readiness log ${saved.id}: ${outcomeLabels[saved.outcome]}.`,
        ...(status.unreadablePeriods.includes(savedMonth)
          ? [
              `The earlier logs of ${periodLabel(savedMonth)} could not be read: ReadyRoom set that file aside unchanged and saved this log in a new one.`,
            ]
          : []),
        ...(saved.unconfirmed > 0
          ? [
              `${saved.unconfirmed} checklist item${saved.unconfirmed === 1 ? ' needs' : 's need'} your confirmation: answer in the app, or with --confirm ID when you have checked.`,
            ]
          : []),
        unreadableNotice(status.unreadablePeriods, status.missingPeriods ?? []).trimEnd(),
      ].filter((line) => line !== '');
      return { message: lines.join('\n'), judgements: saved.judgements };
    } finally {
      vault.lock('quit');
    }
  };
}
