import { randomUUID } from 'node:crypto';

import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import { createLogger, describeError } from '../../logging/logger';
import type { ScanRecords } from '../../probes/scan-records';
import type { ScanService } from '../../probes/scan-service';
import type { EventSink, HandlersFor } from '../handler-types';

const log = createLogger('ipc:scan');

/** The window's target, like the addresses in Settings, is contacted only once the therapist allowed it. */
const fromWindow = { targetNeedsApproval: true } as const;

/**
 * `scan:start` answers at once with the scan id, the checks to expect and the addresses waiting
 * for the therapist's approval, then streams each `scan:result` as its probe finishes and a final
 * `scan:finished`; main keeps its own record of each result for `logs:save`. `scan:run` resolves
 * with the whole report.
 */
export function createScanHandlers(
  scan: ScanService,
  events: EventSink,
  records: ScanRecords,
): HandlersFor<'scan:start' | 'scan:run'> {
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    try {
      events.emit(event, payload);
    } catch (error) {
      // A closed window must not stop the scan.
      log.warn('could not deliver scan event', { event, error: describeError(error) });
    }
  };
  return {
    'scan:start': (raw) => {
      const scanId = randomUUID();
      const { recheckOf, ...rest } = raw;
      // "Check again" times what the first scan timed, so its record stays about one target.
      const parent = recheckOf !== undefined ? records.lookup(recheckOf) : undefined;
      const request =
        parent?.state === 'found' ? { ...rest, platform: parent.record.platform, target: parent.record.target } : rest;
      const checkIds = scan.checkIds(request);
      records.open(scanId, {
        checkIds,
        ...(request.platform !== undefined ? { platform: request.platform } : {}),
        ...(request.target !== undefined ? { target: request.target } : {}),
        ...(parent?.state === 'found' ? { recheckOf: parent.record.scanId } : {}),
      });
      const needsApproval = scan.approvalsNeeded(request, fromWindow);
      void scan
        .run(request, {
          ...fromWindow,
          onResult: (result) => {
            records.add(scanId, result);
            emit('scan:result', { scanId, result });
          },
        })
        .then(
          (report) => report.durationMs,
          (error: unknown) => {
            // run() never rejects; this only keeps the wizard from waiting forever if that changes.
            log.error('scan failed', { error: describeError(error) });
            return 0;
          },
        )
        .then((durationMs) => {
          records.finish(scanId);
          emit('scan:finished', { scanId, durationMs });
        });
      return { scanId, checkIds, needsApproval };
    },
    'scan:run': ({ recheckOf: _unused, ...request }) => scan.run(request, fromWindow),
  };
}
