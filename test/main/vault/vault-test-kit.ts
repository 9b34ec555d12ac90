import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import type { Settings } from '../../../shared/settings/settings';
import type { EventSink } from '../../../main/ipc/handler-types';
import { confStoreFactory } from '../../../main/store/store-factory';
import type { KeychainPort } from '../../../main/vault/key-slots';
import { createVaultService, type IdleTimers, type VaultServiceDeps } from '../../../main/vault/vault-service';

/** Cheap scrypt for tests that are not about the KDF (the default costs ~0.5 s per derivation). */
export const testKdf = { N: 2 ** 10, r: 8, p: 1 } as const;
export const passphrase = 'correct horse battery staple';

export function tempDataDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'readyroom-vault-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestClock {
  now(): Date;
  set(date: Date | string): void;
  advance(ms: number): void;
}

export function fakeClock(start: Date | string = '2026-03-15T10:00:00.000Z'): TestClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (date) => void (current = new Date(date).getTime()),
    advance: (ms) => void (current += ms),
  };
}

export interface RecordingEvents extends EventSink {
  readonly emitted: { event: EventName; payload: unknown }[];
}

export function recordingEvents(): RecordingEvents {
  const emitted: { event: EventName; payload: unknown }[] = [];
  return {
    emitted,
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      emitted.push({ event, payload });
    },
  };
}

/** Timers that fire only when the test says so. */
export interface ManualTimers extends IdleTimers {
  readonly pending: { callback: () => void; ms: number; id: number }[];
  fireAll(): void;
}

export function manualTimers(): ManualTimers {
  let next = 1;
  const pending: { callback: () => void; ms: number; id: number }[] = [];
  return {
    pending,
    set(callback, ms) {
      const id = next++;
      pending.push({ callback, ms, id });
      return id;
    },
    clear(handle) {
      const i = pending.findIndex((t) => t.id === handle);
      if (i >= 0) pending.splice(i, 1);
    },
    fireAll() {
      for (const timer of pending.splice(0)) timer.callback();
    },
  };
}

/** Stands in for Electron safeStorage: a reversible transform, with switches for the failure cases. */
export function fakeKeychain(initial: { available?: boolean; backend?: string | null } = {}) {
  const state = { available: initial.available ?? true, backend: initial.backend ?? 'gnome-libsecret', broken: false };
  const mask = Buffer.from('0123456789abcdef0123456789abcdef');
  const port: KeychainPort = {
    status: () => ({
      available: state.available,
      backend: state.backend,
      reason: state.available ? null : 'The keychain is locked.',
    }),
    encrypt(plain) {
      if (!state.available) throw new Error('Encryption is not available.');
      return Buffer.concat([Buffer.from('v10'), Buffer.from(plain.map((b, i) => b ^ (mask[i % mask.length] ?? 0)))]);
    },
    decrypt(cipher) {
      if (!state.available || state.broken)
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(cipher.subarray(3).map((b, i) => b ^ (mask[i % mask.length] ?? 0)));
    },
  };
  return { port, state };
}

export function settings(overrides: Partial<Pick<Settings, 'idleLockMinutes' | 'retentionYears'>> = {}) {
  const value = { idleLockMinutes: 15, retentionYears: 7 as Settings['retentionYears'], ...overrides };
  return { get: () => value, value };
}

export function makeVault(dataDir: string, extra: Partial<VaultServiceDeps> = {}) {
  return createVaultService({
    dataDir,
    appVersion: '0.1.0-test',
    storeFactory: confStoreFactory,
    kdf: testKdf,
    ...extra,
  });
}

/** Every file under a folder with its bytes, to prove "nothing on disk changed". */
export function snapshotFiles(dir: string): Map<string, { bytes: string; mtimeMs: number; mode: number }> {
  const out = new Map<string, { bytes: string; mtimeMs: number; mode: number }>();
  for (const file of listFiles(dir)) {
    const stat = statSync(file);
    out.set(relative(dir, file), {
      bytes: readFileSync(file).toString('base64'),
      mtimeMs: stat.mtimeMs,
      mode: stat.mode & 0o777,
    });
  }
  return out;
}

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out.sort();
}

/** Whether tests may mount a tmpfs here (Linux as root): for a real read-only folder and a real full disk. */
export function canMountTmpfs(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'rr-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
