import { AppError } from '../../../shared/errors';
import { safeToMessageLabels } from '../../../shared/clients/client-profile';
import { countryName } from '../../../shared/geo/countries';
import { jsonForTerminal, showHiddenCharacters } from '../../../shared/text/visible-text';
import type { ServiceGraph } from '../../composition/service-graph';
import { exitCodes, UsageError, type CliCommand, type CliContext } from '../cli-types';
import {
  clientCodeFromArgs,
  parseSubcommand,
  vaultCliOptions,
  withUnlockedServices,
  type VaultCliDeps,
  vaultCommandUsageEnd,
} from '../vault-cli';

const usage = `Usage: readyroom clients <command> [options]

Client set-ups (back-up phone, usual place and time zone, emergency contact), kept only in the
encrypted vault. Set them up in the app's Clients page. The safety code word is never shown here.

Commands:
  list [--json]                          Every client code with its usual country and time zone.
  show (--client CODE | --client-file F) [--json]
                                         One client's set-up, without the code word.
  delete (--client CODE | --client-file F) [--json]
                                         Remove one client's set-up (their logs stay).

Every command needs your passphrase.

Options for opening the vault:
${vaultCommandUsageEnd}`;

const options = {
  ...vaultCliOptions,
  json: { type: 'boolean' },
  client: { type: 'string' },
  'client-file': { type: 'string' },
} as const;

const allowed = {
  list: ['json'],
  show: ['client', 'client-file', 'json'],
  delete: ['client', 'client-file', 'json'],
} as const;
type Subcommand = keyof typeof allowed;

/** The `clients` command: the client set-ups from a terminal or a script, never with the code word. */
export function createClientsCommand(deps: VaultCliDeps): CliCommand {
  return {
    name: 'clients',
    summary: 'List, show and delete client set-ups (kept in the vault; never the code word).',
    usage,
    changesNothing: (argv) => argv[0] === 'list' || argv[0] === 'show',
    async run(argv, context: CliContext) {
      const { command, values } = parseSubcommand<Subcommand, typeof options>('clients', argv, allowed, options);
      const io = context.io;
      const client = command === 'list' ? null : clientCodeFromArgs(values, io);
      if (command !== 'list' && client === null)
        throw new UsageError(`clients ${command} needs --client CODE or --client-file F.`);
      const withUnlocked = <T>(work: (graph: ServiceGraph) => T) =>
        withUnlockedServices(values, context, deps, work, { readOnly: command !== 'delete' });

      switch (command) {
        case 'list': {
          const clients = await withUnlocked((graph) => graph.clients.list());
          const rows = clients.map((c) => ({
            clientCode: c.clientCode,
            country: c.usualCountry,
            timeZone: c.timeZone,
            updatedAt: c.updatedAt,
          }));
          if (values.json) {
            io.stdout(`${jsonForTerminal({ clients: rows })}\n`);
            return exitCodes.ok;
          }
          if (rows.length === 0) io.stdout('No client is set up yet.\n');
          for (const r of rows)
            io.stdout(
              `${showHiddenCharacters(r.clientCode).padEnd(16)} ${(r.country ? countryName(r.country) : '-').padEnd(24)} ${r.timeZone ?? '-'}\n`,
            );
          return exitCodes.ok;
        }

        case 'show': {
          const profile = await withUnlocked((graph) => graph.clients.get(client ?? ''));
          if (!profile) throw new AppError('NOT_FOUND', 'That client code has no set-up.');
          // The code word stays in the vault: a terminal's scroll-back and a script's output are not private.
          const { codeWord: _hidden, ...shown } = profile;
          if (values.json) {
            io.stdout(`${jsonForTerminal(shown)}\n`);
            return exitCodes.ok;
          }
          const line = (label: string, value: string) =>
            io.stdout(`${label.padEnd(24)} ${showHiddenCharacters(value || '-')}\n`);
          line('Client code', shown.clientCode);
          line('Back-up phone', shown.backupPhone);
          line(
            'Usually in',
            [shown.usualRegion, shown.usualCountry ? countryName(shown.usualCountry) : ''].filter(Boolean).join(', '),
          );
          line('Time zone', shown.timeZone ?? '');
          line(
            'Emergency contact',
            [shown.emergencyContactName, shown.emergencyContactPhone].filter(Boolean).join(', '),
          );
          line('Safe to message', safeToMessageLabels[shown.safeToMessage]);
          line('Code word', shown.hasCodeWord ? 'set (shown only in the app)' : 'none');
          line('Last changed', shown.updatedAt);
          return exitCodes.ok;
        }

        case 'delete': {
          const result = await withUnlocked((graph) => graph.clients.delete(client ?? ''));
          if (!result.deleted) throw new AppError('NOT_FOUND', 'That client code has no set-up.');
          io.stdout(values.json ? `${JSON.stringify(result)}\n` : 'Client set-up removed. Their logs are kept.\n');
          return exitCodes.ok;
        }
      }
    },
  };
}
