/**
 * Runs the real electron-builder on electron-builder.yml, offline: a Linux "dir" build against a fake
 * Electron (a file carrying the fuse wire) and a fake out/ folder. The result cannot run, but it shows what
 * a release would contain: which files reach app.asar, where the tray icons land, and which fuses are flipped.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { allTrayIconFiles } from '../../shared/tray/tray-state';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const projectRequire = createRequire(join(root, 'package.json'));
const builderCli = projectRequire.resolve('electron-builder/cli.js');
const libRequire = createRequire(createRequire(builderCli).resolve('app-builder-lib/package.json'));
const asar = libRequire('@electron/asar') as { listPackage(archive: string): string[] };
const fuses = libRequire('@electron/fuses') as {
  getCurrentFuseWire(electronPath: string): Promise<Record<string, string | number>>;
  FuseV1Options: Record<string, number>;
};

// @electron/fuses finds the wire after this marker; the bytes after it are: version, length, one byte per fuse.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's shipped defaults for the 9 fuses of wire v1 ('1' on, '0' off).
const DEFAULT_WIRE = '101100011';
const ON = 0x31;
const OFF = 0x30;

const run = promisify(execFile);

describe.skipIf(process.platform !== 'linux')('an offline electron-builder Linux dir build', () => {
  let work = '';
  let unpacked = '';

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'readyroom-builder-'));
    const project = join(work, 'project');
    const electronDist = join(work, 'electron');

    mkdirSync(join(electronDist, 'resources'), { recursive: true });
    mkdirSync(join(electronDist, 'locales'));
    writeFileSync(
      join(electronDist, 'electron'),
      Buffer.concat([
        Buffer.from('#!/bin/sh\n'),
        Buffer.from(FUSE_SENTINEL),
        Buffer.from([1, 9]),
        Buffer.from(DEFAULT_WIRE),
      ]),
      { mode: 0o755 },
    );
    writeFileSync(join(electronDist, 'version'), '45.5.0');
    writeFileSync(join(electronDist, 'LICENSE'), 'MIT');
    writeFileSync(join(electronDist, 'LICENSES.chromium.html'), '');

    mkdirSync(project);
    for (const file of ['package.json', 'electron-builder.yml']) cpSync(join(root, file), join(project, file));
    cpSync(join(root, 'assets'), join(project, 'assets'), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');
    const fakeFiles = [
      'out/main/index.js',
      'out/main/index.js.map',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index-abc123.js',
      'out/renderer/assets/index-abc123.js.map',
      'main/index.ts',
      'test/main/index.test.ts',
      'tsconfig.json',
    ];
    for (const file of fakeFiles) {
      mkdirSync(dirname(join(project, file)), { recursive: true });
      writeFileSync(join(project, file), '// fixture\n');
    }

    await run(
      process.execPath,
      [builderCli, '--linux', 'dir', `-c.electronDist=${electronDist}`, '-c.electronVersion=45.5.0'],
      { cwd: project, timeout: 120_000, env: { ...process.env, CI: 'true' } },
    );
    unpacked = join(project, 'release', 'linux-unpacked');
  }, 180_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('puts only the build output and package.json into app.asar, without source maps', () => {
    const entries = asar.listPackage(join(unpacked, 'resources', 'app.asar')).map((e) => e.replace(/\\/g, '/'));
    const appFiles = entries.filter((e) => !e.startsWith('/node_modules') && /\.[a-z]+$/.test(e));
    expect(appFiles.sort()).toEqual([
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/assets/index-abc123.js',
      '/out/renderer/index.html',
      '/package.json',
    ]);
  });

  it('ships production dependencies but no development tooling', () => {
    const entries = asar.listPackage(join(unpacked, 'resources', 'app.asar')).map((e) => e.replace(/\\/g, '/'));
    const packages = new Set(entries.map((e) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(e)?.[1]));
    for (const dependency of ['conf', 'electron-store', 'luxon', 'pdfkit', 'systeminformation', 'zod']) {
      expect(packages).toContain(dependency);
    }
    for (const tool of ['electron', 'electron-builder', 'vitest', 'typescript', '@doyensec/electronegativity']) {
      expect(packages).not.toContain(tool);
    }
  });

  it('copies the tray icons next to app.asar, into resources/assets', () => {
    expect(readdirSync(join(unpacked, 'resources', 'assets')).sort()).toEqual([...allTrayIconFiles()].sort());
  });

  it('flips the release fuses in the Electron binary', async () => {
    const wire = await fuses.getCurrentFuseWire(join(unpacked, 'readyroom'));
    const state = (name: string): number => Number(wire[String(fuses.FuseV1Options[name])]);
    expect({
      RunAsNode: state('RunAsNode'),
      EnableNodeOptionsEnvironmentVariable: state('EnableNodeOptionsEnvironmentVariable'),
      EnableNodeCliInspectArguments: state('EnableNodeCliInspectArguments'),
      EnableEmbeddedAsarIntegrityValidation: state('EnableEmbeddedAsarIntegrityValidation'),
      OnlyLoadAppFromAsar: state('OnlyLoadAppFromAsar'),
      EnableCookieEncryption: state('EnableCookieEncryption'),
      GrantFileProtocolExtraPrivileges: state('GrantFileProtocolExtraPrivileges'),
    }).toEqual({
      RunAsNode: OFF,
      EnableNodeOptionsEnvironmentVariable: OFF,
      EnableNodeCliInspectArguments: OFF,
      EnableEmbeddedAsarIntegrityValidation: ON,
      OnlyLoadAppFromAsar: ON,
      EnableCookieEncryption: ON,
      GrantFileProtocolExtraPrivileges: OFF,
    });
  });
});
