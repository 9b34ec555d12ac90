import { readFileSync, readlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createLinuxProcessOs } from '../../../main/programs/os/linux';
import { realKill, type ProcessOs } from '../../../main/programs/process-os';
import {
  createProgramsService,
  type ProgramsServiceDeps,
  type ProgramsSettings,
} from '../../../main/programs/programs-service';
import { listingFileName } from '../../../main/programs/programs-state-store';
import { AppError } from '../../../shared/errors';
import type { ProgramRow } from '../../../shared/programs/program-types';
import { isAlive, settingsWith, StandInLab } from './stand-ins';

const onLinux = process.platform === 'linux';

type Sent = [number, 'SIGTERM' | 'SIGKILL'];

/** The real Linux module, recording every signal it sends (and optionally acting right after one). */
function recordingOs(
  sent: Sent[],
  afterSignal: (signal: Sent[1]) => void = () => undefined,
  launch?: Parameters<typeof createLinuxProcessOs>[0]['launch'],
): ProcessOs {
  return createLinuxProcessOs({
    uid: process.getuid?.() ?? 0,
    kill: (pid, signal) => {
      sent.push([pid, signal]);
      realKill(pid, signal);
      afterSignal(signal);
    },
    ...(launch ? { launch } : {}),
  });
}

/** What an update does to a running program's file: a new file takes its place on disk. */
function replaceExecutable(path: string): void {
  unlinkSync(path);
  writeFileSync(path, '#!/bin/sh\n', { mode: 0o755 });
}

const sixMinutes = 6 * 60_000;

async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe.runIf(onLinux)('programs service on Linux, with real processes', () => {
  const lab = new StandInLab();
  let dataDir = '';

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'rr-programs-data-'));
  });
  afterEach(async () => {
    await lab.cleanup();
    await rm(dataDir, { recursive: true, force: true });
  });

  function service(settings: ProgramsSettings, extra: Partial<ProgramsServiceDeps> = {}) {
    return createProgramsService({ os: 'linux', dataDir, getSettings: () => settings, ownPid: process.pid, ...extra });
  }
  const rowFor = (rows: readonly ProgramRow[], name: string) => rows.find((r) => r.name === name);

  it('lists a running program once, with its pid, as closable with a reason', async () => {
    const name = lab.nameFor('rrcalm');
    const calm = await lab.start(name, 'calm');
    const rows = await service(settingsWith([name])).list();
    const matching = rows.filter((r) => r.name === name);
    expect(matching).toHaveLength(1);
    expect(matching[0]).toMatchObject({ category: 'other', pids: [calm.pid], closable: true });
    expect(matching[0]?.id).toMatch(/^p_[A-Za-z0-9_-]{8,64}$/);
    expect(matching[0]?.reason.length).toBeGreaterThan(10);
  });

  it('closes a program that exits when asked, reporting closed, with exit code 0', async () => {
    const name = lab.nameFor('rrcalm');
    const calm = await lab.start(name, 'calm');
    const programs = service(settingsWith([name]));
    const row = rowFor(await programs.list(), name);
    const [result] = await programs.close([row?.id ?? '']);
    expect(result).toMatchObject({ id: row?.id, name, outcome: 'closed' });
    expect(await calm.exited).toEqual({ code: 0, signal: null });
  });

  it('reports still-running for a program that ignores the request, and closes it when forced', async () => {
    const name = lab.nameFor('rrstubborn');
    const stubborn = await lab.start(name, 'stubborn');
    const programs = service(settingsWith([name]));
    const row = rowFor(await programs.list(), name);

    const started = performance.now();
    const [polite] = await programs.close([row?.id ?? ''], { timeoutSec: 1 });
    const waited = performance.now() - started;
    expect(polite?.outcome).toBe('still-running');
    expect(polite?.message).toMatch(/force/i);
    expect(isAlive(stubborn.pid)).toBe(true);
    // It gave the program the whole second it was allowed (a lower bound cannot fail on a slow machine).
    expect(waited).toBeGreaterThanOrEqual(900);

    // Forcing after a failed polite attempt does not wait another full timeout: 30 s is beyond this test's time limit.
    const [forced] = await programs.close([row?.id ?? ''], { force: true, timeoutSec: 30 });
    expect(forced?.outcome).toBe('closed');
    expect(forced?.message).toMatch(/unsaved/i);
    expect(await stubborn.exited).toEqual({ code: null, signal: 'SIGKILL' });
  });

  it('asks politely first even when force is requested up front', async () => {
    const name = lab.nameFor('rrcalm');
    const calm = await lab.start(name, 'calm');
    const programs = service(settingsWith([name]));
    const row = rowFor(await programs.list(), name);
    const [result] = await programs.close([row?.id ?? ''], { force: true, timeoutSec: 5 });
    expect(result?.outcome).toBe('closed');
    expect(result?.message).not.toMatch(/forced/i);
    expect(await calm.exited).toEqual({ code: 0, signal: null });
  });

  it('lists a program with helper processes once and closes it as a whole', async () => {
    const name = lab.nameFor('rrfamily');
    const family = await lab.start(name, 'family');
    expect(family.helperPids).toHaveLength(2);
    const programs = service(settingsWith([name]));
    const matching = (await programs.list()).filter((r) => r.name === name);
    expect(matching).toHaveLength(1);
    expect([...(matching[0]?.pids ?? [])].sort()).toEqual([family.pid, ...family.helperPids].sort());

    const [result] = await programs.close([matching[0]?.id ?? '']);
    expect(result?.outcome).toBe('closed');
    expect(await family.exited).toEqual({ code: 0, signal: null });
    for (const pid of family.helperPids) expect(isAlive(pid)).toBe(false);
  });

  it('resolves an id in a fresh service (as the CLI does in a new process) from a user-only file without arguments', async () => {
    const name = lab.nameFor('rrcalm');
    const calm = await lab.start(name, 'calm');
    const row = rowFor(await service(settingsWith([name])).list(), name);

    const file = join(dataDir, listingFileName);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const text = await readFile(file, 'utf8');
    expect(text).toContain(String(calm.pid));
    expect(text).not.toContain('calm.mjs');

    const [result] = await service(settingsWith([name])).close([row?.id ?? '']);
    expect(result?.outcome).toBe('closed');
  });

  it('keeps the same id for an unchanged program across listings', async () => {
    const name = lab.nameFor('rrcalm');
    await lab.start(name, 'calm');
    const programs = service(settingsWith([name]));
    const first = rowFor(await programs.list(), name);
    const second = rowFor(await programs.list(), name);
    expect(second?.id).toBe(first?.id);
  });

  it('refuses an old id after the program exited and started again, leaving the new one running', async () => {
    const name = lab.nameFor('rrcalm');
    const first = await lab.start(name, 'calm');
    const programs = service(settingsWith([name]));
    const row = rowFor(await programs.list(), name);
    first.child.kill('SIGKILL');
    await first.exited;
    const second = await lab.start(name, 'calm');

    const error = await expectAppError(programs.close([row?.id ?? '']), 'STALE');
    expect(error.message).toContain(name);
    expect(isAlive(second.pid)).toBe(true);
  });

  it('refuses an id whose pid now belongs to a different process (pid reuse)', async (context) => {
    const lastPidFile = '/proc/sys/kernel/ns_last_pid';
    let writable = true;
    try {
      writeFileSync(lastPidFile, readFileSync(lastPidFile, 'utf8'));
    } catch {
      writable = false;
    }
    if (!writable) {
      context.skip('needs write access to /proc/sys/kernel/ns_last_pid (root) to hand out a chosen pid');
      return;
    }
    const name = lab.nameFor('rrcalm');
    const programs = service(settingsWith([name]));
    let reused = null;
    let row: ProgramRow | undefined;
    for (let attempt = 0; attempt < 8 && !reused; attempt += 1) {
      const original = await lab.start(name, 'calm');
      row = rowFor(await programs.list(), name);
      original.child.kill('SIGKILL');
      await original.exited;
      const candidate = await lab.start(name, 'stubborn', () => writeFileSync(lastPidFile, String(original.pid - 1)));
      if (candidate.pid === original.pid) reused = candidate;
      else candidate.child.kill('SIGKILL');
    }
    if (!reused) {
      context.skip('another process took the pid every time; pid reuse could not be arranged');
      return;
    }
    await expectAppError(programs.close([row?.id ?? '']), 'STALE');
    expect(isAlive(reused.pid)).toBe(true);
  });

  it('reports gone for a program that already exited', async () => {
    const name = lab.nameFor('rrcalm');
    const calm = await lab.start(name, 'calm');
    const programs = service(settingsWith([name]));
    const row = rowFor(await programs.list(), name);
    calm.child.kill('SIGKILL');
    await calm.exited;
    const [result] = await programs.close([row?.id ?? '']);
    expect(result?.outcome).toBe('gone');
  });

  it('rejects a made-up id and a raw pid without touching any process', async () => {
    const name = lab.nameFor('rrcalm');
    const calm = await lab.start(name, 'calm');
    const programs = service(settingsWith([name]));
    await programs.list();
    await expectAppError(programs.close(['p_madeUpButWellFormed']), 'NOT_FOUND');
    await expectAppError(programs.close([String(calm.pid)]), 'BAD_REQUEST');
    await expectAppError(programs.close([]), 'BAD_REQUEST');
    expect(isAlive(calm.pid)).toBe(true);
  });

  it('never lists protected OS processes, ReadyRoom itself or its parents, even when asked to', async () => {
    const shell = await lab.start('gnome-shell', 'calm');
    const rows = await service(settingsWith(['gnome-shell', 'systemd', 'node', 'vitest'])).list();
    const listedPids = new Set(rows.flatMap((r) => r.pids));
    expect(listedPids.has(shell.pid)).toBe(false);
    expect(listedPids.has(process.pid)).toBe(false);
    expect(listedPids.has(process.ppid)).toBe(false);
    expect(listedPids.has(1)).toBe(false);
    expect(rows.map((r) => r.name)).not.toContain('gnome-shell');
  });

  it('recognises catalog programs by name, never offers the session platform, and keeps browsers for browser sessions', async () => {
    const zoom = await lab.start('zoom', 'calm');
    const firefox = await lab.start('firefox', 'calm');
    const anydesk = await lab.start('anydesk', 'calm');
    const programs = service(settingsWith([]));

    const inZoom = await programs.list({ platform: 'zoom' });
    expect(inZoom.some((r) => r.pids.includes(zoom.pid))).toBe(false);
    expect(rowFor(inZoom, 'Firefox')).toMatchObject({ category: 'browser', closable: true });
    expect(rowFor(inZoom, 'AnyDesk')).toMatchObject({ category: 'remote-access', closable: true });
    expect(rowFor(inZoom, 'AnyDesk')?.pids).toContain(anydesk.pid);

    const inTeams = await programs.list({ platform: 'teams' });
    expect(rowFor(inTeams, 'Zoom')).toMatchObject({ category: 'video', closable: true });

    // Zoom for Healthcare runs in the same Zoom client; SimplePractice runs in the browser.
    const inZoomHealthcare = await programs.list({ platform: 'zoom-healthcare' });
    expect(inZoomHealthcare.some((r) => r.pids.includes(zoom.pid))).toBe(false);
    const inSimplePractice = await programs.list({ platform: 'simplepractice' });
    expect(rowFor(inSimplePractice, 'Firefox')?.closable).toBe(false);

    const inMeet = await programs.list({ platform: 'google-meet' });
    const browser = rowFor(inMeet, 'Firefox');
    expect(browser?.pids).toContain(firefox.pid);
    expect(browser?.closable).toBe(false);
    expect(browser?.reason).toMatch(/tabs/);
    const [refused] = await programs.close([browser?.id ?? '']);
    expect(refused?.outcome).toBe('refused');
    expect(isAlive(firefox.pid)).toBe(true);
  });

  it('uses the default platform from settings when none is given', async () => {
    const zoom = await lab.start('zoom', 'calm');
    const rows = await service({ ...settingsWith([]), defaultPlatform: 'zoom' }).list();
    expect(rows.some((r) => r.pids.includes(zoom.pid))).toBe(false);
  });

  it('hides a program the user never wants suggested', async () => {
    const name = lab.nameFor('rrcalm');
    await lab.start(name, 'calm');
    await lab.start('anydesk', 'calm');
    const rows = await service(settingsWith([name], { neverSuggest: [name, 'AnyDesk'] })).list();
    expect(rowFor(rows, name)).toBeUndefined();
    expect(rowFor(rows, 'AnyDesk')).toBeUndefined();
  });

  it('still lists a recorder the user asked never to suggest: a recording is a matter of confidentiality', async () => {
    await lab.start('obs', 'calm');
    const rows = await service(settingsWith([], { neverSuggest: ['OBS Studio', 'obs'] })).list();
    expect(rowFor(rows, 'OBS Studio')?.category).toBe('recorder');
  });

  it('remembers closed programs by name, reopens them detached, and keeps those that could not be reopened', async () => {
    const calmName = lab.nameFor('rrcalm');
    const goneName = lab.nameFor('rrmoved');
    await lab.start(calmName, 'calm');
    await lab.start(goneName, 'calm');
    const programs = service(settingsWith([calmName, goneName]));
    const rows = await programs.list();
    const results = await programs.close([rowFor(rows, calmName)?.id ?? '', rowFor(rows, goneName)?.id ?? '']);
    expect(results.map((r) => r.outcome)).toEqual(['closed', 'closed']);
    expect(await programs.closed()).toEqual(
      expect.arrayContaining([
        { name: calmName, category: 'other' },
        { name: goneName, category: 'other' },
      ]),
    );

    // The second program's executable disappears, as after an uninstall.
    await unlink(join(await lab.folder(), goneName));
    const reopened = await programs.reopen();
    expect(reopened).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: calmName, outcome: 'reopened' }),
        expect.objectContaining({ name: goneName, outcome: 'failed' }),
      ]),
    );
    expect(await programs.closed()).toEqual([{ name: goneName, category: 'other' }]);
  });

  it('asks politely again before forcing when the earlier polite request is more than five minutes old', async () => {
    const name = lab.nameFor('rrstubborn');
    const stubborn = await lab.start(name, 'stubborn');
    const sent: Sent[] = [];
    let later = 0;
    const programs = service(settingsWith([name]), { processOs: recordingOs(sent), now: () => Date.now() + later });
    const id = rowFor(await programs.list(), name)?.id ?? '';
    const [polite] = await programs.close([id], { timeoutSec: 1 });
    expect(polite?.outcome).toBe('still-running');

    // `close ID --force` long after the first attempt, without listing again.
    later = sixMinutes;
    const [forced] = await programs.close([id], { force: true, timeoutSec: 1 });
    expect(forced?.outcome).toBe('closed');
    expect(sent).toEqual([
      [stubborn.pid, 'SIGTERM'],
      [stubborn.pid, 'SIGTERM'],
      [stubborn.pid, 'SIGKILL'],
    ]);
    expect(await stubborn.exited).toEqual({ code: null, signal: 'SIGKILL' });
  });

  it('does not carry an old polite request over to a later listing', async () => {
    const name = lab.nameFor('rrstubborn');
    const stubborn = await lab.start(name, 'stubborn');
    const sent: Sent[] = [];
    let later = 0;
    const programs = service(settingsWith([name]), { processOs: recordingOs(sent), now: () => Date.now() + later });
    const id = rowFor(await programs.list(), name)?.id ?? '';
    await programs.close([id], { timeoutSec: 1 });

    later = sixMinutes;
    expect(rowFor(await programs.list(), name)?.id).toBe(id);
    await programs.close([id], { force: true, timeoutSec: 1 });
    expect(sent.map(([, signal]) => signal)).toEqual(['SIGTERM', 'SIGTERM', 'SIGKILL']);
    expect(await stubborn.exited).toEqual({ code: null, signal: 'SIGKILL' });
  });

  it('forces at once when the same process was asked politely a moment ago', async () => {
    const name = lab.nameFor('rrstubborn');
    const stubborn = await lab.start(name, 'stubborn');
    const sent: Sent[] = [];
    const programs = service(settingsWith([name]), { processOs: recordingOs(sent) });
    const id = rowFor(await programs.list(), name)?.id ?? '';
    await programs.close([id], { timeoutSec: 1 });
    const [forced] = await programs.close([id], { force: true, timeoutSec: 30 });
    expect(forced?.outcome).toBe('closed');
    expect(sent).toEqual([
      [stubborn.pid, 'SIGTERM'],
      [stubborn.pid, 'SIGKILL'],
    ]);
  });

  it('asks politely again when the recorded polite request was made to other processes', async () => {
    const name = lab.nameFor('rrstubborn');
    const stubborn = await lab.start(name, 'stubborn');
    const sent: Sent[] = [];
    const programs = service(settingsWith([name]), { processOs: recordingOs(sent) });
    const id = rowFor(await programs.list(), name)?.id ?? '';
    await programs.close([id], { timeoutSec: 1 });

    // The request on record names processes other than the ones running now.
    const file = join(dataDir, listingFileName);
    const listing = JSON.parse(await readFile(file, 'utf8')) as { entries: { gracefulFor: unknown }[] };
    for (const entry of listing.entries) entry.gracefulFor = ['999999@1'];
    await writeFile(file, JSON.stringify(listing));

    await programs.close([id], { force: true, timeoutSec: 1 });
    expect(sent.map(([, signal]) => signal)).toEqual(['SIGTERM', 'SIGTERM', 'SIGKILL']);
    expect(await stubborn.exited).toEqual({ code: null, signal: 'SIGKILL' });
  });

  it('closes a program whose executable was replaced by an update after it was listed', async () => {
    const name = lab.nameFor('rrupdated');
    const calm = await lab.start(name, 'calm');
    const programs = service(settingsWith([name]));
    const id = rowFor(await programs.list(), name)?.id ?? '';
    replaceExecutable(await lab.binary(name));
    expect(readlinkSync(`/proc/${calm.pid}/exe`)).toMatch(/ \(deleted\)$/);

    const [result] = await programs.close([id]);
    expect(result?.outcome).toBe('closed');
    expect(await calm.exited).toEqual({ code: 0, signal: null });
  });

  it('keeps reporting a program as running when an update replaces its executable during the close, and can still force it', async () => {
    const name = lab.nameFor('rrupdating');
    const stubborn = await lab.start(name, 'stubborn');
    const binary = await lab.binary(name);
    const sent: Sent[] = [];
    const programs = service(settingsWith([name]), {
      processOs: recordingOs(sent, (signal) => {
        if (signal === 'SIGTERM') replaceExecutable(binary);
      }),
    });
    const id = rowFor(await programs.list(), name)?.id ?? '';

    const [polite] = await programs.close([id], { timeoutSec: 1 });
    expect(polite?.outcome).toBe('still-running');
    expect(isAlive(stubborn.pid)).toBe(true);

    const [forced] = await programs.close([id], { force: true });
    expect(forced?.outcome).toBe('closed');
    expect(await stubborn.exited).toEqual({ code: null, signal: 'SIGKILL' });
  });

  it('keeps a program that another process closed while reopening, on the reopen-later list', async () => {
    const firstName = lab.nameFor('rrfirst');
    const secondName = lab.nameFor('rrsecond');
    await lab.start(firstName, 'calm');
    const second = await lab.start(secondName, 'calm');
    const other = service(settingsWith([secondName]));
    const programs = service(settingsWith([firstName]), {
      processOs: recordingOs([], undefined, async () => {
        // While the first program starts again, the other process (e.g. the CLI) closes another one.
        const [closed] = await other.close([rowFor(await other.list(), secondName)?.id ?? '']);
        expect(closed?.outcome).toBe('closed');
        return { ok: true };
      }),
    });
    await programs.close([rowFor(await programs.list(), firstName)?.id ?? '']);

    expect(await programs.reopen()).toEqual([expect.objectContaining({ name: firstName, outcome: 'reopened' })]);
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(await programs.closed()).toEqual([{ name: secondName, category: 'other' }]);
  });

  it('reports unknown, not an empty list, when processes cannot be read', async () => {
    const programs = service(settingsWith([]), {
      processOs: {
        os: 'linux',
        pollMs: 10,
        listProcesses: async () => null,
        inspect: async () => null,
        bundleIdOf: async () => null,
        relaunchTargetFor: () => null,
        requestQuit: async () => ({ status: 'gone' }),
        forceQuit: async () => ({ status: 'gone' }),
        relaunch: async () => ({ ok: false, detail: 'no' }),
      },
    });
    await expectAppError(programs.list(), 'UNAVAILABLE');
  });
});
