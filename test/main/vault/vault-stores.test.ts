import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { electronStoreFactory } from '../../../main/adapters/electron-store-factory';
import { confStoreFactory, type StoreFactory } from '../../../main/store/store-factory';
import { nodeVaultFs } from '../../../main/vault/vault-fs';
import { openVaultStore } from '../../../main/vault/vault-stores';
import { tempDataDir } from './vault-test-kit';

// electron-store reads app paths from Electron in its constructor; nothing else is faked.
vi.mock('electron', () => {
  const app = { getPath: () => '/nonexistent-user-data', getVersion: () => '0.0.0-test' };
  const ipcMain = { on: () => undefined };
  const shell = { openPath: async () => '' };
  return { default: { app, ipcMain, shell }, app, ipcMain, shell };
});

type Doc = { count: number; words: string[] };
const spec = (dir: string, name = '2026-03') => ({
  dir,
  name,
  serialize: (value: Doc) => `DOC:${JSON.stringify(value)}\n`,
  deserialize: (text: string): Doc => {
    if (!text.startsWith('DOC:')) throw new Error('not a doc');
    return JSON.parse(text.slice(4)) as Doc;
  },
});

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDataDir());
});
afterEach(() => cleanup());

describe.each([
  ['conf', confStoreFactory],
  ['electron-store', electronStoreFactory],
] as [string, StoreFactory][])('vault-stores with %s', (_name, factory) => {
  it('writes the serialised text exactly, under its own name, readable by the user only', () => {
    const store = openVaultStore<Doc>(factory, nodeVaultFs, spec(dir));
    expect(store.value).toBeNull();
    store.write({ count: 2, words: ['a', 'b'] });
    const path = join(dir, '2026-03.json');
    expect(store.path).toBe(path);
    expect(readFileSync(path, 'utf8')).toBe('DOC:{"count":2,"words":["a","b"]}\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(openVaultStore<Doc>(factory, nodeVaultFs, spec(dir)).value).toEqual({ count: 2, words: ['a', 'b'] });
  });

  it('keeps files of different names apart in one folder', () => {
    openVaultStore<Doc>(factory, nodeVaultFs, spec(dir, '2026-03')).write({ count: 3, words: [] });
    openVaultStore<Doc>(factory, nodeVaultFs, spec(dir, '2026-04')).write({ count: 4, words: [] });
    expect(openVaultStore<Doc>(factory, nodeVaultFs, spec(dir, '2026-03')).value?.count).toBe(3);
    expect(openVaultStore<Doc>(factory, nodeVaultFs, spec(dir, '2026-04')).value?.count).toBe(4);
  });

  it('never clears a file it cannot read: opening throws and the bytes stay', () => {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, '2026-03.json');
    writeFileSync(path, 'garbage that is not a doc');
    expect(() => openVaultStore<Doc>(factory, nodeVaultFs, spec(dir)).value).toThrow();
    expect(readFileSync(path, 'utf8')).toBe('garbage that is not a doc');
  });
});
