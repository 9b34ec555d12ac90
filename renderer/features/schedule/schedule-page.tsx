import { PageHeader } from '../../components/page-header';
import { ScheduleSettings } from './schedule-settings';

/** The schedule on its own page (from the home screen), until Settings has its Sessions section. */
export function SchedulePage() {
  return (
    <section>
      <PageHeader title="Your session schedule" />
      <ScheduleSettings />
    </section>
  );
}
