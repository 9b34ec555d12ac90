import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';

import { TrendChart } from '../../../../renderer/features/reports/trend-chart';
import { ReportPanel } from '../../../../renderer/features/reports/report-panel';
import { weeklyOutcomes } from '../../../../shared/logs/log-trends';
import type { LogSummary } from '../../../../shared/logs/readiness-log';

async function noAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

function log(n: number, createdAt: string, outcome: LogSummary['outcome'], attention: string[] = []): LogSummary {
  return {
    id: `202603-log${n}xxxxxxxx`,
    createdAt,
    sessionAt: createdAt,
    clientCode: `CL-${n}00`,
    platform: 'zoom',
    modality: 'video',
    outcome,
    problems: attention,
    attention: attention.map((id) => ({ id, state: 'warn' as const })),
    judged: [],
    addendaCount: 0,
  };
}

const logs = [
  log(1, '2026-03-02T10:00:00Z', 'ready'),
  log(2, '2026-03-03T10:00:00Z', 'ready-with-advice', ['connection.type']),
  log(3, '2026-03-17T10:00:00Z', 'not-ready', ['connection.type']),
];
const weeks = weeklyOutcomes(logs, { timeZone: 'Europe/London' });

describe('TrendChart', () => {
  it('draws one stack of bars per week, and says the same in a table, empty weeks included', () => {
    const { container } = render(<TrendChart weeks={weeks} periodText="all the logs listed" />);
    expect(container.querySelector('svg')).not.toBeNull();
    const table = screen.getByRole('table', { name: /Logs per week by outcome/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      'Week of 2 Mar 2026' + '2' + '1' + '1' + '0',
      'Week of 9 Mar 2026' + 'No logs' + '0' + '0' + '0',
      'Week of 16 Mar 2026' + '1' + '0' + '0' + '1',
    ]);
    expect(screen.getByText(/3 logs over 3 weeks, 1 of them with no logs/)).toBeTruthy();
  });

  it('hides the picture from screen readers, which read the table instead, and can show the table on screen', async () => {
    const user = userEvent.setup();
    const { container } = render(<TrendChart weeks={weeks} periodText="all the logs listed" />);
    expect(container.querySelector('svg')?.closest('[aria-hidden="true"]')).not.toBeNull();
    const table = screen.getByRole('table');
    expect(table.className).toContain('rr-visually-hidden');
    await user.click(screen.getByRole('button', { name: 'Show the figures as a table' }));
    expect(screen.getByRole('table').className).not.toContain('rr-visually-hidden');
    expect(screen.getByRole('button', { name: 'Hide the figures' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('uses no inline style attribute in the drawing, which the CSP would block', () => {
    const { container } = render(<TrendChart weeks={weeks} periodText="all the logs listed" />);
    // React sets styles through the CSSOM (allowed); an attribute written as markup would not be.
    const html = container.querySelector('svg')?.outerHTML ?? '';
    expect(html).toContain('rr-trend__bar--ready');
    expect(container.querySelectorAll('svg [fill^="var("]')).toHaveLength(0);
  });

  it('has no accessibility violations (axe)', async () => {
    const { container } = render(<TrendChart weeks={weeks} periodText="all the logs listed" />);
    await noAxeViolations(container);
  });
});

describe('ReportPanel trends', () => {
  it('gives the share of sessions each problem came up in, with the advice, for the period chosen', async () => {
    const user = userEvent.setup();
    render(<ReportPanel logs={logs} filter={{ client: '', from: '2026-03-01', to: '2026-03-08' }} />);
    expect((screen.getByLabelText('Period') as HTMLSelectElement).value).toBe('filter');
    // In the first week only one log had the wired connection problem: not yet "keeps coming up".
    expect(screen.queryByRole('list', { name: 'Problems to sort out' })).toBeNull();
    await user.selectOptions(screen.getByLabelText('Period'), 'all');
    const item = within(screen.getByRole('list', { name: 'Problems to sort out' }))
      .getByText('Connected by cable')
      .closest('li') as HTMLElement;
    expect(item.textContent).toMatch(/in 67 % of sessions \(2 of 3 logs; needed attention twice\)/);
    expect(item.textContent).toMatch(/What to do: /);
  });

  it('has no accessibility violations with its chart, lists and export choices (axe)', async () => {
    const { container } = render(<ReportPanel logs={logs} filter={{ client: '', from: '', to: '' }} />);
    await noAxeViolations(container);
  });
});
