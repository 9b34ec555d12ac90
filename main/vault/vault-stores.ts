import { join, resolve } from 'node:path';

import type { StoreFactory } from '../store/store-factory';
import type { VaultFs } from './vault-fs';

/** One file of the vault, read and written whole through electron-store (conf in Node). */
export interface VaultStore<T> {
  readonly path: string;
  /** Reads and deserialises the file (null when it does not exist); throws when it cannot be read. */
  readonly value: T | null;
  /** Serialises and writes atomically; on any failure the previous file is left as it was. */
  write(value: T): void;
}

export interface VaultStoreSpec<T> {
  readonly dir: string;
  /** File name without ".json". */
  readonly name: string;
  readonly serialize: (value: T) => string;
  readonly deserialize: (text: string) => T;
}

/** conf keeps its own bookkeeping under this key; present in a value, it skips a second read of the file. */
const internalKey = '__internal__';
/** Room for file-system bookkeeping on top of the file itself. */
const spaceMargin = 64 * 1024;

/** The name the previous version keeps while a write is checked; left behind only by a crash. */
export function previousVersionPath(path: string): string {
  return `${path}.prev`;
}

type Raw = Record<string, unknown>;
interface RawStore {
  store: Raw;
  readonly path: string;
}

function diskFull(detail: string): Error {
  return Object.assign(new Error(`ENOSPC: ${detail}`), { code: 'ENOSPC' });
}

/**
 * Opens one vault file with the app's store factory; the file's whole content is one value,
 * serialised by our own functions (the AES-256-GCM envelope for logs).
 *
 * conf writes through `atomically` 2.1.1, which ignores short writes: on a full disk it renames
 * a truncated temp file over the good one and reports success (atomically PR #18, open). So
 * each write checks the free space first, keeps the previous version under a second name (a
 * hard link costs no space), reads the result back, and puts the previous version back if the
 * bytes are not exactly what was meant.
 */
export function openVaultStore<T extends object>(
  factory: StoreFactory,
  fs: VaultFs,
  spec: VaultStoreSpec<T>,
): VaultStore<T> {
  // conf reads the file again on every access; deserialising the same bytes twice is wasted work.
  let lastText: string | null = null;
  let lastValue: T | null = null;
  let staged: string | null = null;
  const options = {
    name: spec.name,
    // conf names its file after `configName` (electron-store maps `name` onto it); give both.
    configName: spec.name,
    cwd: spec.dir,
    fileExtension: 'json',
    serialize: (value: Raw) => {
      if (staged !== null) return staged;
      const { [internalKey]: _ignored, ...clean } = value;
      return spec.serialize(clean as T);
    },
    deserialize: (text: string): Raw => {
      if (text !== lastText) {
        lastValue = spec.deserialize(text);
        lastText = text;
      }
      return lastValue as Raw;
    },
  };
  const inner: RawStore = factory<Raw>(options);
  const path = resolve(join(spec.dir, `${spec.name}.json`));
  if (resolve(inner.path) !== path) throw new Error('store factory wrote to an unexpected file name');
  const previous = previousVersionPath(path);

  return {
    path,
    get value() {
      const raw = inner.store;
      return Object.keys(raw).length === 0 ? null : (raw as T);
    },
    write(value) {
      const text = spec.serialize(value);
      const expected = Buffer.from(text, 'utf8');
      const free = fs.freeBytes(spec.dir);
      if (free !== null && free < expected.length + spaceMargin) throw diskFull('not enough free space');
      fs.remove(previous);
      const kept = fs.link(path, previous);
      staged = text;
      try {
        inner.store = { ...(value as Raw), [internalKey]: {} };
      } catch (error) {
        if (kept) fs.remove(previous);
        throw error;
      } finally {
        staged = null;
        lastText = null;
        lastValue = null;
      }
      const written = fs.read(path);
      if (written === null || !written.equals(expected)) {
        if (kept) fs.replace(previous, path);
        else fs.remove(path);
        throw diskFull('the file was not written completely');
      }
      if (kept) fs.remove(previous);
    },
  };
}
