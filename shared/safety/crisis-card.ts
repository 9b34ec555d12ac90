import { countryName, type CountryCode } from '../geo/countries';
import { continuityPlan, continuityPlanText, type ContinuityPlan } from './continuity-plan';
import { emergencyTable, getEmergencyEntry, noCrisisLineText, type EmergencyEntry } from './emergency-numbers';

/** One country's numbers with its name and the table's date, as the card and `crisis-card --json` show them. */
export interface CountryNumbers {
  readonly country: CountryCode;
  readonly countryName: string;
  /** Null when ReadyRoom holds no entry for this country. */
  readonly entry: EmergencyEntry | null;
  readonly tableAsOf: string;
}

export function countryNumbers(country: CountryCode): CountryNumbers {
  return {
    country,
    countryName: countryName(country),
    entry: getEmergencyEntry(country),
    tableAsOf: emergencyTable.asOf,
  };
}

/** Said where ReadyRoom has no entry at all for the client's country. */
export function noEntryText(name: string): string {
  return `ReadyRoom has no emergency numbers for ${name}. Find the local emergency number before the session and keep it with this card.`;
}

/** The numbers as plain lines ("Emergency: 112"), for the card's text (which the CLI prints). */
function numbersLines(numbers: CountryNumbers): string[] {
  const { entry } = numbers;
  if (!entry) return [noEntryText(numbers.countryName)];
  const lines = [`Emergency: ${entry.emergency.join(' or ')}`];
  if (entry.police) lines.push(`Police: ${entry.police}`);
  if (entry.ambulance) lines.push(`Ambulance: ${entry.ambulance}`);
  const line = entry.crisisLine;
  if (line) {
    const who = line.forAdults ? '' : ' (not for adults)';
    lines.push(
      `Crisis line: ${line.name}, ${line.number}${who}${line.hours ? `, ${line.hours}` : ', hours not confirmed'}`,
    );
    lines.push(`  Source: ${line.source.organisation}, ${line.source.url}`);
  } else {
    lines.push(noCrisisLineText);
  }
  if (entry.note) lines.push(`Note: ${entry.note}`);
  lines.push(`Emergency numbers source: ${entry.source.organisation}, ${entry.source.url}`);
  lines.push(`Checked ${entry.checked} (table as of ${numbers.tableAsOf}).`);
  return lines;
}

/** The card as plain text: the country's numbers, then (unless left out) the plan. */
export function crisisCardText(country: CountryCode, options: { readonly plan?: ContinuityPlan | null } = {}): string {
  const numbers = countryNumbers(country);
  const head = [`CRISIS CARD: ${numbers.countryName} (${country})`, '', ...numbersLines(numbers), ''].join('\n');
  const plan = options.plan === undefined ? continuityPlan : options.plan;
  return plan ? `${head}\n${continuityPlanText(plan)}` : `${head}\n`.replace(/\n\n$/, '\n');
}
