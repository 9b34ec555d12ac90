import { randomBytes } from 'node:crypto';

/**
 * A log id starts with the UTC month it was created in ("202603-…"), so the vault can find the
 * one monthly file that holds it without any global index. The rest is 100 random bits.
 */
const idPattern = /^(\d{4})(\d{2})-[0-9a-hjkmnp-tv-z]{20}$/;
const periodPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

/** "2026-03": the UTC month of a date. */
export function periodOf(date: Date): string {
  return `${date.getUTCFullYear().toString().padStart(4, '0')}-${(date.getUTCMonth() + 1).toString().padStart(2, '0')}`;
}

export function isPeriod(text: string): boolean {
  return periodPattern.test(text);
}

export function makeLogId(createdAt: Date): string {
  const bytes = randomBytes(20);
  let suffix = '';
  for (const byte of bytes) suffix += alphabet[byte & 31];
  return `${periodOf(createdAt).replace('-', '')}-${suffix}`;
}

/** The period a log id belongs to, or null when the text is not one of our ids. */
export function periodOfId(id: string): string | null {
  const match = idPattern.exec(id);
  if (!match) return null;
  const period = `${match[1]}-${match[2]}`;
  return isPeriod(period) ? period : null;
}

/** The first instant after the period ends, for comparisons with a retention cut-off. */
export function periodEnd(period: string): Date {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 1));
}

export function periodStart(period: string): Date {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1, 1));
}
