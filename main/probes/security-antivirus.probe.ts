import { listNames, outcome, unresolved } from './probe-kit';
import type { Probe } from './probe-types';

/** Anti-malware that is on and current (ACTO guidance, 2020; NCSC). */
export const securityAntivirusProbe: Probe = {
  id: 'security.antivirus',
  async run({ facts }) {
    const fact = await facts.antivirus();
    if (fact.state !== 'known') return unresolved(fact, 'Could not check the antivirus');
    const { products, builtInAlwaysOn, warnings } = fact.value;
    const evidence = {
      ...fact.evidence,
      products: products.map((p) => ({
        name: p.name,
        enabled: p.enabled,
        upToDate: p.upToDate,
        definitionsAgeDays: p.definitionsAgeDays,
      })),
      warnings: [...warnings],
    };
    const active = products.filter((p) => p.enabled);
    const extra = warnings.length > 0 ? ` ${warnings.join(' ')}` : '';
    if (active.length === 0) {
      const names = products.map((p) => p.name);
      const text =
        names.length > 0
          ? `No antivirus is active (${listNames(names)} ${names.length === 1 ? 'is' : 'are'} off).`
          : 'No antivirus was found.';
      return outcome(builtInAlwaysOn ? 'warn' : 'fail', `${text}${extra}`, evidence);
    }
    const current = active.filter((p) => p.upToDate === true);
    if (current.length > 0) {
      return outcome(
        warnings.length > 0 ? 'warn' : 'pass',
        `${listNames(current.map((p) => p.name))} is active and up to date.${extra}`,
        evidence,
      );
    }
    const stale = active.filter((p) => p.upToDate === false);
    if (stale.length > 0) {
      const age = stale[0]?.definitionsAgeDays;
      const ageText = age !== null && age !== undefined ? ` (last updated ${age} days ago)` : '';
      return outcome(
        'warn',
        `${listNames(stale.map((p) => p.name))} is active but out of date${ageText}. Run an update.${extra}`,
        evidence,
      );
    }
    return outcome(
      'warn',
      `${listNames(active.map((p) => p.name))} is active, but ReadyRoom could not tell whether it is up to date.${extra}`,
      evidence,
    );
  },
};
