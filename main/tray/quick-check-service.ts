import type { ScanReport } from '../../shared/checks/scan-report';
import type { Settings } from '../../shared/settings/settings';
import { quickCheckNotice, type ProblemLink, type QuickCheckNotice } from '../../shared/tray/quick-check-notice';
import type { LastCheck } from '../../shared/tray/tray-state';
import type { NotifierPort } from '../adapters/notification-adapter';
import { createLogger, describeError, type Logger } from '../logging/logger';
import type { ScanService } from '../probes/scan-service';

export interface QuickCheckDeps {
  readonly scan: Pick<ScanService, 'run'>;
  readonly getSettings: () => Pick<Settings, 'defaultModality' | 'notApplicable'>;
  readonly notifier: NotifierPort;
  /** Opens the window at the full check, on the first problem when there is one. */
  readonly openProblem: (problem: ProblemLink | null) => void;
  /** The tray learns the result (icon, tooltip). */
  readonly onChecked: (last: LastCheck) => void;
  /** The tray greys out "Quick check" while one runs. */
  readonly onRunningChange?: (running: boolean) => void;
  readonly now?: () => Date;
  readonly logger?: Logger;
}

export interface QuickCheckService {
  /** Runs the automatic checks without a window and notifies; null when one is already running. */
  run(): Promise<QuickCheckNotice | null>;
  readonly running: boolean;
}

/**
 * The tray's quick check: the same scan service as the window, with the same rule that an address
 * the therapist has not allowed is not contacted. It never rejects.
 */
export function createQuickCheckService(deps: QuickCheckDeps): QuickCheckService {
  const log = deps.logger ?? createLogger('quick-check');
  const now = deps.now ?? (() => new Date());
  let running = false;
  const setRunning = (value: boolean) => {
    running = value;
    deps.onRunningChange?.(value);
  };
  return {
    get running() {
      return running;
    },
    async run() {
      if (running) return null;
      setRunning(true);
      try {
        let report: ScanReport | null = null;
        try {
          report = await deps.scan.run({}, { targetNeedsApproval: true });
        } catch (error) {
          // run() never rejects; if it ever does, the therapist still hears back.
          log.error('quick check failed', { error: describeError(error) });
        }
        const settings = deps.getSettings();
        const notice = quickCheckNotice({
          results: report?.checks ?? [],
          modality: settings.defaultModality,
          rememberedNotApplicable: settings.notApplicable.map((item) => item.id),
        });
        deps.onChecked({ outcome: notice.outcome, checkedAt: now().toISOString(), computerOnly: true });
        deps.notifier.show({
          title: notice.title,
          body: notice.body,
          onClick: () => deps.openProblem(notice.firstProblem),
        });
        return notice;
      } finally {
        setRunning(false);
      }
    },
  };
}
