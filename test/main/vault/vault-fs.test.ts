import { readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createNodeVaultFs, isDiskFull } from '../../../main/vault/vault-fs';
import { tempDataDir } from './vault-test-kit';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDataDir());
});
afterEach(() => cleanup());

const data = Buffer.from('x'.repeat(20_000) + 'end');

function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return expect.unreachable('the call was expected to throw');
}

describe('vault-fs writeAtomic', () => {
  it('leaves the old file untouched when a write silently comes out short', () => {
    const path = join(dir, 'file.json');
    writeFileSync(path, 'old content');
    // The disk takes only the first 4 KiB but says it took everything.
    const fs = createNodeVaultFs({
      writeSync: (fd, buffer, offset, length) => {
        if (offset < 4096) writeSync(fd, buffer, offset, Math.min(length, 4096 - offset));
        return length;
      },
    });
    expect(isDiskFull(thrownBy(() => fs.writeAtomic(path, data)))).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('old content');
    expect(readdirSync(dir)).toEqual(['file.json']);
  });

  it('gives up with a full-disk error when a write makes no progress', () => {
    const path = join(dir, 'file.json');
    const fs = createNodeVaultFs({ writeSync: () => 0 });
    expect(isDiskFull(thrownBy(() => fs.writeAtomic(path, data)))).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes every byte when the disk takes them a little at a time, readable by the user only', () => {
    const path = join(dir, 'file.json');
    writeFileSync(path, 'old content');
    const fs = createNodeVaultFs({
      writeSync: (fd, buffer, offset, length) => writeSync(fd, buffer, offset, Math.min(length, 1000)),
    });
    fs.writeAtomic(path, data);
    expect(readFileSync(path).equals(data)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['file.json']);
  });
});

describe('vault-fs createExclusive', () => {
  it('removes the file it made when its content cannot be written (a full disk), instead of leaving it empty', () => {
    const path = join(dir, 'vault.lock');
    const full = createNodeVaultFs({ writeSync: () => 0 });
    expect(isDiskFull(thrownBy(() => full.createExclusive(path, '{"pid":1}')))).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });
});
