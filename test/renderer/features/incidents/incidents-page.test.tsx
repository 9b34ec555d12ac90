import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';

import { IncidentsPage } from '../../../../renderer/features/incidents/incidents-page';
import { localToday } from '../../../../renderer/lib/local-time';
import { AppError } from '../../../../shared/errors';
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
  bridge.handle('incidents:decide', ({ id, ico }) => {
    const index = incidents.findIndex((i) => i.id === id);
    const decided = { ...(incidents[index] as IncidentView), ico: { reason: '', ...ico } };
    incidents[index] = decided;
    return decided;
  });
  bridge.handle('incidents:open-ico-guide', () => ({ opened }));
  return { bridge, incidents };
}

/** An incident as an earlier version saved it, undecided, found on 2 March 2026. */
const oldIncident = (patch: Partial<IncidentView> = {}): IncidentView => ({
  id: 'inc-0000000e',
  kind: 'overheard',
  what: 'Heard through the wall \u2764\ufe0f\r\nby a neighbour \u{1f468}\u200d\u{1f469}\u200d\u{1f467}',
  occurredAt: null,
  discoveredAt: '2026-03-02T10:00:00.000Z',
  clientCodes: ['AB-017'],
  actions: 'Moved rooms 1\ufe0f\u20e3\r\nand closed the window',
  ico: { decision: 'undecided', decidedOn: null, reason: '' },
  status: 'open',
  closedAt: null,
  closingNote: '',
  recordedAt: '2026-03-02T10:05:00.000Z',
  deadline: '2026-03-05T10:00:00.000Z',
  ...patch,
});

describe('IncidentsPage', () => {
  it('refuses an empty description with a message tied to the box, focuses it, and sends nothing', async () => {
    const { bridge } = setup();
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
    const { bridge } = setup();
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

  it('sends a close once, however often the button is pressed while main answers', async () => {
    const { bridge, incidents } = setup();
    incidents.push(oldIncident());
    let answer: (value: IncidentView) => void = () => undefined;
    bridge.handle('incidents:close', () => new Promise<IncidentView>((resolve) => (answer = resolve)));
    const user = userEvent.setup();
    render(<IncidentsPage />);
    const card = await screen.findByRole('listitem', { name: 'A session was overheard' });
    await user.click(within(card).getByRole('button', { name: 'Close this incident' }));
    const button = within(card).getByRole('button', { name: 'Close incident' });
    await user.click(button);
    await user.click(button);
    expect(bridge.calls.filter((c) => c.channel === 'incidents:close')).toHaveLength(1);
    expect(button.hasAttribute('disabled')).toBe(true);
    answer({ ...oldIncident(), status: 'closed', closedAt: new Date().toISOString() });
    await waitFor(() => expect(within(card).queryByRole('button', { name: 'Close incident' })).toBeNull());
  });

  it('ties a warning about an identifying client code to the codes box', async () => {
    setup();
    const user = userEvent.setup();
    render(<IncidentsPage />);
    const box = await screen.findByLabelText('Client codes involved (optional)');
    await user.type(box, 'AB-017, jane@example.org');
    const described = (box.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    expect(described).toMatch(/This looks like an e-mail address/);
  });

  it('puts an error in the ICO note on the note itself, not on the date', async () => {
    const { bridge } = setup();
    const user = userEvent.setup();
    render(<IncidentsPage />);
    await user.type(await screen.findByLabelText('What happened'), 'Partner walked in');
    await user.click(screen.getByRole('radio', { name: 'Decided not to report' }));
    await user.type(screen.getByLabelText('Date you decided not to report'), localToday());
    await user.type(screen.getByLabelText('Why you decided not to report'), 'Low\u202erisk');
    await user.click(screen.getByRole('button', { name: 'Record incident' }));
    const note = screen.getByLabelText('Why you decided not to report');
    expect(document.activeElement).toBe(note);
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(note.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
      'contains a hidden character (U+202E)',
    );
    expect(screen.getByLabelText('Date you decided not to report').getAttribute('aria-invalid')).toBeNull();
    expect(bridge.calls.some((c) => c.channel === 'incidents:add')).toBe(false);
  });

  it('records an incident from the keyboard, closes it with its clock still running, then records the ICO decision', async () => {
    const { bridge } = setup();
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

    // Recording the decision, on its own, stops the clock: it moves to the closed incidents, and focus follows it.
    await user.click(within(closedCard).getByRole('button', { name: 'Record the ICO decision' }));
    const form = within(closedCard).getByRole('form', { name: 'Record the ICO decision' });
    await user.click(within(form).getByLabelText('No, I decided not to report it'));
    expect(within(form).getByRole('group', { name: /Information Commissioner's Office \(ICO\)/ })).toBeTruthy();
    // With "No" and no reason yet, the hint says a sentence is enough, without stopping the save.
    expect(within(form).getByText(/the ICO asks you to keep a record of why\. You can save without one/)).toBeTruthy();
    const date = within(form).getByLabelText('Date you decided not to report');
    expect((date as HTMLInputElement).value).toBe(localToday());
    await user.type(within(form).getByLabelText('Why you decided not to report'), 'Deleted unread');
    await user.click(within(form).getByRole('button', { name: 'Save the decision' }));
    expect(bridge.calls.find((c) => c.channel === 'incidents:decide')?.request).toEqual({
      id: 'inc-00000001',
      ico: { decision: 'no', decidedOn: localToday(), reason: 'Deleted unread' },
    });
    expect(bridge.calls.some((c) => c.channel === 'incidents:update')).toBe(false);
    const closed = await screen.findByRole('list', { name: 'Closed incidents' });
    const done = within(closed).getByRole('listitem', { name: 'A session link went to the wrong person (closed)' });
    expect(within(done).queryByText(/left to decide/)).toBeNull();
    expect(within(done).queryByRole('button', { name: 'Record the ICO decision' })).toBeNull();
    expect(screen.queryByRole('list', { name: 'Closed, ICO decision still needed' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(within(done).getByRole('heading', { level: 3 })));
    expect(screen.getByRole('status').textContent).toContain('ICO decision recorded');
  });

  it('records the decision for an incident an earlier version saved with emoji and CRLF, without checking its other words', async () => {
    const { bridge, incidents } = setup();
    incidents.push(oldIncident({ what: `${oldIncident().what} \u200b(an old zero-width space)` }));
    const user = userEvent.setup();
    render(<IncidentsPage />);
    const list = await screen.findByRole('list', { name: 'Open incidents' });
    const card = within(list).getByRole('listitem', { name: 'A session was overheard' });
    // Emoji are shown as they are; only the character no rule allows is spelled out.
    expect(
      within(card).getByText(
        'Heard through the wall \u2764\ufe0f by a neighbour \u{1f468}\u200d\u{1f469}\u200d\u{1f467} <U+200B>(an old zero-width space)',
        { normalizer: (t) => t.replace(/\s+/g, ' ') },
      ),
    ).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'Record the ICO decision' }));
    await user.click(within(card).getByLabelText('Yes, I reported it to the ICO'));
    await user.clear(within(card).getByLabelText('Date you reported it'));
    await user.type(within(card).getByLabelText('Date you reported it'), '2026-03-03');
    await user.type(within(card).getByLabelText('Reference or note (optional)'), 'ICO case 12 \u{1f44d}\u{1f3fd}');
    await user.click(within(card).getByRole('button', { name: 'Save the decision' }));
    expect(bridge.calls.find((c) => c.channel === 'incidents:decide')?.request).toEqual({
      id: 'inc-0000000e',
      ico: { decision: 'yes', decidedOn: '2026-03-03', reason: 'ICO case 12 \u{1f44d}\u{1f3fd}' },
    });
    const decided = await within(await screen.findByRole('list', { name: 'Open incidents' })).findByText(
      /Reported to the ICO on 3 March 2026/,
    );
    expect(decided).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('A session was overheard'));
  });

  it('lets the full edit form save an incident an earlier version kept with emoji and CRLF line breaks', async () => {
    const { bridge, incidents } = setup();
    incidents.push(oldIncident());
    const user = userEvent.setup();
    render(<IncidentsPage />);
    const card = await screen.findByRole('listitem', { name: 'A session was overheard' });
    await user.click(within(card).getByRole('button', { name: 'Change this incident' }));
    await user.click(within(card).getByRole('button', { name: 'Save changes' }));
    const update = bridge.calls.find((c) => c.channel === 'incidents:update')?.request as {
      incident: { what: string; actions: string };
    };
    expect(update.incident.what).toBe(
      'Heard through the wall \u2764\ufe0f\nby a neighbour \u{1f468}\u200d\u{1f469}\u200d\u{1f467}',
    );
    expect(update.incident.actions).toBe('Moved rooms 1\ufe0f\u20e3\nand closed the window');
  });

  it('refuses an incomplete or wrong decision field by field, focusing and describing each, and sends nothing', async () => {
    const { bridge, incidents } = setup();
    incidents.push(oldIncident());
    const user = userEvent.setup();
    render(<IncidentsPage />);
    const card = await screen.findByRole('listitem', { name: 'A session was overheard' });
    await user.click(within(card).getByRole('button', { name: 'Record the ICO decision' }));
    const described = (el: Element) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' ');

    // Nothing chosen: the first choice is focused and says why.
    await user.click(within(card).getByRole('button', { name: 'Save the decision' }));
    const yes = within(card).getByLabelText('Yes, I reported it to the ICO');
    expect(document.activeElement).toBe(yes);
    expect(described(yes)).toContain('Say whether you reported it to the ICO or decided not to.');

    // A date before the incident was found out.
    await user.click(yes);
    const date = within(card).getByLabelText('Date you reported it');
    await user.clear(date);
    await user.type(date, '2026-03-01');
    await user.click(within(card).getByRole('button', { name: 'Save the decision' }));
    expect(document.activeElement).toBe(date);
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(described(date)).toContain('cannot be before you found out about it (2 March 2026)');

    // A hidden character in the reason, named.
    await user.clear(date);
    await user.type(date, '2026-03-02');
    const reason = within(card).getByLabelText('Reference or note (optional)');
    await user.type(reason, 'Case\u202e12');
    await user.click(within(card).getByRole('button', { name: 'Save the decision' }));
    expect(document.activeElement).toBe(reason);
    expect(described(reason)).toContain('contains a hidden character (U+202E)');
    expect(described(reason)).toContain('the ICO asks you to keep a record of why');

    expect(bridge.calls.some((c) => c.channel === 'incidents:decide')).toBe(false);
  });

  it('says why main refused a decision, and returns focus to the button when the form is cancelled', async () => {
    const { bridge, incidents } = setup();
    incidents.push(oldIncident({ status: 'closed', closedAt: '2026-03-02T11:00:00.000Z' }));
    bridge.handle('incidents:decide', () => {
      throw new AppError('NOT_FOUND', 'There is no incident with that id.');
    });
    const user = userEvent.setup();
    render(<IncidentsPage />);
    const card = await screen.findByRole('listitem', {
      name: 'A session was overheard (closed, ICO decision still needed)',
    });
    await user.click(within(card).getByRole('button', { name: 'Record the ICO decision' }));
    await user.click(within(card).getByLabelText('No, I decided not to report it'));
    await user.click(within(card).getByRole('button', { name: 'Save the decision' }));
    expect((await within(card).findByRole('alert')).textContent).toBe('There is no incident with that id.');

    await user.click(within(card).getByRole('button', { name: 'Cancel' }));
    expect(within(card).queryByRole('form', { name: 'Record the ICO decision' })).toBeNull();
    expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Record the ICO decision' }));
  });

  it('records a decision from the keyboard alone', async () => {
    const { bridge, incidents } = setup();
    incidents.push(oldIncident());
    const user = userEvent.setup();
    render(<IncidentsPage />);
    const card = await screen.findByRole('listitem', { name: 'A session was overheard' });
    within(card).getByRole('button', { name: 'Record the ICO decision' }).focus();
    await user.keyboard('{Enter}');
    // The form starts at its question.
    expect(document.activeElement).toBe(within(card).getByLabelText('Yes, I reported it to the ICO'));
    await user.keyboard(' ');
    expect((within(card).getByLabelText('Yes, I reported it to the ICO') as HTMLInputElement).checked).toBe(true);
    await user.tab();
    expect(document.activeElement).toBe(within(card).getByLabelText('Date you reported it'));
    await user.tab();
    expect(document.activeElement).toBe(within(card).getByLabelText('Reference or note (optional)'));
    await user.keyboard('ICO case 12');
    await user.tab();
    expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Save the decision' }));
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(bridge.calls.find((c) => c.channel === 'incidents:decide')?.request).toEqual({
        id: 'inc-0000000e',
        ico: { decision: 'yes', decidedOn: localToday(), reason: 'ICO case 12' },
      }),
    );
  });

  it('offers the decision only while it is still to be made', async () => {
    const { incidents } = setup();
    incidents.push(oldIncident({ ico: { decision: 'no', decidedOn: '2026-03-03', reason: 'Low risk' } }));
    render(<IncidentsPage />);
    const card = await screen.findByRole('listitem', { name: 'A session was overheard' });
    expect(within(card).queryByRole('button', { name: 'Record the ICO decision' })).toBeNull();
    expect(within(card).getByRole('button', { name: 'Change this incident' })).toBeTruthy();
  });

  it('refuses a hidden character in the actions taken, naming it, tied to the box', async () => {
    const { bridge } = setup();
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
    const { bridge } = setup();
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
    const { bridge } = setup(false);
    const user = userEvent.setup();
    render(<IncidentsPage />);
    expect(await screen.findByText(`Source: ${icoSource.name}`)).toBeTruthy();
    expect(bridge.calls.some((c) => c.channel === 'incidents:open-ico-guide')).toBe(false);
    await user.click(screen.getByRole('button', { name: /Open the ICO's self-assessment/ }));
    expect(bridge.calls.filter((c) => c.channel === 'incidents:open-ico-guide')).toHaveLength(1);
    // Where no browser can be opened, the address is given to type in.
    expect(await screen.findByText(new RegExp(icoSource.selfAssessmentUrl.replace(/[.?/]/g, '\\$&')))).toBeTruthy();
  });

  it('has no accessibility violations with the ICO decision form open and showing its errors', async () => {
    const { incidents } = setup();
    incidents.push(oldIncident());
    const user = userEvent.setup();
    const { container } = render(<IncidentsPage />);
    const card = await screen.findByRole('listitem', { name: 'A session was overheard' });
    await user.click(within(card).getByRole('button', { name: 'Record the ICO decision' }));
    await user.click(within(card).getByRole('button', { name: 'Save the decision' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(within(card).getByLabelText('Yes, I reported it to the ICO')),
    );
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
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
