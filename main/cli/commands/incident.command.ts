import { DateTime } from 'luxon';
import { z } from 'zod';

import {
  awaitingDecision,
  closedAwaitingDecision,
  closingNoteSchema,
  icoReasonSchema,
  icoDecisionProblem,
  incidentIdSchema,
  incidentInputSchema,
  incidentKindLabels,
  incidentKinds,
  instantSchema,
  overdue,
  type IcoDecision,
  type IcoDecisionRecord,
  type IncidentKind,
} from '../../../shared/incidents/incident';
import { icoSource } from '../../../shared/incidents/ico-questions.catalog';
import type { IncidentView } from '../../../shared/ipc/incidents.contract';
import { checkClientCode, clientCodeWarningText } from '../../../shared/logs/client-code';
import { jsonForTerminal, showHiddenCharacters } from '../../../shared/text/visible-text';
import type { ServiceGraph } from '../../composition/service-graph';
import { type parseCommandArgs } from '../cli-args';
import { exitCodes, UsageError, type CliCommand, type CliContext } from '../cli-types';
import {
  parseSubcommand,
  vaultCliOptions,
  withUnlockedServices,
  type VaultCliDeps,
  vaultCommandUsageEnd,
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
  close ID [--note TEXT]   Close an incident, with an optional closing note. Closing does not
                           stop the 72-hour clock: it runs until the ICO decision is recorded.
  decide ID --decision yes|no --on DATE [--reason TEXT] [--replace]
                           Record the ICO decision for an open or closed incident: yes (you
                           reported it, on DATE) or no (you decided not to, on DATE; say why
                           with --reason). DATE is a day like 2026-03-30, not in the future.
                           A decision already recorded is changed only with --replace.

The ICO's questions and self-assessment: ${icoSource.selfAssessmentUrl}
(source: ${icoSource.name}).

Options:
${vaultCommandUsageEnd}`;

const options = {
  ...vaultCliOptions,
  json: { type: 'boolean' },
  replace: { type: 'boolean' },
  what: { type: 'string' },
  discovered: { type: 'string' },
  occurred: { type: 'string' },
  kind: { type: 'string' },
  client: { type: 'string', multiple: true },
  note: { type: 'string' },
  decision: { type: 'string' },
  on: { type: 'string' },
  reason: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof options>>['values'];

const allowed = {
  add: ['what', 'discovered', 'occurred', 'kind', 'client', 'json'],
  list: ['json'],
  close: ['note', 'json'],
  decide: ['decision', 'on', 'reason', 'replace', 'json'],
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

function incidentId(positional: string | undefined): string {
  const id = positional ?? '';
  if (!incidentIdSchema.safeParse(id).success)
    throw new UsageError(`"${showHiddenCharacters(id)}" is not an incident id (inc- and 8 letters or digits).`);
  return id;
}

/** The decision described by `decide`'s options, checked before the passphrase is asked for. */
function decisionInput(values: Values): IcoDecisionRecord {
  const decision = values.decision;
  if (decision !== 'yes' && decision !== 'no')
    throw new UsageError(
      'incident decide needs --decision yes (you reported it) or --decision no (you decided not to).',
    );
  const on = values.on?.trim() ?? '';
  if (!z.iso.date().safeParse(on).success)
    throw new UsageError(
      'incident decide needs --on DATE: the day you reported it or decided not to, like 2026-03-30.',
    );
  const reason = checkedText(icoReasonSchema, values.reason, 'reason');
  const ico: IcoDecisionRecord = { decision, decidedOn: on, reason };
  // The day of discovery is checked once the vault is open and the incident found.
  const problem = icoDecisionProblem(ico, DateTime.now().toISODate() ?? '', null);
  if (problem) throw new UsageError(`--on: ${problem}`);
  return ico;
}

/** A note option checked by the same rule as the window's box: its length, no hidden characters. */
function checkedText(schema: typeof closingNoteSchema, value: string | undefined, option: string): string {
  const parsed = schema.safeParse(value ?? '');
  if (!parsed.success) throw new UsageError(`--${option}: ${parsed.error.issues[0]?.message ?? 'not valid.'}`);
  return parsed.data;
}

/** The decision recorded, as a sentence ("ICO" kept in capitals). */
function decidedWords(id: string, ico: IcoDecisionRecord): string {
  return ico.decision === 'yes'
    ? `Recorded that incident ${id} was reported to the ICO on ${ico.decidedOn}.`
    : `Recorded that you decided on ${ico.decidedOn} not to report incident ${id} to the ICO.`;
}

/** The decision in `list`'s brackets, lower case as the other states are, with "ICO" kept in capitals. */
const decisionState: Record<IcoDecision, string> = {
  undecided: 'ICO decision still needed',
  yes: 'reported to the ICO',
  no: 'decided not to report to the ICO',
};

/** What closing left to do: the ICO decision, if it is still to be made. */
function stillToDecide(incident: IncidentView, now: Date): string {
  if (!closedAwaitingDecision(incident)) return '';
  const how = `Record it with: readyroom incident decide ${incident.id} --decision yes|no --on DATE`;
  return overdue(incident, now)
    ? `The ICO decision is still needed: the 72 hours to decide whether to report it ran out at ${incident.deadline}. Decide as soon as you can. ${how}\n`
    : `The ICO decision is still needed: decide whether to report it by ${incident.deadline} (72 hours after discovery). ${how}\n`;
}

/** The `incident` command: the incident log from a terminal or a script. */
export function createIncidentCommand(deps: VaultCliDeps): CliCommand {
  const withUnlocked = <T>(values: Values, context: CliContext, work: (graph: ServiceGraph) => T, readOnly: boolean) =>
    withUnlockedServices(values, context, deps, work, { readOnly });

  return {
    name: 'incident',
    summary: 'Record, list, close and decide incidents, each with its 72-hour deadline for deciding whether to report.',
    usage,
    changesNothing: (argv) => argv[0] === 'list',
    async run(argv, context) {
      const { command, values, positionals } = parseSubcommand<Subcommand, typeof options>(
        'incident',
        argv,
        allowed,
        options,
        { sub: argv[0] === 'decide' ? 'decide' : 'close', what: 'incident id' },
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
          const id = incidentId(positionals[0]);
          const note = checkedText(closingNoteSchema, values.note, 'note');
          const closed = await withUnlocked(values, context, (graph) => graph.incidents.close(id, note), false);
          if (values.json) io.stdout(`${jsonForTerminal({ ...closed, awaitingDecision: awaitingDecision(closed) })}\n`);
          else io.stdout(`Closed incident ${closed.id}.\n${stillToDecide(closed, new Date())}`);
          return exitCodes.ok;
        }

        case 'decide': {
          const id = incidentId(positionals[0]);
          const ico = decisionInput(values);
          const decided = await withUnlocked(
            values,
            context,
            (graph) => graph.incidents.decide(id, ico, { replace: values.replace === true }),
            false,
          );
          if (values.json)
            io.stdout(`${jsonForTerminal({ ...decided, awaitingDecision: awaitingDecision(decided) })}\n`);
          else io.stdout(`${decidedWords(decided.id, ico)} Its 72-hour clock has stopped.\n`);
          if (ico.decision === 'no' && ico.reason.trim() === '')
            io.stderr(
              'Note: the ICO expects you to keep a record of why you decided not to report. Add it with --reason TEXT.\n',
            );
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
            const clock = `${i.overdue ? 'OVERDUE, ' : ''}decide by ${i.deadline}`;
            const state =
              i.status === 'closed'
                ? i.awaitingDecision
                  ? `closed, ICO decision still needed: ${clock}`
                  : 'closed'
                : i.awaitingDecision
                  ? clock
                  : decisionState[i.ico.decision];
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
