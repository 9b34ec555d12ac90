import { resolve } from 'node:path';

import { statusLabels } from '../../../shared/checks/check-result';
import { judgementKindLabels } from '../../../shared/checks/judgement';
import { AppError } from '../../../shared/errors';
import {
  exportFormats,
  logsExportRequestSchema,
  type LogsExportRequest,
  type RestoreSummary,
} from '../../../shared/ipc/vault.contract';
import { checkClientCode, clientCodeWarningText, normalizeClientCode } from '../../../shared/logs/client-code';
import { outcomeLabels, type ReadinessLog } from '../../../shared/logs/readiness-log';
import { modalityLabels, platformLabel } from '../../../shared/session/platforms';
import { periodList } from '../../../shared/logs/log-periods';
import { jsonForTerminal, showHiddenCharacters } from '../../../shared/text/visible-text';
import { describeRestoredDocuments } from '../../../shared/vault/document-merge';
import {
  clientCodeFromArgs,
  createCliVault,
  promptHidden,
  promptLine,
  readSecretFile,
  sharedStdin,
  unlockRequestFromArgs,
  unreadableNotice,
  refuseStrayOptions,
  vaultCliOptions,
  withUnlockedServices,
  type VaultCliDeps,
  vaultCommandUsageEnd,
} from '../vault-cli';
import type { LogList } from '../../vault/vault-logs';
import type { VaultService } from '../../vault/vault-service';
import { parseCommandArgs } from '../cli-args';
import { judgementText } from '../judgement-args';
import { exitCodes, UsageError, type CliCommand, type CliContext, type CliIo } from '../cli-types';

const usage = `Usage: readyroom logs <command> [options]

Your readiness logs, kept encrypted on this computer.

Commands:
  init                     Create the encrypted log vault; prints the recovery key once.
  list [--client CODE | --client-file F] [--since DATE] [--until DATE] [--limit N] [--json]
                           List logs, newest first. DATE is YYYY-MM-DD or a full ISO time.
  show ID [--json]         Show one log with its checks and later additions.
  delete ID                Delete one log.
  erase-client CODE [--yes]   (or: erase-client --client-file F [--yes])
                           Erase every log of one client code (an erasure request). Asks you
                           to confirm the count on a terminal; needs --yes otherwise. If some
                           months cannot be read, their logs cannot be erased: it says which,
                           records the erasure so no restore brings this client back, and exits 1.
  backup FILE              Write an encrypted backup of every log to FILE.
  restore FILE             Add the logs in a backup to this vault (nothing is removed).
                           If the backup was made with other keys, give
                           --backup-passphrase-file F or --backup-recovery-key-file F.
  change-passphrase        Choose a new passphrase (--new-passphrase-file F, or a second
                           line on standard input with --passphrase-stdin).
  new-recovery-key [--json] Make a new recovery key (needs your passphrase) and print it once;
                           the old one stops opening your logs. Use it if the old one may have
                           been seen or lost, or was never written down.
  new-data-key [--json]    Encrypt every log again under a new key (needs your passphrase), so
                           an old copy of the key file opens nothing saved from now on; also
                           gives a new recovery key. See docs/privacy.md for when to use it.
  unlock-test              Exit 0 if the passphrase (or recovery key) opens the vault, 1 if not.
  export --format pdf|csv|json --out FILE [--from DATE] [--to DATE]
         [--client CODE | --client-file F] [--include-client-codes]
                           Write a PDF report (with your practice name from the settings), or
                           every log as CSV or JSON. DATE is YYYY-MM-DD, counted in this
                           computer's time zone. Client codes are left out, and blanked as
                           "[client]" in your notes, unless you add --include-client-codes.
                           The file is NOT encrypted: it is written readable only by you
                           (0600), but keep it as carefully as the logs.

Options for every command:
${vaultCommandUsageEnd}`;

const options = {
  ...vaultCliOptions,
  json: { type: 'boolean' },
  client: { type: 'string' },
  'client-file': { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  limit: { type: 'string' },
  yes: { type: 'boolean' },
  'new-passphrase-file': { type: 'string' },
  'backup-passphrase-file': { type: 'string' },
  'backup-recovery-key-file': { type: 'string' },
  format: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  out: { type: 'string' },
  'include-client-codes': { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof options>>['values'];

const subcommands = [
  'init',
  'list',
  'show',
  'delete',
  'erase-client',
  'backup',
  'restore',
  'change-passphrase',
  'new-recovery-key',
  'new-data-key',
  'unlock-test',
  'export',
] as const;
type Subcommand = (typeof subcommands)[number];

/** These only read the vault, so a failure is known to have changed nothing (backup writes its own file). */
const readOnlySubcommands: ReadonlySet<string> = new Set(['list', 'show', 'unlock-test']);
// `export` opens the vault read-only too, but writes its own file, as backup does.

/** Which options each subcommand takes besides the vault ones, and how many positional arguments. */
const allowed: Record<Subcommand, { readonly options: readonly string[]; readonly positional: number }> = {
  init: { options: ['json'], positional: 0 },
  list: { options: ['json', 'client', 'client-file', 'since', 'until', 'limit'], positional: 0 },
  show: { options: ['json'], positional: 1 },
  delete: { options: [], positional: 1 },
  // CODE, or --client-file F instead (checked in the command).
  'erase-client': { options: ['yes', 'client-file'], positional: 1 },
  backup: { options: [], positional: 1 },
  restore: { options: ['backup-passphrase-file', 'backup-recovery-key-file'], positional: 1 },
  'change-passphrase': { options: ['new-passphrase-file'], positional: 0 },
  'new-recovery-key': { options: ['json'], positional: 0 },
  'new-data-key': { options: ['json'], positional: 0 },
  'unlock-test': { options: [], positional: 0 },
  export: {
    options: ['format', 'from', 'to', 'client', 'client-file', 'include-client-codes', 'out'],
    positional: 0,
  },
};

/** `logs export`'s options as the same request the app sends (validated by the same schema). */
function exportRequestFromArgs(values: Values, io: CliIo): LogsExportRequest {
  if (typeof values.format !== 'string' || !(exportFormats as readonly string[]).includes(values.format))
    throw new UsageError('Say which kind of file: --format pdf, --format csv or --format json.');
  if (typeof values.out !== 'string' || values.out === '') throw new UsageError('Say where to write it: --out FILE.');
  const client = clientCodeFromArgs(values, io);
  const parsed = logsExportRequestSchema.safeParse({
    format: values.format,
    ...(typeof values.from === 'string' ? { from: values.from } : {}),
    ...(typeof values.to === 'string' ? { to: values.to } : {}),
    ...(client !== null ? { client } : {}),
    includeClientCodes: values['include-client-codes'] === true,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = issue?.path[0] === 'client' ? '--client' : issue?.path[0] ? `--${String(issue.path[0])}` : '';
    throw new UsageError(`${flag ? `${flag}: ` : ''}${issue?.message ?? 'These options are not valid.'}`);
  }
  return parsed.data;
}

/**
 * `list --json`, the same text JSON.stringify would give, written a few hundred logs at a time:
 * one string of 20,000 summaries would be another copy of them all on top of the list.
 */
function writeListJson(io: CliIo, result: LogList): void {
  const { logs, unreadablePeriods, missingPeriods } = result;
  io.stdout('{"logs":[');
  for (let i = 0; i < logs.length; i += 500) {
    io.stdout(
      `${i > 0 ? ',' : ''}${logs
        .slice(i, i + 500)
        .map((entry) => jsonForTerminal(entry))
        .join(',')}`,
    );
  }
  io.stdout(`],${jsonForTerminal({ unreadablePeriods, missingPeriods }).slice(1)}\n`);
}

function parseDate(text: string, flag: string, endOfDay: boolean): string {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = dateOnly
    ? new Date(
        Number(dateOnly[1]),
        Number(dateOnly[2]) - 1,
        Number(dateOnly[3]) + (endOfDay ? 1 : 0),
        0,
        0,
        0,
        endOfDay ? -1 : 0,
      )
    : new Date(text);
  if (Number.isNaN(date.getTime()) || (!dateOnly && !/^\d{4}-\d{2}-\d{2}T/.test(text))) {
    throw new UsageError(`${flag} must be a date like 2026-03-15 or 2026-03-15T09:00:00Z.`);
  }
  return date.toISOString();
}

function localTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The recovery key, shown this once, with what it is for. */
function printRecoveryKey(io: CliContext['io'], recoveryKey: string, json: boolean, heading: string): void {
  if (json) {
    io.stdout(`${JSON.stringify({ recoveryKey })}\n`);
    return;
  }
  io.stdout(
    [
      heading,
      '',
      'Your recovery key (shown only this once):',
      '',
      `    ${recoveryKey}`,
      '',
      'Write it down or print it, and keep it somewhere safe away from this computer.',
      'If you forget your passphrase, this key is the only other way to open your logs.',
      'If both are lost, nobody can open them: not you, and not the makers of ReadyRoom.',
      '',
    ].join('\n'),
  );
}

/** After an erasure that could not reach every month; names no client. */
function incompleteErasureNotice(periods: readonly string[]): string {
  return (
    `The logs for ${periodList(periods)} could not be read, so any logs of this client code in them were not erased. ` +
    "That file is still set aside, encrypted, in the vault's quarantine folder; delete it if you do not need it. " +
    "The erasure is recorded: restoring a backup will not bring this client's earlier logs back.\n"
  );
}

function describeLog(log: ReadinessLog): string {
  const lines = [
    `Log ${log.id}`,
    `  Checked:   ${localTime(log.createdAt)}`,
    `  Session:   ${localTime(log.sessionAt)}`,
    `  Client:    ${log.clientCode}`,
    `  Platform:  ${platformLabel(log.platform, log.platformHost)}, ${modalityLabels[log.modality]}`,
    `  Outcome:   ${outcomeLabels[log.outcome]}`,
    `  ReadyRoom: ${log.appVersion}`,
    '',
    'Checks:',
    ...log.checks.map((c) => `  [${statusLabels[c.status]}] ${c.id}: ${c.summary}`),
  ];
  // The therapist's judgements, beside (never instead of) what ReadyRoom saw above.
  if (log.judgements && log.judgements.length > 0) {
    lines.push(
      '',
      'Your own judgement:',
      ...log.judgements.map(
        (j) => `  [${judgementKindLabels[j.kind]}] ${j.id} (${localTime(j.at)}): ${judgementText(j)}`,
      ),
    );
  }
  if (log.confirmations.length > 0) {
    lines.push('', 'Confirmed by you:', ...log.confirmations.map((c) => `  [${c.confirmed ? 'Yes' : 'No'}] ${c.id}`));
  }
  if (log.programsClosed.length > 0)
    lines.push('', `Programs closed: ${log.programsClosed.map((p) => p.name).join(', ')}`);
  if (log.note) lines.push('', 'Note:', `  ${log.note.replace(/\n/g, '\n  ')}`);
  if (log.addenda.length > 0) {
    lines.push('', 'Added later:');
    for (const a of log.addenda) {
      const what =
        a.kind === 'session-ended'
          ? `Session ended${a.endedAt ? ` at ${localTime(a.endedAt)}` : ''}`
          : a.kind === 'programs-reopened'
            ? `Programs reopened: ${(a.programs ?? []).map((p) => p.name).join(', ') || 'none'}`
            : 'Note';
      lines.push(`  ${localTime(a.at)}  ${what}${a.text ? `: ${a.text}` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function describeRestore(result: RestoreSummary): string {
  const parts = [`Added ${result.added} log${result.added === 1 ? '' : 's'}`];
  if (result.updated > 0) parts.push(`brought later additions into ${result.updated}`);
  if (result.unchanged > 0) parts.push(`${result.unchanged} already here`);
  if (result.skippedDeleted > 0) parts.push(`${result.skippedDeleted} not restored because you deleted or erased them`);
  if (result.skippedOld > 0) parts.push(`${result.skippedOld} older than your retention setting`);
  if (result.invalid > 0) parts.push(`${result.invalid} this version cannot read`);
  parts.push(...describeRestoredDocuments(result.documents));
  return `${parts.join('; ')}.\n`;
}

/** A new passphrase: from a file, a second/first stdin line, or asked twice on the terminal. */
async function newPassphrase(
  values: Values,
  context: CliContext,
  stdinLines: () => Promise<string[]>,
  stdinLine: number,
): Promise<string> {
  if (typeof values['new-passphrase-file'] === 'string')
    return readSecretFile(values['new-passphrase-file'], context.io, 'passphrase');
  if (values['passphrase-stdin']) {
    const line = (await stdinLines())[stdinLine] ?? '';
    if (line === '') throw new UsageError('Standard input held no new passphrase.');
    return line;
  }
  const first = await promptHidden(
    context.io,
    'New passphrase (at least 10 characters; a few unrelated words work well): ',
  );
  const second = await promptHidden(context.io, 'Type it again: ');
  if (first !== second) throw new UsageError('The two passphrases were different; nothing was changed.');
  return first;
}

/** The `logs` command: every vault action from a terminal or script. */
export function createLogsCommand(deps: VaultCliDeps): CliCommand {
  async function withVault<T>(
    values: Values,
    context: CliContext,
    stdinLines: () => Promise<string[]>,
    work: (vault: VaultService) => Promise<T> | T,
    access: 'read' | 'write' = 'write',
  ) {
    return withUnlockedServices(values, context, deps, (graph) => work(graph.vault), {
      readOnly: access === 'read',
      stdinLines,
    });
  }

  return {
    name: 'logs',
    summary: 'List, show, back up and manage your encrypted readiness logs.',
    usage,
    changesNothing: (argv) => readOnlySubcommands.has(argv[0] ?? ''),
    async run(argv, context) {
      const [sub, ...rest] = argv;
      if (!sub || !(subcommands as readonly string[]).includes(sub)) {
        throw new UsageError(`Say which logs command: ${subcommands.join(', ')}.`);
      }
      const command = sub as Subcommand;
      const { values, positionals } = parseCommandArgs(rest, options);
      const spec = allowed[command];
      refuseStrayOptions(`logs ${command}`, values, spec.options);
      const clientFromFile = command === 'erase-client' && values['client-file'] !== undefined;
      if (clientFromFile && positionals.length > 0) {
        throw new UsageError('Give the client code either as CODE or with --client-file F, not both.');
      }
      if (!clientFromFile && positionals.length !== spec.positional) {
        throw new UsageError(
          spec.positional === 0
            ? `logs ${command} takes no arguments.`
            : `logs ${command} needs exactly ${spec.positional} argument.`,
        );
      }
      const arg = positionals[0] ?? '';
      const io = context.io;
      const stdinLines = sharedStdin(io.stdin);

      switch (command) {
        case 'init': {
          if (values['recovery-key-file'] !== undefined)
            throw new UsageError('A new vault needs a passphrase, not a recovery key.');
          const vault = createCliVault(values, context, deps);
          if (vault.status().state !== 'absent')
            throw new AppError('VAULT_EXISTS', 'A log vault already exists in this data folder.');
          const passphrase =
            typeof values['passphrase-file'] === 'string'
              ? readSecretFile(values['passphrase-file'], io, 'passphrase')
              : await newPassphrase(values, context, stdinLines, 0);
          const { recoveryKey } = await vault.setup(passphrase);
          try {
            printRecoveryKey(io, recoveryKey, values.json === true, 'Your log vault is ready.');
            // Only now is the setup finished: a crash before this leaves a vault init may replace.
            vault.confirmRecoveryKey();
          } finally {
            vault.lock('quit');
          }
          return exitCodes.ok;
        }

        case 'new-recovery-key':
        case 'new-data-key': {
          if (values['recovery-key-file'] !== undefined) {
            throw new UsageError(`logs ${command} needs your passphrase, not the recovery key.`);
          }
          const request = await unlockRequestFromArgs(values, io, stdinLines);
          if (request.method !== 'passphrase') return exitCodes.usage;
          const vault = createCliVault(values, context, deps);
          await vault.unlock(request);
          try {
            const { recoveryKey } =
              command === 'new-data-key'
                ? await vault.newDataKey(request.passphrase)
                : await vault.newRecoveryKey(request.passphrase);
            printRecoveryKey(
              io,
              recoveryKey,
              values.json === true,
              command === 'new-data-key'
                ? 'Every log is now encrypted with a new key. An old copy of the key file, with your passphrase, no longer opens anything saved from now on. Your passphrase is unchanged; your recovery key is new (the old one no longer works):'
                : 'Your new recovery key is ready. The old one no longer opens your logs (backups made before today still open with it).',
            );
            vault.confirmRecoveryKey();
          } finally {
            vault.lock('quit');
          }
          return exitCodes.ok;
        }

        case 'unlock-test': {
          const vault = createCliVault(values, context, deps);
          const request = await unlockRequestFromArgs(values, io, stdinLines);
          const ok = await vault.verify(request);
          if (ok) io.stdout('That opens your logs.\n');
          else
            io.stderr(
              request.method === 'recovery-key'
                ? 'That recovery key does not open your logs.\n'
                : 'That passphrase does not open your logs.\n',
            );
          return ok ? exitCodes.ok : exitCodes.failed;
        }

        case 'list': {
          const limit = values.limit === undefined ? undefined : Number(values.limit);
          if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 100_000)) {
            throw new UsageError('--limit must be a whole number from 1 to 100000.');
          }
          const client = clientCodeFromArgs(values, io);
          const query = {
            ...(client !== null ? { client } : {}),
            ...(typeof values.since === 'string' ? { since: parseDate(values.since, '--since', false) } : {}),
            ...(typeof values.until === 'string' ? { until: parseDate(values.until, '--until', true) } : {}),
            ...(limit !== undefined ? { limit } : {}),
          };
          const result = await withVault(values, context, stdinLines, (vault) => vault.list(query), 'read');
          if (values.json) {
            writeListJson(io, result);
            return exitCodes.ok;
          }
          if (result.logs.length === 0) io.stdout('No logs found.\n');
          else {
            io.stdout(`${'Checked'.padEnd(17)}  ${'Client'.padEnd(14)}  ${'Outcome'.padEnd(18)}  Id\n`);
            for (const log of result.logs) {
              io.stdout(
                // A code saved by an older version may hold escape or bidi characters: shown as <U+…>, never acted on.
                showHiddenCharacters(
                  `${localTime(log.createdAt).padEnd(17)}  ${log.clientCode.padEnd(14)}  ${outcomeLabels[log.outcome].padEnd(18)}  ${log.id}`,
                ) + '\n',
              );
            }
          }
          io.stderr(unreadableNotice(result.unreadablePeriods, result.missingPeriods));
          return exitCodes.ok;
        }

        case 'show': {
          const log = await withVault(values, context, stdinLines, (vault) => vault.get(arg), 'read');
          io.stdout(
            values.json
              ? `${jsonForTerminal(log)}\n`
              : showHiddenCharacters(describeLog(log), { keepLineBreaks: true }),
          );
          return exitCodes.ok;
        }

        case 'delete': {
          const { deleted } = await withVault(values, context, stdinLines, (vault) => vault.delete(arg));
          if (!deleted)
            throw new AppError('NOT_FOUND', 'That log could not be found. It may have been deleted already.');
          io.stdout(`Deleted log ${arg}.\n`);
          return exitCodes.ok;
        }

        case 'erase-client': {
          const client = clientFromFile ? (clientCodeFromArgs(values, io) ?? '') : normalizeClientCode(arg);
          const code = checkClientCode(client);
          if (!code.valid) throw new UsageError(code.error ?? 'Enter a client code.');
          if (!values.yes && !io.interactive) {
            throw new UsageError('Erasing needs confirmation: run it on a terminal, or add --yes.');
          }
          for (const w of code.warnings) io.stderr(`Warning: ${clientCodeWarningText[w]}\n`);
          return withVault(values, context, stdinLines, async (vault) => {
            const count = vault.countClient(client);
            const unreadable = vault.status().unreadablePeriods;
            if (count === 0 && unreadable.length === 0) {
              io.stdout('There are no logs for that client code.\n');
              return exitCodes.ok;
            }
            if (unreadable.length > 0) {
              io.stderr(
                `Note: the logs for ${periodList(unreadable)} could not be read, so ReadyRoom cannot erase this client's logs from them.\n`,
              );
            }
            if (!values.yes) {
              const what =
                count === 0
                  ? 'This records the erasure of that client code (no logs you can read have it)'
                  : `This erases ${count} log${count === 1 ? '' : 's'} for that client code for good`;
              const answer = await promptLine(io, `${what}. Type ${count} to confirm: `);
              if (answer.trim() !== String(count)) {
                io.stderr('Nothing was erased.\n');
                return exitCodes.failed;
              }
            }
            const {
              erased,
              incompletePeriods,
              scheduleNotCleared,
              profileNotCleared,
              incidentsNotCleared,
              incidentsNamingClient,
              logsNamingClient,
              notesNotSearched,
            } = vault.eraseClient(client, count);
            io.stdout(`Erased ${erased} log${erased === 1 ? '' : 's'}.\n`);
            if (scheduleNotCleared)
              io.stderr(
                "This client's sessions are still in your schedule: it could not be changed just now. Remove them with `schedule delete`.\n",
              );
            if (incidentsNotCleared)
              io.stderr(
                "This client's code is still in your incident log: it could not be changed just now. Run the erasure again later.\n",
              );
            if (incidentsNamingClient?.length)
              io.stderr(
                `The code was taken out of your incidents, but your own words in ${incidentsNamingClient.join(', ')} still name it: change them in the incident log.\n`,
              );
            if (logsNamingClient?.length)
              io.stderr(
                `The notes of these other logs may still name this code: ${logsNamingClient.join(', ')}. Notes are kept as written. ReadyRoom no longer knows this code, so an export without client codes will still show it in those notes: delete those logs if the code must not stay.\n`,
              );
            if (notesNotSearched)
              io.stderr(
                "The other logs' notes could not be searched for this code just now, so some may still name it. Check them with `logs show`.\n",
              );
            if (profileNotCleared)
              io.stderr(
                "This client's set-up is still kept: it could not be changed just now. Remove it with `clients delete`.\n",
              );
            if (incompletePeriods.length === 0) return exitCodes.ok;
            io.stderr(incompleteErasureNotice(incompletePeriods));
            return exitCodes.failed;
          });
        }

        case 'backup': {
          const target = resolve(arg);
          const { result, missing } = await withVault(
            values,
            context,
            stdinLines,
            (vault) => ({ result: vault.backup(target), missing: vault.status().missingPeriods ?? [] }),
            'read',
          );
          io.stdout(`Saved an encrypted backup of ${result.count} log${result.count === 1 ? '' : 's'} to ${target}.\n`);
          io.stdout('It opens with your passphrase or recovery key as they are today; keep it somewhere safe.\n');
          io.stderr(unreadableNotice(result.unreadablePeriods, missing));
          return exitCodes.ok;
        }

        case 'restore': {
          const source = resolve(arg);
          if (values['backup-passphrase-file'] !== undefined && values['backup-recovery-key-file'] !== undefined) {
            throw new UsageError('Give only one of --backup-passphrase-file and --backup-recovery-key-file.');
          }
          return withVault(values, context, stdinLines, async (vault) => {
            let result = await vault.restore(source);
            if (result.status === 'needs-secret') {
              const secret =
                typeof values['backup-recovery-key-file'] === 'string'
                  ? {
                      method: 'recovery-key' as const,
                      recoveryKey: readSecretFile(values['backup-recovery-key-file'], io, 'recovery key'),
                    }
                  : typeof values['backup-passphrase-file'] === 'string'
                    ? {
                        method: 'passphrase' as const,
                        passphrase: readSecretFile(values['backup-passphrase-file'], io, 'passphrase'),
                      }
                    : io.interactive
                      ? {
                          method: 'passphrase' as const,
                          passphrase: await promptHidden(io, 'This backup was made with other keys. Its passphrase: '),
                        }
                      : null;
              if (!secret) {
                io.stderr(
                  'This backup was made with other keys: give --backup-passphrase-file F or --backup-recovery-key-file F.\n',
                );
                return exitCodes.failed;
              }
              result = await vault.restore(source, secret);
            }
            if (result.status !== 'restored') return exitCodes.failed;
            io.stdout(describeRestore(result));
            io.stderr(unreadableNotice(result.unreadablePeriods, result.missingPeriods));
            return exitCodes.ok;
          });
        }

        case 'export': {
          const request = exportRequestFromArgs(values, io);
          const target = resolve(String(values.out));
          const written = await withUnlockedServices(
            values,
            context,
            deps,
            (graph) => graph.exporter.write(request, target),
            { readOnly: true, stdinLines },
          );
          io.stdout(`Wrote ${written.count} log${written.count === 1 ? '' : 's'} to ${target}.\n`);
          io.stderr(
            'This file is not encrypted. Only you can read it on this computer, but anyone you give it to can: keep it safe and delete it when done.\n',
          );
          io.stderr(unreadableNotice(written.unreadablePeriods, []));
          return exitCodes.ok;
        }

        case 'change-passphrase': {
          if (values['recovery-key-file'] !== undefined) {
            throw new UsageError('Changing the passphrase needs the current passphrase, not the recovery key.');
          }
          // Asked once: the same passphrase unlocks and proves the change.
          const current = await unlockRequestFromArgs(values, io, stdinLines);
          if (current.method !== 'passphrase') return exitCodes.usage;
          const vault = createCliVault(values, context, deps);
          await vault.unlock(current);
          try {
            const next = await newPassphrase(values, context, stdinLines, 1);
            await vault.changePassphrase(current.passphrase, next);
          } finally {
            vault.lock('quit');
          }
          io.stdout('Your passphrase has been changed. Your recovery key still works.\n');
          return exitCodes.ok;
        }
      }
      return exitCodes.usage;
    },
  };
}
