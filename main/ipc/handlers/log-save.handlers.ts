import { AppError } from '../../../shared/errors';
import type { LogSaved } from '../../../shared/ipc/vault.contract';
import { assembleReadinessLog, type RecordedCheck } from '../../../shared/logs/log-assembly';
import type { Settings } from '../../../shared/settings/settings';
import type { ScanRecords } from '../../probes/scan-records';
import type { VaultService } from '../../vault/vault-service';
import type { HandlersFor } from '../handler-types';

export interface LogSaveHandlerDeps {
  readonly vault: Pick<VaultService, 'save'>;
  /** Main's own record of each scan: the only source of automatic results in a saved log. */
  readonly records: ScanRecords;
  readonly getSettings: () => Pick<Settings, 'notApplicable'>;
}

const messages = {
  expired:
    'The computer checks for this session were run too long ago to go in a log. Run the checks again, then save: what you entered is kept.',
  unknownScan:
    'ReadyRoom no longer has the results of these checks (it may have restarted). Run the checks again, then save: what you entered is kept.',
  noScan: 'No computer checks were run before this log was saved.',
  noAnswer: 'This check did not report back before the log was saved.',
  untested: 'Not tested before the session.',
} as const;

/**
 * `logs:save`: the log is built here from main's record of the scan and the therapist's own input,
 * so a window cannot put results in a log that main did not measure.
 */
export function createLogSaveHandlers(deps: LogSaveHandlerDeps): HandlersFor<'logs:save'> {
  return {
    'logs:save': (request): LogSaved => {
      let automatic: Record<string, RecordedCheck> = {};
      let running: ReadonlySet<string> = new Set();
      if (request.scanId !== null) {
        const found = deps.records.lookup(request.scanId);
        if (found.state === 'expired') throw new AppError('STALE', messages.expired);
        if (found.state === 'unknown') throw new AppError('STALE', messages.unknownScan);
        automatic = Object.fromEntries(found.record.results);
        running = found.record.pending;
      }
      const assembled = assembleReadinessLog({
        session: request.session,
        automatic,
        running,
        missingSummary: request.scanId === null ? messages.noScan : messages.noAnswer,
        media: request.media,
        untestedMediaSummary: messages.untested,
        confirmations: Object.fromEntries(request.confirmations.map((c) => [c.id, c.confirmed])),
        judgements: request.judgements,
        remembered: deps.getSettings().notApplicable,
        programsClosed: request.programsClosed,
        note: request.note,
      });
      const problem = assembled.problems[0];
      if (problem) throw new AppError('BAD_REQUEST', `${problem.message} Nothing was saved.`);
      const saved = deps.vault.save(assembled.log);
      return { id: saved.id, outcome: saved.outcome, unused: assembled.unused };
    },
  };
}
