import { useCallback, useEffect, useState } from 'react';

import type { ErrorData } from '../../../shared/errors';
import { awaitingDecision, type IcoDecisionEntry, type ParsedIncidentInput } from '../../../shared/incidents/incident';
import type { IncidentView } from '../../../shared/ipc/incidents.contract';
import { call } from '../../api';
import { PageHeader } from '../../components/page-header';
import { VaultGate } from '../vault/vault-gate';
import { IcoQuestions } from './ico-questions';
import { IncidentCard } from './incident-card';
import { IncidentForm } from './incident-form';
import { useNow } from '../../lib/local-time';
import './incidents.css';

function IncidentLog() {
  const [incidents, setIncidents] = useState<readonly IncidentView[] | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const [announcement, setAnnouncement] = useState('');
  /** The card to focus once the list shows it again (it may have moved to another list). */
  const [focusCard, setFocusCard] = useState<string | null>(null);
  const focusTaken = useCallback(() => setFocusCard(null), []);
  const now = useNow();

  const reload = useCallback(
    () =>
      call('incidents:list', {}).then((result) => {
        if (result.ok) setIncidents(result.value.incidents);
        else setError(result.error);
      }),
    [],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  async function add(input: ParsedIncidentInput): Promise<string | null> {
    const result = await call('incidents:add', { incident: input });
    if (!result.ok) return result.error.message;
    setAnnouncement(`Incident recorded. Reference ${result.value.id}.`);
    await reload();
    return null;
  }
  async function update(id: string, input: ParsedIncidentInput): Promise<string | null> {
    const result = await call('incidents:update', { id, incident: input });
    if (!result.ok) return result.error.message;
    setAnnouncement('Incident saved.');
    await reload();
    return null;
  }
  async function close(id: string, note: string): Promise<string | null> {
    const result = await call('incidents:close', { id, note });
    if (!result.ok) return result.error.message;
    setAnnouncement(
      awaitingDecision(result.value)
        ? 'Incident closed. Its ICO decision is still needed: the clock keeps running until you record it.'
        : 'Incident closed.',
    );
    await reload();
    return null;
  }

  async function decide(id: string, entry: IcoDecisionEntry): Promise<string | null> {
    const result = await call('incidents:decide', { id, ico: entry });
    if (!result.ok) return result.error.message;
    setAnnouncement('ICO decision recorded. The 72-hour clock for this incident has stopped.');
    await reload();
    setFocusCard(id);
    return null;
  }

  if (error)
    return (
      <p className="rr-alert rr-alert--error" role="alert">
        {error.message}
      </p>
    );
  if (!incidents) return <p role="status">Opening your incident log…</p>;
  const open = incidents.filter((i) => i.status === 'open');
  const closed = incidents.filter((i) => i.status === 'closed' && !awaitingDecision(i));
  // Closing does not settle whether to report: these still have a clock, so they are listed apart.
  const closedUndecided = incidents.filter((i) => i.status === 'closed' && awaitingDecision(i));
  const card = (incident: IncidentView) => (
    <IncidentCard
      key={incident.id}
      incident={incident}
      now={now}
      onUpdate={(input) => update(incident.id, input)}
      onClose={(note) => close(incident.id, note)}
      onDecide={(entry) => decide(incident.id, entry)}
      takeFocus={focusCard === incident.id}
      onFocusTaken={focusTaken}
    />
  );
  return (
    <>
      <p role="status" className="rr-visually-hidden">
        {announcement}
      </p>
      <section className="rr-card" aria-label="New incident">
        <IncidentForm onSubmit={add} />
      </section>
      <IcoQuestions />
      <h2>Open incidents</h2>
      {open.length === 0 ? (
        <p>No open incidents.</p>
      ) : (
        <ul className="rr-incidents__list" aria-label="Open incidents">
          {open.map(card)}
        </ul>
      )}
      {closedUndecided.length > 0 && (
        <>
          <h2>Closed, ICO decision still needed</h2>
          <ul className="rr-incidents__list" aria-label="Closed, ICO decision still needed">
            {closedUndecided.map(card)}
          </ul>
        </>
      )}
      {closed.length > 0 && (
        <>
          <h2>Closed incidents</h2>
          <ul className="rr-incidents__list" aria-label="Closed incidents">
            {closed.map(card)}
          </ul>
        </>
      )}
    </>
  );
}

/** The incident log: what went wrong with clients' information, and the 72 hours to decide about reporting. */
export function IncidentsPage() {
  return (
    <section>
      <PageHeader title="Incident log" />
      <p className="rr-muted">
        If something goes wrong with a client&apos;s information (someone walks in, a link or e-mail goes to the wrong
        person, a device is lost), write it down here as soon as you find out. The ICO gives you 72 hours from then to
        decide whether to report it. The clock stops only when you record that decision, even if you close the incident
        first. Everything you record is kept in your encrypted logs.
      </p>
      <VaultGate purpose="see your incident log">
        <IncidentLog />
      </VaultGate>
    </section>
  );
}
