/** "March 2026" for a period "2026-03", in messages about a month of logs that could not be read. */
export function periodLabel(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) return period;
  return new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** "March 2026 and April 2026", "January 2026, March 2026 and April 2026". */
export function periodList(periods: readonly string[]): string {
  const labels = periods.map(periodLabel);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1] ?? ''}`;
}
