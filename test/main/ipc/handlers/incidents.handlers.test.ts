import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type ServiceGraph } from '../../../../main/composition/service-graph';
import { dispatch } from '../../../../main/ipc/dispatch';
import { incidentInputSchema } from '../../../../shared/incidents/incident';
import type { IncidentView } from '../../../../shared/ipc/incidents.contract';
import { testGraph } from '../../composition/test-graph';
import { passphrase, tempDataDir } from '../../vault/vault-test-kit';

let dir: string;
let cleanup: () => void;
let graph: ServiceGraph;

beforeEach(async () => {
  ({ dir, cleanup } = tempDataDir());
  graph = testGraph(dir);
  await graph.vault.setup(passphrase);
  graph.vault.confirmRecoveryKey();
});
afterEach(async () => {
  await graph.dispose();
  cleanup();
});

const today = () => DateTime.now().toISODate() ?? '';

/** An incident found an hour ago; closed when asked, as "record the decision after closing" must work too. */
function recorded(close = false): IncidentView {
  const added = graph.incidents.add(
    incidentInputSchema.parse({
      kind: 'link-wrong-person',
      what: 'Sent the session link to the wrong address.',
      occurredAt: null,
      discoveredAt: new Date(Date.now() - 3600_000).toISOString(),
      clientCodes: ['AB-017'],
      actions: '',
      ico: { decision: 'undecided', decidedOn: null, reason: '' },
    }),
  );
  return close ? graph.incidents.close(added.id, '') : added;
}

const decide = (payload: unknown) => dispatch(graph.handlers, 'incidents:decide', payload);

describe('incidents:decide', () => {
  it('records the decision on a closed incident and stops its clock', async () => {
    const incident = recorded(true);
    expect(graph.incidents.pendingDeadlines()).toHaveLength(1);
    const result = await decide({
      id: incident.id,
      ico: { decision: 'no', decidedOn: today(), reason: 'Deleted\r\nunread' },
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        id: incident.id,
        status: 'closed',
        ico: { decision: 'no', decidedOn: today(), reason: 'Deleted\nunread' },
      },
    });
    expect(graph.incidents.list()[0]?.ico).toEqual({ decision: 'no', decidedOn: today(), reason: 'Deleted\nunread' });
    expect(graph.incidents.pendingDeadlines()).toEqual([]);
  });

  it('records "yes" on an open incident with no reason given', async () => {
    const incident = recorded();
    const result = await decide({ id: incident.id, ico: { decision: 'yes', decidedOn: today() } });
    expect(result).toMatchObject({ ok: true, value: { status: 'open', ico: { decision: 'yes', reason: '' } } });
  });

  it('does not check the incident’s other words again: one an earlier version kept with a hidden character can be decided', async () => {
    const incident = recorded();
    const stored = graph.incidents.list()[0] as IncidentView;
    const { deadline: _deadline, ...withoutDeadline } = stored;
    graph.vault.writeDocument('incidents', { incidents: [{ ...withoutDeadline, what: 'Old words\u200b kept' }] });
    const result = await decide({ id: incident.id, ico: { decision: 'yes', decidedOn: today(), reason: '' } });
    expect(result).toMatchObject({ ok: true, value: { what: 'Old words\u200b kept', ico: { decision: 'yes' } } });
  });

  // Each dated today, so only the fault named can be what refuses it.
  it.each([
    ['an undecided decision', () => ({ decision: 'undecided', decidedOn: null, reason: '' }), /./],
    ['no date', () => ({ decision: 'yes', reason: '' }), /./],
    ['a date that is not a date', () => ({ decision: 'yes', decidedOn: '2026-02-30', reason: '' }), /./],
    ['an unknown field', () => ({ decision: 'yes', decidedOn: today(), reason: '', by: 'me' }), /./],
    [
      'a hidden character in the reason',
      () => ({ decision: 'no', decidedOn: today(), reason: 'Low\u202erisk' }),
      /hidden character \(U\+202E\)/,
    ],
  ])('refuses %s as data, recording nothing', async (_name, ico, message) => {
    const incident = recorded();
    const result = await decide({ id: incident.id, ico: ico() });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringMatching(message) },
    });
    expect(graph.incidents.list()[0]?.ico.decision).toBe('undecided');
  });

  it('refuses, as STALE, to overwrite a decision recorded since the form was opened', async () => {
    const incident = recorded();
    expect(await decide({ id: incident.id, ico: { decision: 'yes', decidedOn: today() } })).toMatchObject({ ok: true });
    const late = await decide({ id: incident.id, ico: { decision: 'no', decidedOn: today(), reason: 'x' } });
    expect(late).toMatchObject({ ok: false, error: { code: 'STALE' } });
    expect(graph.incidents.list()[0]?.ico.decision).toBe('yes');
  });

  it('refuses a bad id, a date before discovery and one in the future, in plain words', async () => {
    const incident = recorded();
    expect(await decide({ id: 'inc-x', ico: { decision: 'yes', decidedOn: today() } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await decide({ id: 'inc-ffffffff', ico: { decision: 'yes', decidedOn: today() } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'There is no incident with that id.' },
    });
    expect(await decide({ id: incident.id, ico: { decision: 'yes', decidedOn: '2020-01-01' } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('cannot be before you found out about it') },
    });
    expect(await decide({ id: incident.id, ico: { decision: 'yes', decidedOn: '2999-01-01' } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('cannot be in the future') },
    });
    expect(graph.incidents.pendingDeadlines()).toHaveLength(1);
  });
});
