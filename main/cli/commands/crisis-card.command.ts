import { countryCodes, countryName } from '../../../shared/geo/countries';
import { continuityPlan } from '../../../shared/safety/continuity-plan';
import { countryNumbers, crisisCardText, noEntryText } from '../../../shared/safety/crisis-card';
import { coveredCountries, emergencyTable } from '../../../shared/safety/emergency-numbers';
import { parseCommandArgs } from '../cli-args';
import { exitCodes, UsageError, type CliCommand } from '../cli-types';

const usage = `Usage: crisis-card --country CC [--json] [--no-plan]

Prints the emergency numbers and crisis line for the country your client is in today, from
ReadyRoom's offline table (dated ${emergencyTable.asOf}, a source for every entry), followed by the
"if the video drops" plan. Nothing is read from or written to your logs.

  --country CC  the two-letter country code, for example GB, IE, DE, US
  --json        print { "country", "countryName", "tableAsOf", "entry", "plan" }
  --no-plan     leave the plan out (in JSON, "plan" is null)

Countries in the table: ${coveredCountries().join(' ')}`;

/** `readyroom crisis-card`: the table itself, for the therapist's own records or a script. */
export const crisisCardCommand: CliCommand = {
  name: 'crisis-card',
  summary: 'Emergency numbers, a crisis line and the if-the-video-drops plan for a country.',
  usage,
  changesNothing: () => true,
  run(argv, context) {
    const { values, positionals } = parseCommandArgs(argv, {
      country: { type: 'string' },
      json: { type: 'boolean' },
      'no-plan': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      context.io.stdout(`${usage}\n`);
      return Promise.resolve(exitCodes.ok);
    }
    if (positionals.length > 0) throw new UsageError('crisis-card takes no arguments: use --country CC.');
    if (values.country === undefined)
      throw new UsageError('Say which country: --country CC, for example --country GB.');
    const code = values.country.trim().toUpperCase();
    if (!countryCodes.includes(code))
      throw new UsageError(
        `"${values.country.slice(0, 20)}" is not a country code. Use two letters, such as GB or DE.`,
      );
    const numbers = countryNumbers(code);
    if (!numbers.entry)
      throw new UsageError(
        `${noEntryText(`${countryName(code)} (${code})`)} Countries in the table: ${coveredCountries().join(' ')}.`,
      );
    const withPlan = values['no-plan'] !== true;
    if (values.json) {
      context.io.stdout(`${JSON.stringify({ ...numbers, plan: withPlan ? continuityPlan : null }, null, 2)}\n`);
    } else {
      context.io.stdout(crisisCardText(code, { plan: withPlan ? continuityPlan : null }));
    }
    return Promise.resolve(exitCodes.ok);
  },
};
