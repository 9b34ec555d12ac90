import { existsSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { z } from 'zod';

import { AppError } from '../../shared/errors';
import { createLogger, describeError } from '../logging/logger';
import type { KeyValueStore, StoreFactory } from '../store/store-factory';
import { nodeVaultFs } from '../vault/vault-fs';

const log = createLogger('plain-record');

/** One value kept in its own plain (unencrypted) store file: only what names no client. */
export interface PlainRecord<T> {
  get(): T;
  set(value: T): void;
}

/**
 * A plain record in conf's format, written by the vault's checked atomic writer (as settings are):
 * a damaged file is moved aside and the fallback used; a failed write leaves the old file.
 */
export function createPlainRecord<S extends z.ZodType>(
  dataDir: string,
  storeFactory: StoreFactory,
  name: string,
  schema: S,
  fallback: z.output<S>,
  writeFile: (path: string, data: string) => void = (path, data) => {
    nodeVaultFs.mkdir(dirname(path));
    nodeVaultFs.writeAtomic(path, data);
  },
): PlainRecord<z.output<S>> {
  let store = openStore(dataDir, storeFactory, name);
  const parsed = schema.safeParse(store.get('value'));
  if (!parsed.success && store.get('value') !== undefined) {
    // Kept beside, never overwritten: it may come from a newer version or a hand edit worth keeping.
    log.warn('a stored record was not valid; moving it aside and using none', { name });
    store = moveAsideAndReopen(dataDir, storeFactory, name);
  }
  let current: z.output<S> = parsed.success ? parsed.data : fallback;
  return {
    get: () => current,
    set(value) {
      try {
        writeFile(store.path, `${JSON.stringify({ value }, undefined, '\t')}\n`);
      } catch (error) {
        log.warn('a record could not be saved', { name, error: describeError(error) });
        const code = (error as NodeJS.ErrnoException).code;
        throw new AppError(
          code === 'ENOSPC' || code === 'EDQUOT' ? 'DISK_FULL' : 'INTERNAL',
          'This could not be saved on this computer (is the disk full?). Nothing was changed.',
        );
      }
      current = value;
    },
  };
}

function openStore(dataDir: string, storeFactory: StoreFactory, name: string): KeyValueStore<{ value?: unknown }> {
  const options = { name, cwd: dataDir } as const;
  try {
    return storeFactory<{ value?: unknown }>(options);
  } catch (error) {
    log.warn('a record file could not be read; moving it aside', { name, error: describeError(error) });
    return moveAsideAndReopen(dataDir, storeFactory, name);
  }
}

function moveAsideAndReopen(
  dataDir: string,
  storeFactory: StoreFactory,
  name: string,
): KeyValueStore<{ value?: unknown }> {
  const file = join(dataDir, `${name}.json`);
  if (existsSync(file)) renameSync(file, `${file}.corrupt-${Date.now()}`);
  return storeFactory<{ value?: unknown }>({ name, cwd: dataDir });
}
