import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, link, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { ProgramsSettings } from '../../../main/programs/programs-service';
import { defaultSettings } from '../../../shared/settings/settings';

/**
 * Real programs for the tests. Each stand-in is Node started from a hard link (or copy) of the
 * node binary under a distinctive file name, so the OS reports that name as the executable —
 * exactly how real programs are recognised. Tests list them through the "always suggest"
 * setting, which the catalog matching treats like any catalog entry.
 */
export type StandInScript = 'calm' | 'stubborn' | 'family';

export interface StandIn {
  readonly name: string;
  readonly pid: number;
  /** Helper processes (family only). */
  readonly helperPids: readonly number[];
  readonly child: ChildProcess;
  /** Resolves with how the process ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const scriptDir = fileURLToPath(new URL('../../fixtures/programs/bin/', import.meta.url));

export function settingsWith(
  alwaysSuggest: readonly string[],
  extra: Partial<ProgramsSettings['programs']> = {},
): ProgramsSettings {
  return {
    defaultPlatform: defaultSettings.defaultPlatform,
    programs: { alwaysSuggest: [...alwaysSuggest], neverSuggest: [], ...extra },
  };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export class StandInLab {
  private dir: string | null = null;
  private readonly binaries = new Map<string, string>();
  private readonly started: StandIn[] = [];
  /** Random per lab, so parallel test files never see each other's stand-ins. */
  readonly tag = Math.random().toString(36).slice(2, 7);

  async folder(): Promise<string> {
    this.dir ??= await mkdtemp(join(tmpdir(), 'rr-programs-'));
    return this.dir;
  }

  /** A unique program name for this lab, e.g. "rrcalm-k3j9x". */
  nameFor(base: string): string {
    return `${base}-${this.tag}`;
  }

  /** An executable named `name` that is Node underneath. */
  async binary(name: string): Promise<string> {
    const existing = this.binaries.get(name);
    if (existing) return existing;
    const path = join(await this.folder(), name);
    try {
      await link(process.execPath, path);
    } catch {
      await copyFile(process.execPath, path);
    }
    this.binaries.set(name, path);
    return path;
  }

  /** Starts a stand-in under `name` and waits until its signal handlers are in place. */
  async start(name: string, script: StandInScript, beforeSpawn?: () => void): Promise<StandIn> {
    const binary = await this.binary(name);
    // Runs synchronously just before the fork (the pid-reuse test steers the next pid here).
    beforeSpawn?.();
    const child = spawn(binary, [join(scriptDir, `${script}.mjs`)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      shell: false,
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const line = await new Promise<string>((resolve, reject) => {
      let buffer = '';
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        buffer += chunk;
        const end = buffer.indexOf('\n');
        if (end >= 0) resolve(buffer.slice(0, end));
      });
      child.once('error', reject);
      void exited.then(() => reject(new Error(`stand-in ${name} exited before it was ready`)));
    });
    const helperPids = line.split(' ').slice(1).map(Number);
    if (child.pid === undefined) throw new Error('stand-in has no pid');
    const standIn: StandIn = { name, pid: child.pid, helperPids, child, exited };
    this.started.push(standIn);
    return standIn;
  }

  /** Kills everything this lab started (helpers too) and removes the binaries. */
  async cleanup(): Promise<void> {
    for (const s of this.started) {
      for (const pid of [...s.helperPids, s.pid]) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    await Promise.all(this.started.map((s) => Promise.race([s.exited, new Promise((r) => setTimeout(r, 2000))])));
    this.started.length = 0;
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
    this.dir = null;
    this.binaries.clear();
  }
}
