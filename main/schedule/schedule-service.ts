import { randomBytes } from 'node:crypto';

import { z } from 'zod';

import { AppError } from '../../shared/errors';
import { checkClientCode, clientCodeKey, storedClientCodeSchema } from '../../shared/logs/client-code';
import {
  scheduleEntrySchema,
  scheduleInputProblem,
  upcomingOccurrences,
  type Occurrence,
  type ScheduleEntry,
  type ScheduleInput,
} from '../../shared/schedule/schedule';
import type { ScheduledSession, UpcomingSession } from '../../shared/ipc/schedule.contract';
import { createLogger } from '../logging/logger';
import type { StoreFactory } from '../store/store-factory';
import type { VaultService } from '../vault/vault-service';
import { createPlainRecord } from './plain-record';

const log = createLogger('schedule');

/**
 * The schedule, split on purpose: times, length, platform and repeat live in a plain store
 * (`schedule.json`) under an opaque random id, so reminders can fire while the vault is locked;
 * each session's client code lives only in the vault (record "schedule-clients"), keyed by that
 * id. With the vault locked the schedule is still listed, without codes; adding or editing needs
 * it unlocked. Nothing here is ever sent anywhere.
 */
export interface ScheduleService {
  list(): { readonly sessions: readonly ScheduledSession[]; readonly locked: boolean };
  add(input: ScheduleInput): ScheduledSession;
  update(id: string, input: ScheduleInput): ScheduledSession;
  delete(id: string): { readonly deleted: boolean };
  /** An erasure request: every session of this client code goes (times and code). Needs the vault unlocked. */
  removeClient(clientCode: string): number;
  /** The next `count` sessions from `fromMs`, with client codes when the vault is open. */
  upcoming(count: number, fromMs: number): { readonly sessions: readonly UpcomingSession[]; readonly locked: boolean };
  /** The stored times only (for the reminder engine). */
  entries(): readonly ScheduleEntry[];
  /** A session's client code; null when the vault is locked or the code is not there. */
  clientCode(id: string): string | null;
  /** Every code the vault's record holds, a session's or not (for an export that blanks codes); throws when unreadable or locked. */
  knownClientCodes(): readonly string[];
  onChange(listener: () => void): () => void;
}

const entriesSchema = z.array(z.unknown()).max(500);
const codesSchema = z.strictObject({ codes: z.record(z.string(), storedClientCodeSchema) });
type Codes = Record<string, string>;

export interface ScheduleServiceDeps {
  readonly dataDir: string;
  readonly storeFactory: StoreFactory;
  readonly vault: Pick<VaultService, 'status' | 'readDocument' | 'writeDocument'>;
  readonly newId?: () => string;
}

export function createScheduleService(deps: ScheduleServiceDeps): ScheduleService {
  const record = createPlainRecord(deps.dataDir, deps.storeFactory, 'schedule', entriesSchema, []);
  const newId = deps.newId ?? (() => randomBytes(8).toString('hex'));
  const listeners = new Set<() => void>();

  /** Each valid entry; one damaged by hand costs only itself. */
  function entries(): ScheduleEntry[] {
    return record.get().flatMap((raw) => {
      const parsed = scheduleEntrySchema.safeParse(raw);
      return parsed.success ? [parsed.data] : [];
    });
  }

  const unlocked = () => deps.vault.status().state === 'unlocked';

  /**
   * The codes in the vault (LOCKED when it is locked). A record this version cannot read (a newer
   * version's) is refused, so no write here ever replaces the codes it holds.
   */
  function readCodes(): Codes {
    const stored = deps.vault.readDocument('schedule-clients');
    if (stored === null) return {};
    const parsed = codesSchema.safeParse(stored);
    if (!parsed.success)
      throw new AppError(
        'CORRUPT',
        'The client codes of your schedule are in a form this version of ReadyRoom cannot read, so nothing was changed. They are kept as they are.',
      );
    return { ...parsed.data.codes };
  }

  /** For showing: null while locked, none when the codes cannot be read (the sessions still show). */
  function codesOrNull(): Codes | null {
    if (!unlocked()) return null;
    try {
      return readCodes();
    } catch {
      return {};
    }
  }

  function changed(): void {
    for (const listener of listeners) listener();
  }

  /** The times and the code as a log would take them: a code a log would refuse is refused here too. */
  function checked(input: ScheduleInput): { times: Omit<ScheduleEntry, 'id'>; clientCode: string } {
    const { clientCode: raw, ...times } = input;
    const code = checkClientCode(raw);
    if (!code.valid) throw new AppError('BAD_REQUEST', code.error ?? 'Enter a client code.');
    const problem = scheduleInputProblem(times);
    if (problem) throw new AppError('BAD_REQUEST', problem);
    return { times, clientCode: code.code };
  }

  function save(id: string, input: ScheduleInput, isNew: boolean): ScheduledSession {
    const { times, clientCode } = checked(input);
    const list = entries();
    const at = list.findIndex((e) => e.id === id);
    if (!isNew && at < 0) throw new AppError('NOT_FOUND', 'That session is no longer in the schedule.');
    if (isNew && list.length >= 500) throw new AppError('BAD_REQUEST', 'The schedule holds at most 500 sessions.');
    // The code first: a code without times is never shown. Codes go only with their session (delete,
    // erasure), never because the times file could not be read.
    const codes = readCodes();
    deps.vault.writeDocument('schedule-clients', { codes: { ...codes, [id]: clientCode } });
    const entry: ScheduleEntry = { id, ...times };
    const next = isNew ? [...list, entry] : list.map((e) => (e.id === id ? entry : e));
    record.set(next);
    log.info(isNew ? 'session added to the schedule' : 'scheduled session changed');
    changed();
    return { ...entry, clientCode };
  }

  return {
    list() {
      const codes = codesOrNull();
      return {
        sessions: entries().map((e) => ({ ...e, clientCode: codes?.[e.id] ?? null })),
        locked: codes === null,
      };
    },
    add: (input) => save(newId(), input, true),
    update: (id, input) => save(id, input, false),
    delete(id) {
      const list = entries();
      if (!list.some((e) => e.id === id)) return { deleted: false };
      // Times first, so a locked vault or a failed write never leaves a reminder for a deleted session.
      record.set(list.filter((e) => e.id !== id));
      if (unlocked()) {
        const codes = readCodes();
        if (id in codes) {
          delete codes[id];
          deps.vault.writeDocument('schedule-clients', { codes });
        }
      }
      log.info('session removed from the schedule');
      changed();
      return { deleted: true };
    },
    removeClient(clientCode) {
      const key = clientCodeKey(clientCode);
      const codes = readCodes();
      const gone = new Set(Object.keys(codes).filter((id) => clientCodeKey(codes[id] ?? '') === key));
      if (gone.size === 0) return 0;
      record.set(entries().filter((e) => !gone.has(e.id)));
      for (const id of gone) delete codes[id];
      deps.vault.writeDocument('schedule-clients', { codes });
      log.info('sessions removed from the schedule with an erasure', { sessions: gone.size });
      changed();
      return gone.size;
    },
    upcoming(count, fromMs) {
      const codes = codesOrNull();
      const sessions = upcomingOccurrences(entries(), fromMs, count).map((o: Occurrence) => ({
        ...o,
        clientCode: codes?.[o.entryId] ?? null,
      }));
      return { sessions, locked: codes === null };
    },
    entries,
    clientCode: (id) => codesOrNull()?.[id] ?? null,
    knownClientCodes: () => Object.values(readCodes()),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
