import { join } from 'node:path';

import type { VaultContext } from './vault-context';
import { isCode } from './vault-fs';

/**
 * The quarantine folder: files that could not be read are moved here unchanged, under a new,
 * unique name, never overwritten and never deleted by ReadyRoom. The names say which month a
 * logs file belonged to, so its month is reported until the user deals with it.
 */
export interface Quarantine {
  /** Moves a file into the quarantine folder; does nothing when it does not exist. */
  moveAside(path: string, label: string, why: string): void;
  /** Months whose logs file is in quarantine as unreadable. */
  unreadablePeriods(): string[];
  /** Records that a month's logs file is gone (its index was found without it), so it is reported until dealt with. */
  recordMissing(period: string): void;
  /** Months whose logs file was found missing. */
  missingPeriods(): string[];
  /**
   * A restore brought back this month's logs: its unreadable file and missing record stop being
   * reported. The files stay (renamed `.restored`), never deleted by ReadyRoom.
   */
  resolve(period: string): void;
}

const unreadableName = /^logs-(\d{4}-\d{2})\.json\..*\.unreadable$/;
const missingName = /^logs-(\d{4}-\d{2})\.json\..*\.missing$/;

export function createQuarantine(ctx: VaultContext): Quarantine {
  const { fs, paths } = ctx;
  const stamp = () => ctx.now().toISOString().replace(/[:.]/g, '-');

  /** The first free name `${label}.${stamp}[-n].${why}`, passed to `place` until it does not exist yet. */
  function underFreeName(label: string, why: string, place: (target: string) => void): void {
    const at = stamp();
    for (let n = 0; n < 100; n += 1) {
      const target = join(paths.quarantineDir, `${label}.${at}${n === 0 ? '' : `-${n}`}.${why}`);
      try {
        place(target);
        return;
      } catch (error) {
        if (!isCode(error, 'EEXIST')) throw error;
      }
    }
    throw new Error('could not find a free quarantine name');
  }

  function periodsNamed(pattern: RegExp): string[] {
    const out = new Set<string>();
    for (const name of fs.list(paths.quarantineDir)) {
      const match = pattern.exec(name);
      if (match?.[1]) out.add(match[1]);
    }
    return [...out];
  }

  return {
    moveAside(path, label, why) {
      if (fs.size(path) === null) return;
      fs.mkdir(paths.quarantineDir);
      underFreeName(label, why, (target) => fs.move(path, target));
    },
    unreadablePeriods: () => periodsNamed(unreadableName),
    recordMissing(period) {
      if (periodsNamed(missingName).includes(period)) return;
      fs.mkdir(paths.quarantineDir);
      underFreeName(`logs-${period}.json`, 'missing', (target) => fs.createExclusive(target, ''));
    },
    missingPeriods: () => periodsNamed(missingName),
    resolve(period) {
      for (const name of fs.list(paths.quarantineDir)) {
        const match = unreadableName.exec(name) ?? missingName.exec(name);
        if (match?.[1] !== period) continue;
        const restored = name.replace(/\.(unreadable|missing)$/, '.restored');
        try {
          fs.move(join(paths.quarantineDir, name), join(paths.quarantineDir, restored));
        } catch (error) {
          if (!isCode(error, 'EEXIST')) throw error;
          fs.move(join(paths.quarantineDir, name), join(paths.quarantineDir, `${restored}-${stamp()}`));
        }
      }
    },
  };
}
