import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';

import { IncidentsPage } from '../../../../renderer/features/incidents/incidents-page';
import { reportDeadline, type Incident } from '../../../../shared/incidents/incident';
import { icoSource } from '../../../../shared/incidents/ico-questions.catalog';
import type { IncidentView } from '../../../../shared/ipc/incidents.contract';
import { installFakeVault } from '../vault/fake-vault';

function setup(opened = true) {
  const { bridge } = installFakeVault({ state: 'unlocked' });
  const incidents: IncidentView[] = [];
  let next = 1;
  const view = (i: Incident): IncidentView => ({ ...i, deadline: reportDeadline(i.discoveredAt) });
  bridge.handle('incidents:list', () => ({ incidents: [...incidents] }));
  bridge.handle('incidents:add', ({ incident }) => {
    const added = view({
      id: `inc-0000000${next++}`,
      ...incident,
      discoveredAt: new Date(incident.discoveredAt).toISOString(),
      occurredAt: incident.occurredAt,
      status: 'open',
      closedAt: null,
      closingNote: '',
      recordedAt: new Date().toISOString(),
    });
    incidents.unshift(added);
    return added;
  });
  bridge.handle('incidents:close', ({ id, note }) => {
    const index = incidents.findIndex((i) => i.id === id);
    const closed = {
      ...(incidents[index] as IncidentView),
      status: 'closed' as const,
      closedAt: new Date().toISOString(),
      closingNote: note,
    };
    incidents[index] = closed;
    return closed;
  });
  bridge.handle('incidents:update', ({ id, incident }) => {
    const index = incidents.findIndex((i) => i.id === id);
    const updated = { ...(incidents[index] as IncidentView), ...incident };
    incidents[index] = updated;
    return updated;
  });
  bridge.handle('incidents:open-ico-guide', () => ({ opened }));
  return bridge;
}

describe('IncidentsPage', () => {
  it('refuses an empty description with a message tied to the box, focuses it, and sends nothing', async () => {
    const bridge = setup();
    const user = userEvent.setup();
    render(<IncidentsPage />);
    await user.click(await screen.findByRole('button', { name: 'Record incident' }));
    const what = screen.getByLabelText('What happened');
    expect(what.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(what);
    const describedBy = what.getAttribute('aria-describedby') ?? '';
    const messages = describedBy.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(messages).toContain('Say in a few words what happened.');
    expect(bridge.calls.some((c) => c.channel === 'incidents:add')).toBe(false);
  });

  it('refuses a client code that cannot be stored, naming it', async () => {
    const bridge = setup();
    const user = userEvent.setup();
    render(<IncidentsPage />);
    await user.type(await screen.findByLabelText('What happened'), 'Partner walked in');
    await user.type(screen.getByLabelText('Client codes involved (optional)'), 'AB-017, %%');
    await user.click(screen.getByRole('button', { name: 'Record incident' }));
    const codes = screen.getByLabelText('Client codes involved (optional)');
    expect(codes.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/"%%": Use letters, numbers/)).toBeTruthy();
    expect(bridge.calls.some((c) => c.channel === 'incidents:add')).toBe(false);
  });

  it('records an incident from the keyboard, closes it with its clock still running, then records the ICO decision', async () => {
    const bridge = setup();
    const user = userEvent.setup();
    render(<IncidentsPage />);
    await user.selectOptions(await screen.findByLabelText('What kind of incident'), 'link-wrong-person');
    await user.type(screen.getByLabelText('What happened'), 'Sent the link to the wrong address');
    await user.type(screen.getByLabelText('Client codes involved (optional)'), ' AB-017 , CD-204');
    await user.click(screen.getByRole('button', { name: 'Record incident' }));

    const add = bridge.calls.find((c) => c.channel === 'incidents:add')?.request as {
      incident: { clientCodes: string[]; discoveredAt: string; kind: string };
    };
    expect(add.incident.clientCodes).toEqual(['AB-017', 'CD-204']);
    expect(add.incident.kind).toBe('link-wrong-person');
    expect(Math.abs(Date.parse(add.incident.discoveredAt) - Date.now())).toBeLessThan(2 * 60_000);

    const list = await screen.findByRole('list', { name: 'Open incidents' });
    const card = within(list).getByRole('listitem', { name: 'A session link went to the wrong person' });
    expect(within(card).getByText(/Incident: 7[12] h left to decide whether to report/)).toBeTruthy();
    expect(within(card).getByText('AB-017, CD-204')).toBeTruthy();

    await user.click(within(card).getByRole('button', { name: 'Close this incident' }));
    // Closing before deciding is allowed, but the form says the clock keeps running.
    expect(
      within(card).getByRole('form', { name: 'Close this incident' }).getAttribute('aria-describedby'),
    ).toBeTruthy();
    expect(within(card).getByText(/Closing the incident does not stop the\s+72-hour clock/)).toBeTruthy();
    await user.type(within(card).getByLabelText('Closing note (optional)'), 'Recipient deleted it');
    await user.click(within(card).getByRole('button', { name: 'Close incident' }));
    expect(bridge.calls.find((c) => c.channel === 'incidents:close')?.request).toEqual({
      id: 'inc-00000001',
      note: 'Recipient deleted it',
    });

    // Closed but undecided: listed apart, its clock still shown, and it says what is still needed.
    const undecided = await screen.findByRole('list', { name: 'Closed, ICO decision still needed' });
    const closedCard = within(undecided).getByRole('listitem', {
      name: 'A session link went to the wrong person (closed, ICO decision still needed)',
    });
    expect(within(closedCard).getByText(/Incident: 7[12] h left to decide whether to report/)).toBeTruthy();
    expect(within(closedCard).getByText(/you have not yet recorded whether you reported it to the ICO/)).toBeTruthy();
    expect(within(closedCard).getByText(/Recipient deleted it/)).toBeTruthy();
    expect(screen.getByText('No open incidents.')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Closed incidents' })).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('Its ICO decision is still needed');

    // Recording the decision stops the clock: it moves to the closed incidents.
    await user.click(within(closedCard).getByRole('button', { name: 'Change or record a decision' }));
    await user.click(within(closedCard).getByLabelText('Decided not to report'));
    await user.type(within(closedCard).getByLabelText('Date you decided not to report'), '2026-01-05');
    await user.type(within(closedCard).getByLabelText('Why you decided not to report'), 'Deleted unread');
    await user.click(within(closedCard).getByRole('button', { name: 'Save changes' }));
    const closed = await screen.findByRole('list', { name: 'Closed incidents' });
    const done = within(closed).getByRole('listitem', { name: 'A session link went to the wrong person (closed)' });
    expect(within(done).queryByText(/left to decide/)).toBeNull();
    expect(screen.queryByRole('list', { name: 'Closed, ICO decision still needed' })).toBeNull();
  });

  it('refuses a hidden character in the actions taken, naming it, tied to the box', async () => {
    const bridge = setup();
    const user = userEvent.setup();
    render(<IncidentsPage />);
    await user.type(await screen.findByLabelText('What happened'), 'Partner walked in');
    await user.type(screen.getByLabelText('Actions taken'), 'Asked\u200bthem to leave');
    await user.click(screen.getByRole('button', { name: 'Record incident' }));
    const actions = screen.getByLabelText('Actions taken');
    expect(actions.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(actions);
    const describedBy = actions.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe(
      'Actions taken contains a hidden character (U+200B), perhaps from copying and pasting. Type that part again by hand.',
    );
    expect(bridge.calls.some((c) => c.channel === 'incidents:add')).toBe(false);
  });

  it('shows a hidden character kept by an earlier version as <U+XXXX>, never acting on it', async () => {
    const bridge = setup();
    const incident: IncidentView = {
      id: 'inc-0000000f',
      kind: 'overheard',
      what: 'Heard by \u202eruobhgien',
      occurredAt: null,
      discoveredAt: '2026-03-02T10:00:00.000Z',
      clientCodes: [],
      actions: '',
      ico: { decision: 'yes', decidedOn: '2026-03-03', reason: '' },
      status: 'open',
      closedAt: null,
      closingNote: '',
      recordedAt: '2026-03-02T10:05:00.000Z',
      deadline: '2026-03-05T10:00:00.000Z',
    };
    bridge.handle('incidents:list', () => ({ incidents: [incident] }));
    render(<IncidentsPage />);
    expect(await screen.findByText('Heard by <U+202E>ruobhgien')).toBeTruthy();
  });

  it('shows the ICO questions with their source, and opens the self-assessment only on a click', async () => {
    const bridge = setup(false);
    const user = userEvent.setup();
    render(<IncidentsPage />);
    expect(await screen.findByText(`Source: ${icoSource.name}`)).toBeTruthy();
    expect(bridge.calls.some((c) => c.channel === 'incidents:open-ico-guide')).toBe(false);
    await user.click(screen.getByRole('button', { name: /Open the ICO's self-assessment/ }));
    expect(bridge.calls.filter((c) => c.channel === 'incidents:open-ico-guide')).toHaveLength(1);
    // Where no browser can be opened, the address is given to type in.
    expect(await screen.findByText(new RegExp(icoSource.selfAssessmentUrl.replace(/[.?/]/g, '\\$&')))).toBeTruthy();
  });

  it('has no accessibility violations, with the form showing its errors', async () => {
    setup();
    const user = userEvent.setup();
    const { container } = render(<IncidentsPage />);
    await user.click(await screen.findByRole('button', { name: 'Record incident' }));
    await waitFor(() => expect(screen.getByLabelText('What happened').getAttribute('aria-invalid')).toBe('true'));
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
