import { describe, expect, it } from 'vitest';

import { automaticCatalog } from '../../../shared/catalog/automatic.catalog';
import { fixFor, getCatalogEntry } from '../../../shared/catalog/catalog';
import { automaticCheckIds } from '../../../shared/checks/check-ids';
import { osNames } from '../../../shared/platform';

describe('automatic catalog', () => {
  it('has exactly one entry per automatic check id, in the same order', () => {
    expect(automaticCatalog.map((e) => e.id)).toEqual(automaticCheckIds);
  });

  it('gives every entry a title, a reason naming its source, and kind automatic', () => {
    for (const entry of automaticCatalog) {
      expect(entry.kind).toBe('automatic');
      expect(entry.title.length).toBeGreaterThan(5);
      expect(entry.why.length).toBeGreaterThan(40);
      expect(entry.source.length).toBeGreaterThan(2);
      expect(entry.why).toMatch(/ACTO|NCSC|ICO|Microsoft|NHS|doxy\.me|Apple/);
    }
  });

  it('has numbered fix steps for every supported OS', () => {
    for (const entry of automaticCatalog) {
      for (const os of osNames) {
        const fix = fixFor(entry, os);
        expect(fix, `${entry.id} on ${os}`).not.toBeNull();
        expect(fix?.steps.length).toBeGreaterThan(0);
        for (const step of fix?.steps ?? []) expect(step).toMatch(/^\S.{10,}[.)]$/);
      }
    }
  });

  it('links only to OS settings pages', () => {
    for (const entry of automaticCatalog) {
      for (const fix of Object.values(entry.fix)) {
        if (fix?.link) expect(fix.link.url).toMatch(/^(ms-settings:|x-apple\.systempreferences:)/);
      }
    }
    expect(fixFor(getCatalogEntry('security.antivirus')!, 'win32')?.link?.url).toBe('ms-settings:windowsdefender');
  });

  it('places programs checks in the programs step and security checks in the security step', () => {
    for (const entry of automaticCatalog) {
      if (entry.category === 'programs') expect(entry.step).toBe('programs');
      if (entry.category === 'security') expect(entry.step).toBe('security');
    }
  });
});
