import {
  awaitingDecision,
  icoDecisionLabels,
  incidentIdSchema,
  incidentInputSchema,
  incidentKindLabels,
  incidentKinds,
  incidentNoteMaxLength,
  instantSchema,
  overdue,
  type IncidentKind,
} from '../../../shared/incidents/incident';
import { icoSource } from '../../../shared/incidents/ico-questions.catalog';
import { checkClientCode, clientCodeWarningText } from '../../../shared/logs/client-code';
import { jsonForTerminal, showHiddenCharacters } from '../../../shared/text/visible-text';
import type { ServiceGraph } from '../../composition/service-graph';
import { type parseCommandArgs } from '../cli-args';
import { exitCodes, UsageError, type CliCommand, type CliContext } from '../cli-types';
import {
  argvPrivacyNote,
  parseSubcommand,
  vaultCliOptions,
  vaultCliUsage,
  withUnlockedServices,
  type VaultCliDeps,
} from '../vault-cli';

const usage = `Usage: readyroom incident <command> [options]

The incident log: something that went wrong with a client's information (someone walked in, a link
or e-mail went to the wrong person, a session was overheard, a device was lost). The ICO gives you
72 hours from discovery to decide whether to report it. Kept in the vault; needs your passphrase.

Commands:
  add --what TEXT --discovered ISO [--occurred ISO] [--kind K] [--client CODE]…
                           Record an incident. ISO is a date and time with Z or an offset
                           ("2026-03-29T00:30:00Z", "2026-03-29T01:30:00+01:00"). --client may be
                           given once per client code. K is one of: ${incidentKinds.join(', ')}
                           (default other).
  list [--json]            Every incident, newest discovery first, each with its deadline (an ISO
                           instant, 72 hours after discovery) and whether it is overdue.
  close ID [--note TEXT]   Close an incident, with an optional closing note.

The ICO's questions and self-assessment: ${icoSource.selfAssessmentUrl}
(source: ${icoSource.name}).

Options:
${vaultCliUsage}

${argvPrivacyNote}

Exit codes: 0 success, 1 the action failed (for example a wrong passphrase), 2 bad arguments.`;

const options = {
  ...vaultCliOptions,
  json: { type: 'boolean' },
  what: { type: 'string' },
  discovered: { type: 'string' },
  occurred: { type: 'string' },
  kind: { type: 'string' },
  client: { type: 'string', multiple: true },
  note: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof options>>['values'];

const allowed = {
  add: ['what', 'discovered', 'occurred', 'kind', 'client', 'json'],
  list: ['json'],
  close: ['note', 'json'],
} as const;
type Subcommand = keyof typeof allowed;

function instant(value: string | undefined, option: string): string {
  const text = value?.trim() ?? '';
  if (!instantSchema.safeParse(text).success)
    throw new UsageError(`--${option} must be a date and time with Z or an offset, like 2026-03-29T00:30:00Z.`);
  return text;
}

/** The incident described by `add`'s options, checked as the window's form is. */
function addInput(values: Values, context: CliContext) {
  if (typeof values.what !== 'string' || values.what.trim() === '')
    throw new UsageError('incident add needs --what TEXT: say in a few words what happened.');
  const kind = values.kind ?? 'other';
  if (!(incidentKinds as readonly string[]).includes(kind))
    throw new UsageError(`--kind must be one of: ${incidentKinds.join(', ')}.`);
  const clientCodes = (values.client ?? []).map((raw) => {
    const check = checkClientCode(raw);
    if (!check.valid) throw new UsageError(`--client: ${check.error ?? 'that client code cannot be used.'}`);
    for (const warning of check.warnings) context.io.stderr(`Warning: ${clientCodeWarningText[warning]}\n`);
    return check.code;
  });
  const parsed = incidentInputSchema.safeParse({
    kind: kind as IncidentKind,
    what: values.what,
    occurredAt: values.occurred === undefined ? null : instant(values.occurred, 'occurred'),
    discoveredAt: instant(values.discovered, 'discovered'),
    clientCodes,
    actions: '',
    ico: { decision: 'undecided', decidedOn: null, reason: '' },
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'That incident cannot be kept.');
  return parsed.data;
}

/** The `incident` command: the incident log from a terminal or a script. */
export function createIncidentCommand(deps: VaultCliDeps): CliCommand {
  const withUnlocked = <T>(values: Values, context: CliContext, work: (graph: ServiceGraph) => T, readOnly: boolean) =>
    withUnlockedServices(values, context, deps, work, { readOnly });

  return {
    name: 'incident',
    summary: 'Record, list and close incidents, each with its 72-hour deadline for deciding whether to report.',
    usage,
    changesNothing: (argv) => argv[0] === 'list',
    async run(argv, context) {
      const { command, values, positionals } = parseSubcommand<Subcommand, typeof options>(
        'incident',
        argv,
        allowed,
        options,
        { sub: 'close', what: 'incident id' },
      );
      const io = context.io;

      switch (command) {
        case 'add': {
          const input = addInput(values, context);
          const added = await withUnlocked(values, context, (graph) => graph.incidents.add(input), false);
          if (values.json) io.stdout(`${jsonForTerminal(added)}\n`);
          else
            io.stdout(
              `Recorded incident ${added.id}. Decide whether to report it to the ICO by ${added.deadline} (72 hours after discovery).\n`,
            );
          return exitCodes.ok;
        }

        case 'close': {
          const id = positionals[0] ?? '';
          if (!incidentIdSchema.safeParse(id).success)
            throw new UsageError(`"${id}" is not an incident id (inc- and 8 letters or digits).`);
          const note = values.note ?? '';
          if (note.length > incidentNoteMaxLength)
            throw new UsageError(`--note must be ${incidentNoteMaxLength} characters or fewer.`);
          const closed = await withUnlocked(values, context, (graph) => graph.incidents.close(id, note), false);
          io.stdout(values.json ? `${jsonForTerminal(closed)}\n` : `Closed incident ${closed.id}.\n`);
          return exitCodes.ok;
        }

        case 'list': {
          const now = new Date();
          const incidents = await withUnlocked(values, context, (graph) => graph.incidents.list(), true);
          const listed = incidents.map((i) => ({
            ...i,
            awaitingDecision: awaitingDecision(i),
            overdue: overdue(i, now),
          }));
          if (values.json) {
            io.stdout(`${jsonForTerminal({ incidents: listed })}\n`);
            return exitCodes.ok;
          }
          if (listed.length === 0) io.stdout('No incidents recorded.\n');
          for (const i of listed) {
            const state =
              i.status === 'closed'
                ? 'closed'
                : i.awaitingDecision
                  ? `${i.overdue ? 'OVERDUE, ' : ''}decide by ${i.deadline}`
                  : icoDecisionLabels[i.ico.decision].toLowerCase();
            io.stdout(
              showHiddenCharacters(
                `${i.id}  ${i.discoveredAt}  ${incidentKindLabels[i.kind]}  (${state})  ${i.clientCodes.join(', ')}`,
              ) + '\n',
            );
          }
          return exitCodes.ok;
        }
      }
    },
  };
}
