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
}

export function createQuarantine(ctx: VaultContext): Quarantine {
  const { fs, paths } = ctx;
  return {
    moveAside(path, label, why) {
      if (fs.size(path) === null) return;
      fs.mkdir(paths.quarantineDir);
      const stamp = ctx.now().toISOString().replace(/[:.]/g, '-');
      for (let n = 0; n < 100; n += 1) {
        const target = join(paths.quarantineDir, `${label}.${stamp}${n === 0 ? '' : `-${n}`}.${why}`);
        try {
          fs.move(path, target);
          return;
        } catch (error) {
          if (!isCode(error, 'EEXIST')) throw error;
        }
      }
      throw new Error('could not find a free quarantine name');
    },
    unreadablePeriods() {
      const out = new Set<string>();
      for (const name of fs.list(paths.quarantineDir)) {
        const match = /^logs-(\d{4}-\d{2})\.json\..*\.unreadable$/.exec(name);
        if (match?.[1]) out.add(match[1]);
      }
      return [...out];
    },
  };
}
