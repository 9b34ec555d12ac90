import { getCatalogEntry } from '../../shared/catalog/catalog';
import type { HomeLastCheck, HomeSummary } from '../../shared/ipc/home.contract';
import { dayAndTime } from '../../shared/schedule/schedule';
import type { IncidentService } from '../incidents/incident-service';
import { createLogger, describeError } from '../logging/logger';
import type { ReviewService } from '../review/review-service';
import type { ScheduleService } from '../schedule/schedule-service';
import type { PlainRecord } from '../schedule/plain-record';
import type { VaultService } from '../vault/vault-service';
import type { LastCheck } from './last-check-record';

const log = createLogger('home');

export interface HomeServiceDeps {
  readonly vault: Pick<VaultService, 'status' | 'list'>;
  readonly schedule: Pick<ScheduleService, 'upcoming'>;
  readonly review: Pick<ReviewService, 'get' | 'dueItems'>;
  readonly incidents: Pick<IncidentService, 'list' | 'pendingDeadlines'>;
  readonly lastCheck: PlainRecord<LastCheck | null>;
  readonly now?: () => Date;
  /** The zone times are shown in (the computer's). */
  readonly displayZone: () => string;
}

/** What the home screen shows at a glance; only what may be seen while the vault is locked when it is. */
export function createHomeService(deps: HomeServiceDeps): { summary(): HomeSummary } {
  const now = deps.now ?? (() => new Date());

  function lastCheck(unlocked: boolean): HomeLastCheck | null {
    if (unlocked) {
      try {
        const latest = deps.vault.list({ limit: 1 }).logs[0];
        if (latest)
          return {
            at: latest.createdAt,
            outcome: latest.outcome,
            attention: latest.attention.map((a) => ({ ...a, title: getCatalogEntry(a.id)?.title ?? a.id })),
          };
      } catch (error) {
        log.warn('the latest log could not be read for the home screen', { error: describeError(error) });
      }
    }
    const plain = deps.lastCheck.get();
    return plain ? { at: plain.at, outcome: plain.outcome, attention: null } : null;
  }

  return {
    summary() {
      const unlocked = deps.vault.status().state === 'unlocked';
      if (unlocked) {
        try {
          deps.review.get(); // brings the plain copy of the review dates up to date
        } catch (error) {
          log.warn('the practice review could not be read', { error: describeError(error) });
        }
        try {
          deps.incidents.list(); // brings the plain copy of the incident deadlines up to date
        } catch (error) {
          log.warn('the incident log could not be read', { error: describeError(error) });
        }
      }
      const next = deps.schedule.upcoming(1, now().getTime()).sessions[0];
      return {
        locked: !unlocked,
        lastCheck: lastCheck(unlocked),
        nextSession: next
          ? {
              startUtc: next.startUtc,
              when: dayAndTime(next.startUtc, deps.displayZone()),
              clientCode: next.clientCode,
              platform: next.platform,
            }
          : null,
        reviewDue: deps.review.dueItems(),
        openIncidents: deps.incidents.pendingDeadlines(),
      };
    },
  };
}
