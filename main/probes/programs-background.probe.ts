import { programCategoryLabels, type ProgramRow } from '../../shared/programs/program-types';
import { listNames, outcome, plural } from './probe-kit';
import type { Probe } from './probe-types';

/** Rows the other program checks report on. */
const elsewhere = new Set(['remote-access', 'assistant', 'recorder']);

/**
 * Programs worth closing before a session: sync clients slow the connection and browsers
 * should be shut (ACTO guidance, 2020). The programs service decides what counts, per platform.
 */
export const programsBackgroundProbe: Probe = {
  id: 'programs.background',
  async run({ listPrograms }) {
    let rows: readonly ProgramRow[];
    try {
      rows = await listPrograms();
    } catch {
      return outcome('unknown', 'Could not list the programs that are running.', {
        reason: 'program list unavailable',
      });
    }
    const background = rows.filter((r) => !elsewhere.has(r.category));
    const evidence = {
      programs: background.map((r) => ({ name: r.name, category: r.category, closable: r.closable })),
    };
    if (background.length === 0) return outcome('pass', 'No programs need closing.', evidence);
    const named = background.map((r) => `${r.name} (${programCategoryLabels[r.category].toLowerCase()})`);
    return outcome('warn', `${plural(background.length, 'program')} worth closing: ${listNames(named, 5)}.`, evidence);
  },
};
