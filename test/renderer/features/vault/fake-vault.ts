import { AppError } from '../../../../shared/errors';
import type { RestoreOutcome, VaultState, VaultStatus } from '../../../../shared/ipc/vault.contract';
import type { ReadinessLog } from '../../../../shared/logs/readiness-log';
import { noteSearchText, searchableText } from '../../../../shared/logs/log-note-search';
import { summarizeLog } from '../../../../shared/logs/log-summary';
import { createFakeBridge, installFakeBridge, type FakeBridge } from '../../../fakes/fake-bridge';
import { sampleLog } from '../../../fixtures/vault/sample-logs';

export const rightPassphrase = 'kettle violet harbour sixty';
export const recoveryKey = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789';
export const newRecoveryKey = 'WXYZ-0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV';

export interface FakeVaultState {
  state: VaultState;
  passphrase: string;
  keychain: { available: boolean; enabled: boolean; reason: string | null };
  unreadablePeriods: string[];
  missingPeriods: string[];
  /** Set: the logs are open read-only, for this reason. */
  readOnly: string | null;
  /** How many times the renderer said the recovery key is written down. */
  recoveryKeyConfirmations: number;
  dataKeyChanges: number;
  recoveryKeyUnconfirmed: boolean;
  logs: ReadinessLog[];
  /** What restore answers, in order. */
  restoreAnswers: (RestoreOutcome | AppError)[];
  backupAnswer: { saved: boolean; count: number; unreadablePeriods: string[] } | AppError;
}

export function storedLog(seed: number, overrides: Partial<ReadinessLog> = {}): ReadinessLog {
  const createdAt = new Date(Date.UTC(2026, 2, 1 + seed, 9, 30)).toISOString();
  return {
    ...sampleLog(seed),
    id: `202603-${String(seed).padStart(20, '0')}`,
    createdAt,
    appVersion: '0.1.0',
    addenda: [],
    ...overrides,
  };
}

/** A vault that behaves like main's, in memory, behind the typed fake bridge. */
export function installFakeVault(initial: Partial<FakeVaultState> = {}): { bridge: FakeBridge; vault: FakeVaultState } {
  const vault: FakeVaultState = {
    state: 'locked',
    passphrase: rightPassphrase,
    keychain: { available: true, enabled: false, reason: null },
    unreadablePeriods: [],
    missingPeriods: [],
    readOnly: null,
    recoveryKeyConfirmations: 0,
    dataKeyChanges: 0,
    recoveryKeyUnconfirmed: false,
    logs: [],
    restoreAnswers: [],
    backupAnswer: { saved: true, count: 0, unreadablePeriods: [] },
    ...initial,
  };
  const status = (): VaultStatus => ({
    state: vault.state,
    keychain: { ...vault.keychain },
    unreadablePeriods: [...vault.unreadablePeriods],
    idleLockMinutes: 15,
    ...(vault.readOnly ? { readOnly: vault.readOnly } : {}),
    ...(vault.recoveryKeyUnconfirmed ? { recoveryKeyUnconfirmed: true } : {}),
  });
  const requireUnlocked = () => {
    if (vault.state !== 'unlocked')
      throw new AppError('LOCKED', 'Your logs are locked. Unlock them with your passphrase first.');
  };
  const find = (id: string) => {
    const log = vault.logs.find((l) => l.id === id);
    if (!log) throw new AppError('NOT_FOUND', 'That log could not be found. It may have been deleted.');
    return log;
  };
  const key = (c: string) => c.trim().toUpperCase();
  const bridge = createFakeBridge({
    'vault:status': status,
    'vault:setup': ({ passphrase }) => {
      if (vault.state !== 'absent') throw new AppError('VAULT_EXISTS', 'A log vault already exists here.');
      vault.passphrase = passphrase;
      vault.state = 'unlocked';
      return { recoveryKey, status: status() };
    },
    'vault:unlock': (request) => {
      const ok =
        request.method === 'passphrase'
          ? request.passphrase === vault.passphrase
          : request.method === 'recovery-key'
            ? request.recoveryKey.replace(/[\s-]/g, '').toUpperCase() === recoveryKey.replace(/-/g, '')
            : vault.keychain.enabled;
      if (!ok) {
        if (request.method === 'passphrase')
          throw new AppError('WRONG_PASSPHRASE', 'That passphrase is not right. Nothing was changed.');
        if (request.method === 'recovery-key')
          throw new AppError('WRONG_RECOVERY_KEY', 'That recovery key does not match.');
        throw new AppError('UNAVAILABLE', 'Unlocking with the keychain is turned off.');
      }
      vault.state = 'unlocked';
      return status();
    },
    'vault:lock': () => {
      vault.state = vault.state === 'absent' ? 'absent' : 'locked';
      return status();
    },
    'vault:change-passphrase': ({ current, next }) => {
      requireUnlocked();
      if (current !== vault.passphrase)
        throw new AppError('WRONG_PASSPHRASE', 'That passphrase is not right. Nothing was changed.');
      vault.passphrase = next;
      return status();
    },
    'vault:confirm-recovery-key': () => {
      vault.recoveryKeyConfirmations += 1;
      return status();
    },
    'vault:new-data-key': ({ passphrase }) => {
      requireUnlocked();
      if (passphrase !== vault.passphrase)
        throw new AppError('WRONG_PASSPHRASE', 'That passphrase is not right. Nothing was changed.');
      vault.dataKeyChanges += 1;
      return { recoveryKey: newRecoveryKey, status: status() };
    },
    'vault:new-recovery-key': ({ passphrase }) => {
      requireUnlocked();
      if (passphrase !== vault.passphrase)
        throw new AppError('WRONG_PASSPHRASE', 'That passphrase is not right. Nothing was changed.');
      return { recoveryKey: newRecoveryKey, status: status() };
    },
    'vault:set-keychain': (request) => {
      requireUnlocked();
      if (request.enabled && request.passphrase !== vault.passphrase)
        throw new AppError('WRONG_PASSPHRASE', 'That passphrase is not right. Nothing was changed.');
      if (request.enabled && !vault.keychain.available)
        throw new AppError('UNAVAILABLE', vault.keychain.reason ?? 'No keychain.');
      vault.keychain.enabled = request.enabled;
      return status();
    },
    'logs:list': ({ client, since, until, limit }) => {
      requireUnlocked();
      const logs = vault.logs
        .filter((l) => (client ? key(l.clientCode) === key(client) : true))
        .filter((l) => (since ? l.createdAt >= new Date(since).toISOString() : true))
        .filter((l) => (until ? l.createdAt <= new Date(until).toISOString() : true))
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
        .slice(0, limit ?? Number.POSITIVE_INFINITY)
        .map(summarizeLog);
      return { logs, unreadablePeriods: [...vault.unreadablePeriods], missingPeriods: [...vault.missingPeriods] };
    },
    'logs:search-notes': ({ text }) => {
      requireUnlocked();
      const wanted = searchableText(text);
      const ids = vault.logs.filter((l) => wanted && noteSearchText(l).includes(wanted)).map((l) => l.id);
      return { ids, unreadablePeriods: [...vault.unreadablePeriods] };
    },
    'logs:get': ({ id }) => {
      requireUnlocked();
      return find(id);
    },
    'logs:delete': ({ id }) => {
      requireUnlocked();
      const before = vault.logs.length;
      vault.logs = vault.logs.filter((l) => l.id !== id);
      return { deleted: vault.logs.length < before };
    },
    'logs:add-addendum': ({ id, addendum }) => {
      requireUnlocked();
      const log = find(id);
      const updated = {
        ...log,
        addenda: [...log.addenda, { ...addendum, at: '2026-03-20T12:00:00.000Z' }],
      } as ReadinessLog;
      vault.logs = vault.logs.map((l) => (l.id === id ? updated : l));
      return updated;
    },
    'logs:erase-client': ({ client, expectedCount }) => {
      requireUnlocked();
      const matching = vault.logs.filter((l) => key(l.clientCode) === key(client));
      if (matching.length !== expectedCount) {
        throw new AppError(
          'STALE',
          `You confirmed ${expectedCount} logs, but there are now ${matching.length} for this client code. Nothing was erased.`,
        );
      }
      vault.logs = vault.logs.filter((l) => key(l.clientCode) !== key(client));
      return { erased: matching.length, incompletePeriods: [...vault.unreadablePeriods] };
    },
    'logs:backup': () => {
      requireUnlocked();
      if (vault.backupAnswer instanceof AppError) throw vault.backupAnswer;
      return vault.backupAnswer;
    },
    'logs:restore': () => {
      requireUnlocked();
      const next = vault.restoreAnswers.shift() ?? { status: 'cancelled' as const };
      if (next instanceof AppError) throw next;
      return next;
    },
  });
  installFakeBridge(bridge);
  return { bridge, vault };
}
