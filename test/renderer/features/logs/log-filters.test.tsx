import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';

import { manualCatalog } from '../../../../shared/catalog/manual.catalog';
import { LogsPage } from '../../../../renderer/features/logs/logs-page';
import { emptyFilter, filterFromHash, filterToHash } from '../../../../renderer/features/logs/log-filters-model';
import { useLogsStore } from '../../../../renderer/stores/logs-store';
import { installFakeVault, storedLog } from '../vault/fake-vault';
import { giveListScrollerAHeight } from './list-layout';

giveListScrollerAHeight();

afterEach(() => {
  window.history.replaceState(null, '', window.location.pathname);
});

/** Four logs: two for AB-017 (one with an unknown firewall), a not-ready one, and notes to search. */
function logs() {
  const firewallUnknown = storedLog(2).checks.map((c) =>
    c.id === 'security.firewall' ? { ...c, status: 'unknown' as const } : { ...c, status: 'pass' as const },
  );
  const allPass = storedLog(1).checks.map((c) => ({ ...c, status: 'pass' as const }));
  const answered = manualCatalog.map((entry) => ({ id: entry.id, confirmed: true }));
  return [
    storedLog(1, {
      clientCode: 'AB-017',
      checks: allPass,
      confirmations: answered,
      note: 'Builders next door, moved to the back room.',
    }),
    storedLog(2, { clientCode: 'AB-017', checks: firewallUnknown, confirmations: answered, note: 'Quiet.' }),
    storedLog(3, { clientCode: 'CD-204', checks: allPass, confirmations: [], outcome: 'not-ready', note: '' }),
    storedLog(4, {
      clientCode: 'EF-301',
      checks: allPass,
      confirmations: answered,
      note: 'Café below was noisy; builders gone.',
    }),
  ];
}

async function setup() {
  const fake = installFakeVault({ state: 'unlocked', logs: logs() });
  const user = userEvent.setup();
  const view = render(<LogsPage />);
  await waitFor(() => expect(rows()).toHaveLength(4));
  return { ...fake, user, ...view };
}

const rows = () => {
  const list = screen.queryByRole('listbox', { name: /Readiness logs/ });
  return list ? within(list).queryAllByRole('option') : [];
};
const codes = () => rows().map((r) => r.querySelector('.rr-log-list__code')?.textContent);
const status = () => screen.getByText(/logs?\.$|logs? match\.$|Searching|Showing/, { selector: '[role=status]' });

// Each test renders the whole page and drives selects of forty options: slow under a loaded machine.
describe('Past logs filters', { timeout: 20_000 }, () => {
  it('filters by outcome and by a check not passing (chosen by its plain title), combined, announcing the count', async () => {
    const { user } = await setup();
    const outcome = screen.getByLabelText('Outcome');
    await user.selectOptions(outcome, 'Not ready');
    await waitFor(() => expect(codes()).toEqual(['CD-204']));
    expect(status().textContent).toBe('1 of 4 logs match.');
    expect(status().getAttribute('aria-live')).toBe('polite');
    expect(document.activeElement).toBe(outcome);

    await user.selectOptions(outcome, 'Any outcome');
    await user.selectOptions(screen.getByLabelText('Had this not passing'), 'Firewall is on');
    await waitFor(() => expect(codes()).toEqual(['AB-017']));
    // A question left unanswered counts as not passing too.
    await user.selectOptions(screen.getByLabelText('Had this not passing'), 'The room is private');
    await waitFor(() => expect(codes()).toEqual(['CD-204']));
    await user.selectOptions(outcome, 'Ready');
    expect(rows()).toHaveLength(0);
    expect(screen.getByText('No logs match these filters.')).toBeTruthy();
  });

  it('searches the notes in main, ignoring accents and capitals, and keeps focus in the search box', async () => {
    const { user, bridge } = await setup();
    const notes = screen.getByLabelText('Notes contain');
    await user.type(notes, 'BUILDERS');
    // A pause while typing (a loaded machine) may send "BUILD" first, which matches the same rows while
    // the search for the whole word is still out: wait for the last answer, not the first match.
    await waitFor(() => {
      expect(status().textContent).toBe('2 of 4 logs match.');
      expect(codes()).toEqual(['EF-301', 'AB-017']);
    });
    expect(document.activeElement).toBe(notes);
    // Typing is not sent key by key. (Real timers: a loaded machine may pause past the 150 ms wait
    // between some keys, so fewer searches than keys is what is certain; the exact debounce is tested
    // with fake timers in logs-store.test.ts.)
    expect(bridge.calls.filter((c) => c.channel === 'logs:search-notes').length).toBeLessThan('BUILDERS'.length);
    await user.clear(notes);
    await user.type(notes, 'cafe');
    await waitFor(() => expect(codes()).toEqual(['EF-301']));
    await user.type(screen.getByLabelText('Client code', { selector: 'input[list]' }), 'ab-017');
    expect(rows()).toHaveLength(0);
  });

  it('puts the filter in the address, and back and forward bring earlier filters back', async () => {
    const { user } = await setup();
    expect(window.location.hash).toBe('#logs');
    await user.selectOptions(screen.getByLabelText('Outcome'), 'Not ready');
    expect(window.location.hash).toBe('#logs?outcome=not-ready');
    await user.selectOptions(screen.getByLabelText('Had this not passing'), 'Firewall is on');
    expect(window.location.hash).toBe('#logs?outcome=not-ready&check=security.firewall');
    expect(rows()).toHaveLength(0);

    await act(async () => {
      window.history.back();
      await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    });
    expect(useLogsStore.getState().filter).toEqual({ ...emptyFilter, outcome: 'not-ready' });
    await waitFor(() => expect(codes()).toEqual(['CD-204']));
    expect((screen.getByLabelText('Had this not passing') as HTMLSelectElement).value).toBe('');
    await act(async () => {
      window.history.back();
      await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    });
    expect(rows()).toHaveLength(4);
    await act(async () => {
      window.history.forward();
      await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    });
    await waitFor(() => expect(codes()).toEqual(['CD-204']));
  });

  it('opens with the filter the address holds (a reload)', async () => {
    window.history.replaceState(null, '', `${window.location.pathname}#logs?client=cd-204`);
    installFakeVault({ state: 'unlocked', logs: logs() });
    render(<LogsPage />);
    await waitFor(() => expect(codes()).toEqual(['CD-204']));
    expect((screen.getByLabelText('Client code', { selector: 'input[list]' }) as HTMLInputElement).value).toBe(
      'cd-204',
    );
  });

  it('reads back only what it wrote: unknown outcomes, checks and dates are dropped', () => {
    const filter = { ...emptyFilter, client: 'AB 017', from: '2026-03-01', outcome: 'ready' as const, notes: 'a&b=c' };
    expect(filterFromHash(filterToHash(filter))).toEqual(filter);
    expect(filterFromHash('#logs?outcome=great&check=made.up&from=yesterday&to=2026-02-30x')).toEqual(emptyFilter);
    expect(filterFromHash('#settings')).toBeNull();
  });

  it('has no accessibility violations with every filter showing', async () => {
    const { container, user } = await setup();
    await user.selectOptions(screen.getByLabelText('Outcome'), 'Ready');
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
