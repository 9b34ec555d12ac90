import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createScheduleService, type ScheduleService } from '../../../main/schedule/schedule-service';
import { confStoreFactory } from '../../../main/store/store-factory';
import type { VaultService } from '../../../main/vault/vault-service';
import { AppError } from '../../../shared/errors';
import type { ScheduleInput } from '../../../shared/schedule/schedule';
import { makeVault, passphrase, tempDataDir } from '../vault/vault-test-kit';
import { sampleScheduleInput } from '../../fixtures/schedule/sample-sessions';

let dir: string;
let cleanup: () => void;
let vault: VaultService;

beforeEach(async () => {
  ({ dir, cleanup } = tempDataDir());
  vault = makeVault(dir);
  await vault.setup(passphrase);
});
afterEach(() => {
  vault.close();
  cleanup();
});

const input = (extra: Partial<ScheduleInput> = {}): ScheduleInput =>
  sampleScheduleInput({ start: '2026-03-20T09:00', ...extra });

function service(): ScheduleService {
  return createScheduleService({ dataDir: dir, storeFactory: confStoreFactory, vault });
}

/** Every file under the data folder, as text, to look for a client code in the clear. */
function allFilesText(root: string): string {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), 'latin1'))
    .join('\n');
}

async function codeOf(work: () => unknown): Promise<string | undefined> {
  try {
    await work();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return undefined;
}

describe('schedule storage split', () => {
  it('keeps the times outside the vault and the client code only inside it, encrypted', () => {
    const added = service().add(input());
    const plain = JSON.parse(readFileSync(join(dir, 'schedule.json'), 'utf8')) as { value: unknown[] };
    expect(plain.value).toEqual([
      {
        id: added.id,
        start: '2026-03-20T09:00',
        zone: 'Europe/London',
        durationMinutes: 50,
        platform: 'zoom',
        repeat: 'weekly',
        until: null,
      },
    ]);
    expect(allFilesText(dir)).not.toContain('AB-017');
    expect(service().list()).toEqual({ sessions: [{ ...added, clientCode: 'AB-017' }], locked: false });
  });

  it('lists the schedule without codes while the vault is locked, and refuses to add then', async () => {
    const s = service();
    const added = s.add(input());
    vault.lock();
    expect(s.list()).toEqual({ sessions: [{ ...added, clientCode: null }], locked: true });
    expect(s.upcoming(1, Date.parse('2026-03-21T00:00:00Z')).sessions[0]).toMatchObject({
      entryId: added.id,
      startUtc: '2026-03-27T09:00:00.000Z',
      clientCode: null,
    });
    expect(s.clientCode(added.id)).toBeNull();
    expect(await codeOf(() => s.add(input({ clientCode: 'XY-1' })))).toBe('LOCKED');
    await vault.unlock({ method: 'passphrase', passphrase });
    expect(s.clientCode(added.id)).toBe('AB-017');
  });

  it('edits and deletes; a deleted session leaves neither its times nor its code', () => {
    const s = service();
    const a = s.add(input());
    const b = s.add(input({ clientCode: 'CD-2', start: '2026-03-21T10:30' }));
    expect(s.update(a.id, input({ clientCode: 'AB-018', repeat: 'fortnightly' }))).toMatchObject({
      id: a.id,
      repeat: 'fortnightly',
      clientCode: 'AB-018',
    });
    expect(s.delete(b.id)).toEqual({ deleted: true });
    expect(s.delete(b.id)).toEqual({ deleted: false });
    expect(s.list().sessions.map((x) => [x.id, x.clientCode])).toEqual([[a.id, 'AB-018']]);
    expect(vault.readDocument('schedule-clients')).toEqual({ codes: { [a.id]: 'AB-018' } });
  });

  it('refuses an end date before the first session, or on a session that does not repeat', async () => {
    const s = service();
    expect(await codeOf(() => s.add(input({ until: '2026-03-01' })))).toBe('BAD_REQUEST');
    expect(await codeOf(() => s.add(input({ repeat: 'none', until: '2026-04-01' })))).toBe('BAD_REQUEST');
    expect(await codeOf(() => s.update('0123456789abcdef', input()))).toBe('NOT_FOUND');
    expect(s.list().sessions).toEqual([]);
  });

  it('tells listeners when the schedule changes (the reminder engine re-plans)', () => {
    const s = service();
    let calls = 0;
    s.onChange(() => (calls += 1));
    const a = s.add(input());
    s.delete(a.id);
    expect(calls).toBe(2);
  });

  it('keeps the client codes readable after the data key is replaced', async () => {
    const s = service();
    const a = s.add(input());
    await vault.newDataKey(passphrase);
    expect(s.clientCode(a.id)).toBe('AB-017');
    vault.lock();
    await vault.unlock({ method: 'passphrase', passphrase });
    expect(s.clientCode(a.id)).toBe('AB-017');
  });

  it('a damaged codes file is set aside, never deleted, and the schedule keeps its times', () => {
    const s = service();
    const a = s.add(input());
    const file = join(dir, 'vault', 'documents', 'schedule-clients.json');
    const text = readFileSync(file, 'utf8');
    const damaged = `${text.slice(0, -10)}AAAAAAAAA\n`;
    writeFileSync(file, damaged);
    vault.lock();
    return vault.unlock({ method: 'passphrase', passphrase }).then(() => {
      expect(s.list().sessions).toEqual([{ ...a, clientCode: null }]);
      const aside = readdirSync(join(dir, 'vault', 'quarantine')).filter((n) => n.startsWith('schedule-clients'));
      expect(aside).toHaveLength(1);
      expect(readFileSync(join(dir, 'vault', 'quarantine', aside[0] ?? ''), 'utf8')).toBe(damaged);
    });
  });

  it('a codes record this version cannot read is never written over: adding refuses and keeps it', async () => {
    const s = service();
    s.add(input());
    // As a newer version might write it: one field this version does not know.
    vault.writeDocument('schedule-clients', { codes: { a1: 'AB-017' }, colours: {} });
    expect(await codeOf(() => s.add(input({ clientCode: 'CD-204' })))).toBe('CORRUPT');
    expect(vault.readDocument('schedule-clients')).toEqual({ codes: { a1: 'AB-017' }, colours: {} });
    expect(s.list().sessions).toHaveLength(1);
  });

  it('knows every code its record holds, for an export that blanks codes, and says when it cannot read them', async () => {
    const s = service();
    s.add(input({ clientCode: 'CD-204' }));
    // A code without a session (left by an older version, say) is still a code someone may have written.
    vault.writeDocument('schedule-clients', {
      codes: { ...(vault.readDocument('schedule-clients') as { codes: object }).codes, gone: 'EF-3' },
    });
    expect([...s.knownClientCodes()].sort()).toEqual(['CD-204', 'EF-3']);
    vault.writeDocument('schedule-clients', { codes: {}, colours: {} });
    expect(await codeOf(() => s.knownClientCodes())).toBe('CORRUPT');
    vault.lock();
    expect(await codeOf(() => s.knownClientCodes())).toBe('LOCKED');
  });

  it('an unreadable schedule.json is moved aside, and adding a session afterwards keeps every other client code', () => {
    const first = service();
    const a = first.add(input());
    writeFileSync(join(dir, 'schedule.json'), JSON.stringify({ value: { not: 'a list' } }));
    const s = service();
    expect(s.list().sessions).toEqual([]);
    expect(readdirSync(dir).filter((n) => n.startsWith('schedule.json.corrupt-'))).toHaveLength(1);
    s.add(input({ clientCode: 'CD-204' }));
    const codes = (vault.readDocument('schedule-clients') as { codes: Record<string, string> }).codes;
    expect(codes[a.id]).toBe('AB-017');
    expect(existsSync(join(dir, 'schedule.json'))).toBe(true);
  });

  it('refuses a client code a readiness log would refuse, and stores codes as logs do (NFC, trimmed)', async () => {
    const s = service();
    expect(await codeOf(() => s.add(input({ clientCode: 'AB<017>' })))).toBe('BAD_REQUEST');
    expect(s.add(input({ clientCode: ' Zoe\u0308-1 ' })).clientCode).toBe('Zo\u00eb-1');
  });
});
