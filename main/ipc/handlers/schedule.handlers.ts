import type { HomeSummary } from '../../../shared/ipc/home.contract';
import type { ReviewService } from '../../review/review-service';
import type { ScheduleService } from '../../schedule/schedule-service';
import type { HandlersFor } from '../handler-types';

export interface ScheduleHandlerDeps {
  readonly schedule: ScheduleService;
  readonly review: ReviewService;
  readonly home: { summary(): HomeSummary };
  readonly now?: () => number;
}

/** The schedule, the practice review and the home screen's summary. */
export function createScheduleHandlers(
  deps: ScheduleHandlerDeps,
): HandlersFor<
  | 'schedule:list'
  | 'schedule:upcoming'
  | 'schedule:add'
  | 'schedule:update'
  | 'schedule:delete'
  | 'review:get'
  | 'review:update'
  | 'home:summary'
> {
  const now = deps.now ?? Date.now;
  return {
    'schedule:list': () => deps.schedule.list(),
    'schedule:upcoming': ({ count }) => deps.schedule.upcoming(count, now()),
    'schedule:add': ({ session }) => deps.schedule.add(session),
    'schedule:update': ({ id, session }) => deps.schedule.update(id, session),
    'schedule:delete': ({ id }) => deps.schedule.delete(id),
    'review:get': () => deps.review.get(),
    'review:update': ({ id, ...entry }) => deps.review.update(id, entry),
    'home:summary': () => deps.home.summary(),
  };
}
