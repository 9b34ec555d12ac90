import { deadlineWords } from '../../../shared/incidents/incident';
import type { HomeLastCheck, HomeNextSession, HomeSummary } from '../../../shared/ipc/home.contract';
import { platformLabel } from '../../../shared/session/platforms';
import { Button } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { useRouteStore } from '../../stores/route-store';
import { useNow } from '../../lib/local-time';
import { OutcomeBadge } from '../logs/outcome-badge';
import { useHomeSummary } from './home-data';
import './home.css';

const attentionLabels = {
  fail: 'problem',
  warn: 'needs attention',
  unknown: 'could not be checked',
  unconfirmed: 'not confirmed',
} as const;

/** Most serious first; the home screen shows only the first few (Past logs has the rest). */
const severity = { fail: 0, warn: 1, unconfirmed: 2, unknown: 3 } as const;
const shownAttention = 5;

function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

function LastCheck({ last, locked }: { readonly last: HomeLastCheck | null; readonly locked: boolean }) {
  if (!last) return <p>No readiness check has been saved yet.</p>;
  return (
    <>
      <p className="rr-home__line">
        <OutcomeBadge outcome={last.outcome} />
        <span>Checked {formatWhen(last.at)}</span>
      </p>
      {last.attention === null ? (
        locked && <p className="rr-muted">Unlock your logs to see what needed attention.</p>
      ) : last.attention.length === 0 ? (
        <p className="rr-muted">Nothing needed attention.</p>
      ) : (
        <>
          <p>What needed attention:</p>
          <ul aria-label="What needed attention at the last check">
            {[...last.attention]
              .sort((a, b) => severity[a.state] - severity[b.state])
              .slice(0, shownAttention)
              .map((item) => (
                <li key={item.id}>
                  {item.title} ({attentionLabels[item.state]})
                </li>
              ))}
          </ul>
          {last.attention.length > shownAttention && (
            <p className="rr-muted">And {last.attention.length - shownAttention} more: see Past logs.</p>
          )}
        </>
      )}
    </>
  );
}

function NextSession({ next }: { readonly next: HomeNextSession | null }) {
  const navigate = useRouteStore((s) => s.navigate);
  if (!next)
    return (
      <>
        <p>No sessions in your schedule.</p>
        <Button variant="link" onClick={() => navigate('schedule')}>
          Add your sessions for reminders
        </Button>
      </>
    );
  return (
    <>
      <p className="rr-home__next">
        {next.when}
        {next.clientCode ? `, ${next.clientCode}` : ''}, {platformLabel(next.platform)}
      </p>
      <div className="rr-actions">
        <Button variant="primary" onClick={() => navigate('wizard')}>
          Check now
        </Button>
        <Button variant="link" onClick={() => navigate('schedule')}>
          Your schedule
        </Button>
      </div>
    </>
  );
}

function ReviewDue({ due }: { readonly due: HomeSummary['reviewDue'] }) {
  const navigate = useRouteStore((s) => s.navigate);
  if (due.length === 0) return <p>Nothing is due in your practice review.</p>;
  return (
    <>
      <p>
        {due.length === 1 ? '1 item is' : `${due.length} items are`} due for your yearly look at how your practice is
        set up:
      </p>
      <ul aria-label="Practice review items due">
        {due.map((item) => (
          <li key={item.id}>{item.title}</li>
        ))}
      </ul>
      <Button onClick={() => navigate('review')}>Open the practice review</Button>
    </>
  );
}

/** Each clock still running, open or closed incident (deadlines only: shown while the logs are locked too). */
function OpenIncidents({ open }: { readonly open: HomeSummary['openIncidents'] }) {
  const navigate = useRouteStore((s) => s.navigate);
  const now = useNow();
  return (
    <>
      {open.length === 0 ? (
        <p>No incident is waiting for your decision about reporting it to the ICO.</p>
      ) : (
        <ul aria-label="Incidents waiting for an ICO decision">
          {open.map((incident) => (
            <li
              key={incident.id}
              className={
                Date.parse(incident.deadline) <= now.getTime() ? 'rr-home__incident--late' : 'rr-home__incident'
              }
            >
              {deadlineWords(incident.deadline, now)}
            </li>
          ))}
        </ul>
      )}
      {open.length > 0 && (
        <p className="rr-muted">
          Each clock runs until you record whether you reported the incident to the ICO, even if you have closed it.
        </p>
      )}
      <Button onClick={() => navigate('incidents')}>Open the incident log</Button>
    </>
  );
}

/** The first screen: the last check, the next session, what is due, and the ways in. */
export function HomePage() {
  const navigate = useRouteStore((s) => s.navigate);
  const { summary, error, reload } = useHomeSummary();
  return (
    <section aria-labelledby="home-intro" className="rr-home">
      <PageHeader title="Ready for your next session?" autoFocus={false} />
      <p id="home-intro" className="rr-muted">
        ReadyRoom checks this computer and walks you through the rest of the before-session list from professional
        guidance, then keeps an encrypted record that you took care.
      </p>
      <div className="rr-actions">
        <Button variant="primary" onClick={() => navigate('wizard')}>
          Check readiness now
        </Button>
        <Button onClick={() => navigate('quick')}>Quick check</Button>
        <Button onClick={() => navigate('logs')}>Past logs</Button>
        <Button onClick={() => navigate('crisis')}>Crisis card</Button>
      </div>
      {error && (
        <div className="rr-alert rr-alert--error" role="alert">
          <p>{error.message}</p>
          <Button onClick={reload}>Try again</Button>
        </div>
      )}
      {summary && (
        <div className="rr-home__grid">
          <section className="rr-card" aria-labelledby="home-next">
            <h2 id="home-next">Next session</h2>
            <NextSession next={summary.nextSession} />
          </section>
          <section className="rr-card" aria-labelledby="home-last">
            <h2 id="home-last">Last check</h2>
            <LastCheck last={summary.lastCheck} locked={summary.locked} />
          </section>
          <section className="rr-card" aria-labelledby="home-review">
            <h2 id="home-review">Practice review</h2>
            <ReviewDue due={summary.reviewDue} />
          </section>
          <section className="rr-card" aria-labelledby="home-incidents">
            <h2 id="home-incidents">Incidents</h2>
            <OpenIncidents open={summary.openIncidents} />
          </section>
        </div>
      )}
    </section>
  );
}
