import { describe, expect, it } from 'vitest';

import { countryCodeSchema, countryCodes, countryName, countryOptions } from '../../../shared/geo/countries';

describe('countries', () => {
  it('lists each ISO 3166-1 alpha-2 code once, in upper case', () => {
    expect(countryCodes).toHaveLength(249);
    expect(new Set(countryCodes).size).toBe(countryCodes.length);
    for (const code of countryCodes) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('names countries in British English from the runtime', () => {
    expect(countryName('GB')).toBe('United Kingdom');
    expect(countryName('DE')).toBe('Germany');
    expect(countryName('US')).toBe('United States');
  });

  it('falls back to the code for something that is not a region code', () => {
    expect(countryName('not a code')).toBe('not a code');
  });

  it('accepts known codes only', () => {
    expect(countryCodeSchema.safeParse('IE').success).toBe(true);
    expect(countryCodeSchema.safeParse('ie').success).toBe(false);
    expect(countryCodeSchema.safeParse('XX').success).toBe(false);
  });

  it('offers every country sorted by name', () => {
    const options = countryOptions();
    expect(options).toHaveLength(249);
    const names = options.map((o) => o.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB')));
  });
});
