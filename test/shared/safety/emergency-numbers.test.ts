import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { countryCodes, countryName } from '../../../shared/geo/countries';
import {
  coveredCountries,
  emergencyEntrySchema,
  emergencyTable,
  emergencyTableSchema,
  getEmergencyEntry,
  requiredCountries,
} from '../../../shared/safety/emergency-numbers';

const entries = Object.entries(emergencyTable.entries);

describe('the emergency-number table', () => {
  it('passes its own schema and carries the date it was checked', () => {
    expect(emergencyTableSchema.safeParse(emergencyTable).success).toBe(true);
    expect(emergencyTable.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('covers the EU, the UK, the US, Canada, Australia, New Zealand, Ireland, Switzerland, Norway, Iceland and Liechtenstein', () => {
    expect(requiredCountries).toHaveLength(27 + 9);
    for (const code of requiredCountries) {
      expect(getEmergencyEntry(code), code).not.toBeNull();
      expect(countryCodes).toContain(code);
    }
  });

  it('gives every entry a source with an https address and a checked date no later than the table', () => {
    for (const [code, entry] of entries) {
      expect(entry.source.organisation.length, code).toBeGreaterThan(1);
      expect(entry.source.url, code).toMatch(/^https:\/\/[^\s]+$/);
      expect(entry.checked <= emergencyTable.asOf, code).toBe(true);
      if (entry.crisisLine) {
        expect(entry.crisisLine.source.url, code).toMatch(/^https:\/\//);
        expect(entry.crisisLine.source.organisation.length, code).toBeGreaterThan(1);
      }
    }
  });

  it('has no empty or malformed numbers', () => {
    for (const [code, entry] of entries) {
      const numbers = [...entry.emergency, entry.police, entry.ambulance, entry.crisisLine?.number].filter(
        (n): n is string => n !== null && n !== undefined,
      );
      expect(numbers.length, code).toBeGreaterThan(0);
      for (const n of numbers) expect(n, code).toMatch(/^\+?\d+(?:[ -]\d+)*$/);
    }
  });

  it('says why when a country has no confirmed crisis line, instead of guessing one', () => {
    const without = entries.filter(([, e]) => e.crisisLine === null);
    expect(without.length).toBeGreaterThan(0);
    for (const [code, entry] of without) expect(entry.note, code).toMatch(/confirmed/);
  });

  it('lists the numbers known without doubt', () => {
    expect(getEmergencyEntry('GB')?.emergency).toEqual(['999', '112']);
    expect(getEmergencyEntry('GB')?.crisisLine?.number).toBe('116 123');
    expect(getEmergencyEntry('US')?.emergency).toEqual(['911']);
    expect(getEmergencyEntry('US')?.crisisLine?.number).toBe('988');
    expect(getEmergencyEntry('CA')?.crisisLine?.number).toBe('9-8-8');
    expect(getEmergencyEntry('AU')?.emergency[0]).toBe('000');
    expect(getEmergencyEntry('AU')?.crisisLine?.number).toBe('13 11 14');
    expect(getEmergencyEntry('NZ')?.emergency).toEqual(['111']);
    expect(getEmergencyEntry('NZ')?.crisisLine?.number).toBe('1737');
    for (const code of requiredCountries.slice(0, 27))
      expect(getEmergencyEntry(code)?.emergency, code).toContain('112');
  });

  it('refuses an entry with an empty number, a missing source or a silent missing crisis line', () => {
    const good = getEmergencyEntry('FR');
    expect(emergencyEntrySchema.safeParse(good).success).toBe(true);
    expect(emergencyEntrySchema.safeParse({ ...good, emergency: [''] }).success).toBe(false);
    expect(emergencyEntrySchema.safeParse({ ...good, emergency: [] }).success).toBe(false);
    expect(emergencyEntrySchema.safeParse({ ...good, source: undefined }).success).toBe(false);
    expect(emergencyEntrySchema.safeParse({ ...good, checked: 'yesterday' }).success).toBe(false);
    expect(emergencyEntrySchema.safeParse({ ...good, crisisLine: null, note: null }).success).toBe(false);
    expect(
      emergencyEntrySchema.safeParse({ ...good, source: { organisation: 'X org', url: 'http://example.org' } }).success,
    ).toBe(false);
  });

  it.each(['2026-02-30', '2025-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-05'])(
    'refuses %s as the date an entry was checked: not a real calendar day',
    (day) => {
      const result = emergencyEntrySchema.safeParse({ ...getEmergencyEntry('FR'), checked: day });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('must be a real date YYYY-MM-DD');
      expect(emergencyTableSchema.safeParse({ ...emergencyTable, asOf: day }).success).toBe(false);
    },
  );

  it('accepts a real leap day as the date an entry was checked', () => {
    expect(emergencyEntrySchema.safeParse({ ...getEmergencyEntry('FR'), checked: '2028-02-29' }).success).toBe(true);
  });

  it('answers null for a country it does not hold, and sorts its countries by name', () => {
    expect(getEmergencyEntry('AQ')).toBeNull();
    expect(getEmergencyEntry('toString')).toBeNull();
    const names = coveredCountries().map(countryName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB')));
  });

  it('is listed entry by entry in docs/crisis-numbers.md, with the unconfirmed ones named', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../../docs/crisis-numbers.md'), 'utf8');
    expect(doc).toContain(emergencyTable.asOf);
    for (const [code, entry] of entries) {
      expect(doc, code).toContain(`(${code})`);
      if (entry.crisisLine) expect(doc, code).toContain(entry.crisisLine.number);
    }
    const unconfirmed = doc.split('## Unconfirmed')[1] ?? '';
    for (const [code, entry] of entries) if (!entry.crisisLine) expect(unconfirmed, code).toContain(`(${code})`);
  });
});
