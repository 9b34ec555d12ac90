import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';

import { attentionTitles, LogList } from '../../../../renderer/features/logs/log-list';
import { summarizeLog } from '../../../../shared/logs/log-summary';
import { storedLog } from '../vault/fake-vault';
import { giveListScrollerAHeight } from './list-layout';

giveListScrollerAHeight();

function manyLogs(count: number) {
  const base = summarizeLog(storedLog(1, { clientCode: 'AB-017' }));
  return Array.from({ length: count }, (_, i) => ({
    ...base,
    id: `202603-${String(i).padStart(20, '0')}`,
    clientCode: `C-${i + 1}`,
  }));
}

const options = () => within(screen.getByRole('listbox', { name: /Readiness logs/ })).getAllByRole('option');

describe('LogList', () => {
  it('draws only a screenful of 5,000 logs, each row telling its place in the whole list', () => {
    render(<LogList logs={manyLogs(5000)} filtered={false} onOpen={() => undefined} />);
    const rows = options();
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(rows[0]?.getAttribute('aria-setsize')).toBe('5000');
    expect(rows[0]?.getAttribute('aria-posinset')).toBe('1');
    const seen = [...(rows[0]?.children ?? [])].map((cell) => cell.textContent);
    expect(seen.slice(1, 4)).toEqual(['C-1', 'Zoom', 'Ready']);
    // The name is what the row shows, in order, so a voice user can say what they see.
    expect(screen.getByRole('option', { name: seen.join(', ') })).toBe(rows[0]);
    expect(
      screen.getByRole('listbox', { name: /client code, platform, outcome, then what needed attention/ }),
    ).toBeTruthy();
  });

  it('moves between rows with the arrow keys, Home, End and Page Down, keeping one row in Tab order', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    const logs = manyLogs(5000);
    render(<LogList logs={logs} filtered={false} onOpen={onOpen} />);
    await user.tab();
    expect(document.activeElement?.getAttribute('aria-posinset')).toBe('1');
    expect(options().filter((o) => o.tabIndex === 0)).toHaveLength(1);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement?.getAttribute('aria-posinset')).toBe('3');
    expect(document.activeElement?.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{PageDown}');
    expect(document.activeElement?.getAttribute('aria-posinset')).toBe('13');
    await user.keyboard('{End}');
    // The last row is drawn (it was far off screen) and has focus.
    expect(document.activeElement?.getAttribute('aria-posinset')).toBe('5000');
    expect(document.activeElement?.textContent).toContain('C-5000');
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenLastCalledWith(logs[4999]?.id);
    await user.keyboard('{Home}{ArrowUp}');
    expect(document.activeElement?.getAttribute('aria-posinset')).toBe('1');
    await user.keyboard(' ');
    expect(onOpen).toHaveBeenLastCalledWith(logs[0]?.id);
  });

  it('opens a row on a click', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    const logs = manyLogs(3);
    render(<LogList logs={logs} filtered={false} onOpen={onOpen} />);
    await user.click(screen.getByRole('option', { name: /, C-2,/ }));
    expect(onOpen).toHaveBeenCalledWith(logs[1]?.id);
  });

  it('comes back to the log last opened, focused', () => {
    const logs = manyLogs(500);
    const onReturned = vi.fn();
    render(
      <LogList
        logs={logs}
        filtered={false}
        onOpen={() => undefined}
        returnTo={logs[300]?.id}
        onReturned={onReturned}
      />,
    );
    expect(document.activeElement?.getAttribute('aria-posinset')).toBe('301');
    expect(onReturned).toHaveBeenCalledTimes(1);
  });

  it('says whether nothing matches the filters or there are no logs yet', () => {
    const { rerender } = render(<LogList logs={[]} filtered onOpen={() => undefined} />);
    expect(screen.getByText('No logs match these filters.')).toBeTruthy();
    rerender(<LogList logs={[]} filtered={false} onOpen={() => undefined} />);
    expect(screen.getByText(/No logs yet/)).toBeTruthy();
  });

  it('names what needed attention by its plain title, two at most', () => {
    expect(attentionTitles({ outcome: 'ready', attention: [] })).toBe('Nothing');
    expect(attentionTitles({ outcome: 'not-ready', attention: [] })).toBe('See the log');
    expect(
      attentionTitles({ outcome: 'ready-with-advice', attention: [{ id: 'security.firewall', state: 'warn' }] }),
    ).toBe('Firewall is on');
    expect(
      attentionTitles({
        outcome: 'not-ready',
        attention: [
          { id: 'security.firewall', state: 'unknown' },
          { id: 'room.private', state: 'unconfirmed' },
          { id: 'media.camera', state: 'fail' },
          { id: 'audio.headphones', state: 'unconfirmed' },
        ],
      }),
    ).toMatch(/^Firewall is on, .+ and 2 more$/);
  });

  it('has no accessibility violations', async () => {
    const { container } = render(<LogList logs={manyLogs(50)} filtered={false} onOpen={() => undefined} />);
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
