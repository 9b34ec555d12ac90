import { Button } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { printSection } from '../../lib/print-section';
import { useRouteStore } from '../../stores/route-store';
import { CrisisCard } from './crisis-card';
import { KeepOnTopToggle } from './keep-on-top-toggle';

/** The `crisis` screen: the card, printable on its own. */
export function CrisisCardPage() {
  const navigate = useRouteStore((s) => s.navigate);
  return (
    <section aria-labelledby="crisis-intro">
      <PageHeader title="Crisis card" />
      <p id="crisis-intro" className="rr-muted">
        Keep this in view during the session. If the call fails or you are worried about your client, it has what you
        need. It is not saved anywhere.
      </p>
      <p className="rr-muted">
        A printed card shows your client’s back-up phone number: keep it with your session notes and shred it when the
        session is over.
      </p>
      <div className="rr-actions">
        <Button variant="primary" onClick={() => printSection('crisis')}>
          Print the crisis card
        </Button>
        <KeepOnTopToggle />
        <Button onClick={() => navigate('wizard')}>Back to the check</Button>
        <Button onClick={() => navigate('home')}>Home</Button>
      </div>
      <CrisisCard />
    </section>
  );
}
