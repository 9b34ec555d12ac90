import { Button } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { useRouteStore } from '../../stores/route-store';

/** The first screen: what ReadyRoom does, and the ways in. */
export function HomePage() {
  const navigate = useRouteStore((s) => s.navigate);
  return (
    <section aria-labelledby="home-title">
      <PageHeader title="Ready for your next session?" autoFocus={false} />
      <p id="home-title" className="rr-muted">
        ReadyRoom checks this computer and walks you through the rest of the before-session list from professional
        guidance, then keeps an encrypted record that you took care.
      </p>
      <div className="rr-actions">
        <Button variant="primary" onClick={() => navigate('wizard')}>
          Check readiness now
        </Button>
        <Button onClick={() => navigate('quick')}>Quick check</Button>
        <Button onClick={() => navigate('logs')}>Past logs</Button>
      </div>
    </section>
  );
}
