import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type ServiceGraph, type ServiceGraphOptions } from '../../../main/composition/service-graph';
import { incidentInputSchema } from '../../../shared/incidents/incident';
import { icoSource } from '../../../shared/incidents/ico-questions.catalog';
import { sampleProfileInput } from '../../fixtures/clients/sample-profiles';
import { sampleLog } from '../../fixtures/vault/sample-logs';
import { passphrase, tempDataDir } from '../vault/vault-test-kit';
import { testGraph } from './test-graph';

let dir: string;
let cleanup: () => void;
const graphs: ServiceGraph[] = [];

beforeEach(() => {
  ({ dir, cleanup } = tempDataDir());
});
afterEach(async () => {
  for (const g of graphs.splice(0)) await g.dispose();
  cleanup();
});

function graph(extra: Partial<ServiceGraphOptions> = {}): ServiceGraph {
  const g = testGraph(dir, extra);
  graphs.push(g);
  return g;
}

const hourAgo = () => new Date(Date.now() - 3600_000).toISOString();
const incident = (clientCodes: string[], what = 'A session link went to the wrong address.') =>
  incidentInputSchema.parse({
    kind: 'link-wrong-person',
    what,
    occurredAt: null,
    discoveredAt: hourAgo(),
    clientCodes,
    actions: '',
    ico: { decision: 'undecided', decidedOn: null, reason: '' },
  });

async function unlockedGraph(extra: Partial<ServiceGraphOptions> = {}): Promise<ServiceGraph> {
  const g = graph(extra);
  await g.vault.setup(passphrase);
  g.vault.confirmRecoveryKey();
  return g;
}

describe('incidents in the composition root', () => {
  it('an erasure request takes the client code out of every incident and names incidents whose text still holds it', async () => {
    const g = await unlockedGraph();
    const a = g.incidents.add(incident(['AB-017', 'CD-204']));
    const b = g.incidents.add(incident(['ab-017'], 'Partner walked in while AB-017 was talking.'));
    g.vault.save(sampleLog(1, { clientCode: 'AB-017' }));
    const result = g.vault.eraseClient('AB-017', 1);
    expect(result).toMatchObject({ erased: 1, incidentsNamingClient: [b.id] });
    const codes = Object.fromEntries(g.incidents.list().map((i) => [i.id, i.clientCodes]));
    expect(codes).toEqual({ [a.id]: ['CD-204'], [b.id]: [] });
    expect(JSON.stringify(g.vault.readDocument('incidents')).match(/AB-017/gi)).toHaveLength(1); // b's own words only
  });

  it('an erasure names the other clients’ logs whose notes still name the erased code', async () => {
    const g = await unlockedGraph();
    g.vault.save(sampleLog(1, { clientCode: 'AB-017', note: 'Fine.' }));
    const other = g.vault.save(sampleLog(2, { clientCode: 'CD-204', note: 'Mentioned ab-017 in passing.' }));
    g.vault.save(sampleLog(3, { clientCode: 'EF-3', note: 'Nothing to add.' }));
    const result = g.vault.eraseClient('AB-017', 1);
    expect(result).toMatchObject({ erased: 1, logsNamingClient: [other.id] });
  });

  it('an erasure with no incident to change says nothing about incidents', async () => {
    const g = await unlockedGraph();
    g.incidents.add(incident(['CD-204']));
    g.vault.save(sampleLog(1, { clientCode: 'AB-017' }));
    const result = g.vault.eraseClient('AB-017', 1);
    expect(result).toEqual({ erased: 1, incompletePeriods: [] });
  });

  it('the home summary shows open incidents’ deadlines, also while the vault is locked', async () => {
    const g = await unlockedGraph();
    const added = g.incidents.add(incident([]));
    const summary = async () => {
      const result = await g.handlers['home:summary']({});
      return result;
    };
    expect((await summary()).openIncidents).toEqual([{ id: added.id, deadline: added.deadline }]);
    g.vault.lock();
    expect((await summary()).openIncidents).toEqual([{ id: added.id, deadline: added.deadline }]);
  });

  it('the home summary keeps a closed incident’s deadline until its ICO decision is recorded, locked or not', async () => {
    const g = await unlockedGraph();
    const added = g.incidents.add(incident([]));
    await g.handlers['incidents:close']({ id: added.id, note: 'Recipient deleted it' });
    const summary = async () => (await g.handlers['home:summary']({})).openIncidents;
    expect(await summary()).toEqual([{ id: added.id, deadline: added.deadline }]);
    g.vault.lock();
    expect(await summary()).toEqual([{ id: added.id, deadline: added.deadline }]);

    await g.vault.unlock({ method: 'passphrase', passphrase });
    const today = new Date().toLocaleDateString('en-CA');
    const ico = { decision: 'yes' as const, decidedOn: today, reason: 'ICO reference 123' };
    const decided = await g.handlers['incidents:update']({ id: added.id, incident: { ...incident([]), ico } });
    expect(decided).toMatchObject({ status: 'closed', ico });
    expect(await summary()).toEqual([]);
  });

  it('the PDF report lists the incidents discovered in its period, without client codes unless asked', async () => {
    const g = await unlockedGraph();
    const at = (iso: string) => incidentInputSchema.parse({ ...incident(['AB-017']), discoveredAt: iso });
    g.incidents.add({ ...at('2026-02-27T10:00:00Z'), what: 'February: overheard by a neighbour.' });
    g.incidents.add({ ...at('2026-03-02T10:00:00Z'), what: 'March: AB-017 link went astray.' });
    const pdfText = async (includeClientCodes: boolean) => {
      const path = join(dir, `report-${includeClientCodes}.pdf`);
      await g.exporter.write({ format: 'pdf', from: '2026-03-01', to: '2026-03-31', includeClientCodes }, path);
      return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    };
    const text = await pdfText(false);
    expect(text).toContain('Incidents (1)');
    expect(text).toContain('March: [client]');
    expect(text).not.toContain('February');
    expect(text).not.toContain('AB-017');
    expect(await pdfText(true)).toContain('AB-017');
  });

  it('a report without codes blanks every code the app knows from an incident’s words, and none it no longer knows', async () => {
    const g = await unlockedGraph();
    g.vault.save(sampleLog(1, { clientCode: 'AB-017' }));
    g.vault.save(sampleLog(2, { clientCode: 'CD-204' }));
    g.clients.save(sampleProfileInput({ clientCode: 'EF-3' }));
    g.incidents.add(incident(['AB-017', 'CD-204'], 'Link for ab-017 went to CD 204 and EF-3.'));
    const pdfText = async (name: string) => {
      const path = join(dir, name);
      await g.exporter.write({ format: 'pdf', includeClientCodes: false }, path);
      // Without -layout each table cell's lines come together; joined, a wrapped sentence reads whole.
      return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    };
    expect(await pdfText('before.pdf')).toContain('Link for [client] went to [client] and [client].');
    // The erasure takes AB-017 off the incident and out of every log: it is known nowhere now, so
    // the words keep it (the erasure named this incident for the therapist to reword).
    expect(g.vault.eraseClient('AB-017', 1).incidentsNamingClient).toHaveLength(1);
    expect(g.incidents.list()[0]?.clientCodes).toEqual(['CD-204']);
    expect(await pdfText('erased.pdf')).toContain('Link for ab-017 went to [client] and [client].');
    // Once the code is known again (a session booked under it), it is blanked.
    const nextWeek = new Date(Date.now() + 7 * 24 * 3600_000).toISOString().slice(0, 10);
    g.schedule.add({
      start: `${nextWeek}T14:00`,
      zone: 'UTC',
      durationMinutes: 50,
      platform: 'zoom',
      repeat: 'none',
      until: null,
      clientCode: 'AB-017',
    });
    expect(await pdfText('known-again.pdf')).toContain('Link for [client] went to [client] and [client].');
  });

  it('opens only the ICO self-assessment page, and says when it cannot open anything', async () => {
    const opened: string[] = [];
    const g = await unlockedGraph({ openExternal: async (url) => void opened.push(url) });
    expect(await g.handlers['incidents:open-ico-guide']({})).toEqual({ opened: true });
    expect(opened).toEqual([icoSource.selfAssessmentUrl]);
    const none = await unlockedGraphWithoutBrowser();
    expect(await none.handlers['incidents:open-ico-guide']({})).toEqual({ opened: false });
  });
});

async function unlockedGraphWithoutBrowser(): Promise<ServiceGraph> {
  const other = tempDataDir();
  const g = testGraph(other.dir);
  graphs.push({ ...g, dispose: async () => (await g.dispose(), other.cleanup()) });
  return g;
}
