import { join, resolve } from 'node:path';

import type { StoreFactory } from '../store/store-factory';
import type { VaultFs } from './vault-fs';

/** One file of the vault, read whole through electron-store (conf in Node) and written whole by our atomic writer. */
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

/** Room for file-system bookkeeping on top of the file itself. */
const spaceMargin = 64 * 1024;

/**
 * The name under which earlier builds kept the previous version while a write was checked; only
 * a crash left one behind, and unlock puts it back or removes it.
 */
export function previousVersionPath(path: string): string {
  return `${path}.prev`;
}

type Raw = Record<string, unknown>;
interface RawStore {
  readonly store: Raw;
  readonly path: string;
}

function diskFull(detail: string): Error {
  return Object.assign(new Error(`ENOSPC: ${detail}`), { code: 'ENOSPC' });
}

/**
 * Opens one vault file with the app's store factory (electron-store in the app, conf in Node),
 * with our own serialize/deserialize: the file's whole content is one value, sealed in the
 * AES-256-GCM envelope for logs. Reading goes through the store.
 *
 * Writing does not. conf 15.1.0 writes the file in place, not atomically, when `SNAP` is set or
 * when its atomic write fails with EXDEV (Windows), and its atomic path (`atomically` 2.1.1)
 * ignores short writes (atomically PR #18, open): either can leave a torn or truncated file and
 * report success. So the serialised bytes go through `VaultFs.writeAtomic`, which writes a temp
 * file, checks every byte is there, fsyncs, renames it over the old file and fsyncs the folder:
 * the old file stays untouched until the new one is known to be complete.
 */
export function openVaultStore<T extends object>(
  factory: StoreFactory,
  fs: VaultFs,
  spec: VaultStoreSpec<T>,
): VaultStore<T> {
  // conf reads the file again on every access; deserialising the same bytes twice is wasted work.
  let lastText: string | null = null;
  let lastValue: T | null = null;
  const options = {
    name: spec.name,
    // conf names its file after `configName` (electron-store maps `name` onto it); give both.
    configName: spec.name,
    cwd: spec.dir,
    fileExtension: 'json',
    // Given so the store never writes any other format, even though writes bypass it.
    serialize: (value: Raw) => spec.serialize(value as T),
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

  return {
    path,
    get value() {
      const raw = inner.store;
      return Object.keys(raw).length === 0 ? null : (raw as T);
    },
    write(value) {
      const text = spec.serialize(value);
      const bytes = Buffer.from(text, 'utf8');
      const free = fs.freeBytes(spec.dir);
      if (free !== null && free < bytes.length + spaceMargin) throw diskFull('not enough free space');
      fs.mkdir(spec.dir);
      lastText = null;
      lastValue = null;
      fs.writeAtomic(path, bytes);
    },
  };
}
