import type { CheckResult, CheckStatus } from '../../../../shared/checks/check-result';
import type { LogSaveRequest } from '../../../../shared/ipc/vault.contract';
import { assembleReadinessLog, type RecordedCheck } from '../../../../shared/logs/log-assembly';
import type { NewReadinessLog } from '../../../../shared/logs/readiness-log';
import type { ProgramRow } from '../../../../shared/programs/program-types';
import { defaultSettings } from '../../../../shared/settings/settings';
import { createFakeBridge, installFakeBridge, type FakeBridge, type FakeHandlers } from '../../../fakes/fake-bridge';
import { testAutomaticCatalog } from './test-catalog';

export function checkResult(id: string, status: CheckStatus, summary = `${id}: ${status}`): CheckResult {
  return { id, status, summary, evidence: {}, fix: null, durationMs: 10 };
}

export const programRows: ProgramRow[] = [
  {
    id: 'p_dropbox001',
    name: 'Dropbox',
    category: 'sync',
    pids: [10],
    closable: true,
    reason: 'Syncs files in the background.',
  },
  {
    id: 'p_steam00001',
    name: 'Steam',
    category: 'media',
    pids: [11],
    closable: true,
    reason: 'Downloads game updates.',
  },
];

/**
 * The log main would build from a save request, with the automatic results the fake scan gave:
 * the same shared assembly and outcome rules as the real `logs:save`.
 */
export function assembleFromRequest(
  request: LogSaveRequest,
  statuses: Partial<Record<string, CheckStatus>>,
  remembered: Parameters<typeof assembleReadinessLog>[0]['remembered'] = [],
): NewReadinessLog {
  const automatic: Record<string, RecordedCheck> = {};
  for (const [id, status] of Object.entries(statuses)) {
    if (status) automatic[id] = { result: checkResult(id, status), checkedAt: '2026-03-02T09:50:00.000Z' };
  }
  return assembleReadinessLog({
    session: request.session,
    automatic,
    missingSummary: 'Not checked.',
    media: request.media,
    untestedMediaSummary: 'Not tested.',
    confirmations: Object.fromEntries(request.confirmations.map((c) => [c.id, c.confirmed])),
    judgements: request.judgements,
    remembered,
    programsClosed: request.programsClosed,
    note: request.note,
  }).log;
}

/**
 * A fake main process for the wizard: the scan answers with the given statuses as events,
 * programs close, and the vault is unlocked and saves (building the log as main does).
 */
export function installWizardBridge(
  statuses: Partial<Record<string, CheckStatus>> = {},
  extra: FakeHandlers = {},
): FakeBridge {
  let scans = 0;
  const bridge: FakeBridge = createFakeBridge({
    'app:info': () => ({ name: 'ReadyRoom', version: '0.1.0', os: 'win32', testHost: true }),
    'settings:get': () => ({ ...defaultSettings, defaultPlatform: 'teams' }),
    'scan:start': (req) => {
      const scanId = `scan-${++scans}`;
      const ids = (req.only ?? testAutomaticCatalog.map((e) => e.id)) as never[];
      queueMicrotask(() => {
        for (const id of ids) {
          const status = statuses[id];
          if (status) bridge.emit('scan:result', { scanId, result: checkResult(id, status) });
        }
        bridge.emit('scan:finished', { scanId, durationMs: 100 });
      });
      return { scanId, checkIds: ids };
    },
    'programs:list': () => ({ programs: programRows }),
    'programs:close': (req) => ({
      results: req.ids.map((id) => ({ id, name: id, outcome: 'closed' as const, message: 'Closed when asked.' })),
    }),
    'programs:closed': () => ({ programs: [{ name: 'Dropbox', category: 'sync' }] }),
    'programs:reopen': () => ({ results: [{ name: 'Dropbox', outcome: 'reopened', message: '' }] }),
    'app:open-fix-link': () => ({ opened: true }),
    'vault:status': () => ({
      state: 'unlocked',
      keychain: { available: false, enabled: false, reason: null },
      unreadablePeriods: [],
      idleLockMinutes: 15,
    }),
    'logs:save': (req) => ({
      id: 'log-00000001',
      outcome: assembleFromRequest(req, statuses).outcome,
      unused: [],
    }),
    'logs:add-addendum': () => ({}) as never,
    ...extra,
  });
  installFakeBridge(bridge);
  return bridge;
}
