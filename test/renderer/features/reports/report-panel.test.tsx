import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { LogSummary } from '../../../../shared/logs/readiness-log';
import { describeScope, ReportPanel } from '../../../../renderer/features/reports/report-panel';

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
    expect(firewall.textContent).toMatch(/in 2 of 3 logs \(needed attention twice\)/);
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

  it('leaves client codes out of the printed report unless asked', async () => {
    const user = userEvent.setup();
    render(<ReportPanel logs={logs} filter={{ ...noFilter, client: 'CL-100' }} />);
    const report = screen.getByTestId('printable-report');
    expect(report.textContent).not.toContain('CL-100');
    expect(report.textContent).toContain('One client');
    await user.click(screen.getByLabelText('Include client codes in the report'));
    expect(screen.getByTestId('printable-report').textContent).toContain('CL-100');
  });

  it('prints with only the report marked for printing, then clears the mark', async () => {
    const user = userEvent.setup();
    let classDuringPrint = '';
    vi.spyOn(window, 'print').mockImplementation(() => {
      classDuringPrint = document.body.className;
    });
    render(<ReportPanel logs={logs} filter={noFilter} />);
    await user.click(screen.getByRole('button', { name: 'Print or save the report' }));
    expect(classDuringPrint).toContain('rr-printing-report');
    expect(document.body.className).not.toContain('rr-printing-report');
  });

  it('shows nothing when there are no logs', () => {
    const { container } = render(<ReportPanel logs={[]} filter={noFilter} />);
    expect(container.textContent).toBe('');
  });
});

describe('describeScope', () => {
  it('describes the filter in plain words', () => {
    expect(describeScope(noFilter, false)).toBe('All clients');
    expect(describeScope({ client: 'AB-017', from: '2026-03-01', to: '' }, true)).toBe('Client AB-017 from 1 Mar 2026');
  });
});
