import { AppError } from '../../../shared/errors';
import { checkClientCode, clientCodeWarningText } from '../../../shared/logs/client-code';
import {
  clockTime,
  isValidZone,
  localDateSchema,
  repeatLabels,
  scheduleIdSchema,
  scheduleInputSchema,
  toLocalStart,
  type Repeat,
} from '../../../shared/schedule/schedule';
import { isSessionPlatformId, platformLabel, sessionPlatformIds } from '../../../shared/session/platforms';
import { jsonForTerminal, showHiddenCharacters } from '../../../shared/text/visible-text';
import type { ServiceGraph } from '../../composition/service-graph';
import { type parseCommandArgs } from '../cli-args';
import { exitCodes, UsageError, type CliCommand, type CliContext } from '../cli-types';
import {
  cliServicesFor,
  clientCodeFromArgs,
  vaultCliOptions,
  parseSubcommand,
  withUnlockedServices,
  type VaultCliDeps,
  vaultCommandUsageEnd,
} from '../vault-cli';

const usage = `Usage: readyroom schedule <command> [options]

Upcoming sessions, kept on this computer only (never in an online calendar). Times are kept
outside the vault so reminders work while it is locked; client codes only inside it.

Commands:
  add --at ISO --tz ZONE (--client CODE | --client-file F) --platform P
      [--weekly | --fortnightly] [--until DATE] [--minutes N]
                           Add a session. ISO is the first session's start, as wall time in ZONE
                           ("2026-03-30T09:00") or with an offset. ZONE is a time zone name such as
                           Europe/London. DATE (YYYY-MM-DD, in ZONE) is the last day it may repeat.
                           N is its length in minutes (default 50). Needs your passphrase.
  list [--next N] [--from ISO] [--with-codes] [--json]
                           The next N sessions (default 10) from now (or ISO), each with its UTC
                           instant and local time. Client codes only with --with-codes, which needs
                           your passphrase.
  delete ID                Remove a session (and its client code). Needs your passphrase.

Platforms: ${sessionPlatformIds.join(', ')}.

Options for commands that open the vault:
${vaultCommandUsageEnd}`;

const options = {
  ...vaultCliOptions,
  json: { type: 'boolean' },
  at: { type: 'string' },
  tz: { type: 'string' },
  client: { type: 'string' },
  'client-file': { type: 'string' },
  platform: { type: 'string' },
  weekly: { type: 'boolean' },
  fortnightly: { type: 'boolean' },
  until: { type: 'string' },
  minutes: { type: 'string' },
  next: { type: 'string' },
  from: { type: 'string' },
  'with-codes': { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof options>>['values'];

const allowed = {
  add: ['at', 'tz', 'client', 'client-file', 'platform', 'weekly', 'fortnightly', 'until', 'minutes', 'json'],
  list: ['next', 'from', 'with-codes', 'json'],
  delete: ['json'],
} as const;
type Subcommand = keyof typeof allowed;

function required(values: Values, key: 'at' | 'tz' | 'platform'): string {
  const value = values[key];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`schedule add needs --${key}.`);
  return value.trim();
}

/** The session described by `add`'s options, checked as the window's form is. */
function addInput(values: Values, context: CliContext) {
  const zone = required(values, 'tz');
  if (!isValidZone(zone)) throw new UsageError(`--tz "${zone}" is not a time zone name such as Europe/London.`);
  const start = toLocalStart(required(values, 'at'), zone);
  if (start === null) throw new UsageError('--at must be a date and time like 2026-03-30T09:00.');
  const platform = required(values, 'platform');
  if (!isSessionPlatformId(platform))
    throw new UsageError(`--platform must be one of: ${sessionPlatformIds.join(', ')}.`);
  if (values.weekly && values.fortnightly) throw new UsageError('Give only one of --weekly and --fortnightly.');
  const repeat: Repeat = values.weekly ? 'weekly' : values.fortnightly ? 'fortnightly' : 'none';
  const until = typeof values.until === 'string' ? values.until.trim() : null;
  if (until !== null && !localDateSchema.safeParse(until).success)
    throw new UsageError('--until must be a date like 2026-06-30.');
  const minutes = values.minutes === undefined ? 50 : Number(values.minutes);
  if (!Number.isInteger(minutes) || minutes < 5 || minutes > 480)
    throw new UsageError('--minutes must be a whole number from 5 to 480.');
  const client = clientCodeFromArgs(values, context.io);
  if (client === null) throw new UsageError('schedule add needs --client CODE or --client-file F.');
  const check = checkClientCode(client);
  if (!check.valid) throw new UsageError(check.error ?? 'That client code cannot be used.');
  for (const warning of check.warnings) context.io.stderr(`Warning: ${clientCodeWarningText[warning]}\n`);
  const parsed = scheduleInputSchema.safeParse({
    start,
    zone,
    durationMinutes: minutes,
    platform,
    repeat,
    until,
    clientCode: check.code,
  });
  if (!parsed.success) throw new UsageError('That session cannot be kept: check the date, time and zone.');
  return parsed.data;
}

/** The `schedule` command: the session schedule from a terminal or a script. */
export function createScheduleCommand(deps: VaultCliDeps): CliCommand {
  const withUnlocked = <T>(values: Values, context: CliContext, work: (graph: ServiceGraph) => T, readOnly: boolean) =>
    withUnlockedServices(values, context, deps, work, { readOnly });

  return {
    name: 'schedule',
    summary: 'Add, list and delete upcoming sessions for reminders (kept on this computer only).',
    usage,
    changesNothing: (argv) => argv[0] === 'list',
    async run(argv, context) {
      const { command, values, positionals } = parseSubcommand<Subcommand, typeof options>(
        'schedule',
        argv,
        allowed,
        options,
        { sub: 'delete', what: 'session id' },
      );
      const io = context.io;

      switch (command) {
        case 'add': {
          const input = addInput(values, context);
          const added = await withUnlocked(values, context, (graph) => graph.schedule.add(input), false);
          if (values.json) io.stdout(`${jsonForTerminal(added)}\n`);
          else
            io.stdout(
              `Added session ${added.id}: ${added.start.replace('T', ' ')} ${added.zone}, ${repeatLabels[added.repeat].toLowerCase()}` +
                `${added.until ? ` until ${added.until}` : ''}.\n`,
            );
          return exitCodes.ok;
        }

        case 'delete': {
          const id = positionals[0] ?? '';
          if (!scheduleIdSchema.safeParse(id).success) throw new UsageError(`"${id}" is not a schedule id.`);
          const result = await withUnlocked(values, context, (graph) => graph.schedule.delete(id), false);
          if (!result.deleted) throw new AppError('NOT_FOUND', 'There is no session with that id in the schedule.');
          io.stdout(values.json ? `${JSON.stringify(result)}\n` : 'Session removed from the schedule.\n');
          return exitCodes.ok;
        }

        case 'list': {
          const count = values.next === undefined ? 10 : Number(values.next);
          if (!Number.isInteger(count) || count < 1 || count > 1000)
            throw new UsageError('--next must be a whole number from 1 to 1000.');
          const from = typeof values.from === 'string' ? Date.parse(values.from) : Date.now();
          if (Number.isNaN(from) || (typeof values.from === 'string' && !/^\d{4}-\d{2}-\d{2}/.test(values.from)))
            throw new UsageError('--from must be a date and time like 2026-03-15T09:00:00Z.');
          const list = values['with-codes']
            ? await withUnlocked(values, context, (graph) => graph.schedule.upcoming(count, from), true)
            : cliServicesFor(values, context, deps).schedule.upcoming(count, from);
          const occurrences = list.sessions.map((o) => ({
            id: o.entryId,
            startUtc: o.startUtc,
            startLocal: o.startLocal,
            localTime: clockTime(o.startUtc, o.zone),
            zone: o.zone,
            durationMinutes: o.durationMinutes,
            platform: o.platform,
            ...(values['with-codes'] ? { clientCode: o.clientCode } : {}),
          }));
          if (values.json) {
            io.stdout(`${jsonForTerminal({ occurrences })}\n`);
            return exitCodes.ok;
          }
          if (occurrences.length === 0) io.stdout('No sessions scheduled.\n');
          for (const o of occurrences) {
            const code = values['with-codes'] ? `  ${(o.clientCode ?? '?').padEnd(14)}` : '';
            io.stdout(
              showHiddenCharacters(
                `${o.startLocal.slice(0, 16).replace('T', ' ')} ${o.zone.padEnd(20)} ${o.startUtc}${code}  ${platformLabel(o.platform)}  ${o.id}`,
              ) + '\n',
            );
          }
          return exitCodes.ok;
        }
      }
    },
  };
}
