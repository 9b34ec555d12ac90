import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { LogSummary } from '../../../../shared/logs/readiness-log';
import { ReportPanel } from '../../../../renderer/features/reports/report-panel';

function summary(n: number, problems: string[], outcome: LogSummary['outcome'] = 'ready-with-advice'): LogSummary {
  return {
    id: `202603-log${n}xxxxxxxx`,
    createdAt: `2026-03-0${n}T09:00:00.000Z`,
    sessionAt: `2026-03-0${n}T10:00:00.000Z`,
    clientCode: `CL-${n}00`,
    platform: 'zoom',
    modality: 'video',
    outcome,
    problems,
    attention: problems.map((id) => ({ id, state: 'warn' as const })),
    judged: [],
    addendaCount: 0,
  };
}

const logs = [
  summary(1, ['security.firewall']),
  summary(2, ['security.firewall', 'connection.type']),
  summary(3, [], 'ready'),
];
const noFilter = { client: '', from: '', to: '' };

describe('ReportPanel', () => {
  afterEach(() => vi.restoreAllMocks());

  it('names the problems that keep coming up, with how often and the catalog advice', () => {
    render(<ReportPanel logs={logs} filter={noFilter} />);
    const list = screen.getByRole('list', { name: 'Problems to sort out' });
    const firewall = within(list).getByText('Firewall is on').closest('li') as HTMLElement;
    expect(firewall.textContent).toMatch(/in 67 % of sessions \(2 of 3 logs; needed attention twice\)/);
    expect(firewall.textContent).toMatch(/What to do: .+\(ACTO guidance, 2020\)/);
  });

  it('keeps what ReadyRoom could not check and what was marked not applicable out of the problems', () => {
    const blind = (n: number): LogSummary => ({
      ...summary(n, [], 'ready'),
      attention: [{ id: 'security.antivirus', state: 'unknown' }],
      judged: [{ id: 'media.camera', kind: 'not-applicable', seen: 'unknown' }],
      outcome: 'ready-with-advice',
    });
    render(<ReportPanel logs={[blind(1), blind(2)]} filter={noFilter} />);
    expect(screen.queryByRole('list', { name: 'Problems to sort out' })).toBeNull();
    const unchecked = screen.getByRole('list', { name: 'ReadyRoom could not check these here' });
    expect(unchecked.textContent).toMatch(/Antivirus.*could not be checked in 2 of 2 logs/);
    const notApplicable = screen.getByRole('list', { name: 'You marked these not applicable' });
    expect(notApplicable.textContent).toMatch(/Camera works: not applicable in 2 of 2 logs/);
  });

  it('says so when nothing has come up twice', () => {
    render(<ReportPanel logs={[summary(1, ['security.firewall']), summary(2, [])]} filter={noFilter} />);
    expect(screen.getByText(/Nothing has come up more than once/)).toBeTruthy();
  });

  it('shows nothing when there are no logs', () => {
    const { container } = render(<ReportPanel logs={[]} filter={noFilter} />);
    expect(container.textContent).toBe('');
  });
});
