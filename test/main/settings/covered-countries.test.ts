import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createSettingsService, sanitize } from '../../../main/settings/settings-service';
import { confStoreFactory } from '../../../main/store/store-factory';
import { AppError } from '../../../shared/errors';
import { defaultSettings } from '../../../shared/settings/settings';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'readyroom-covered-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('covered countries setting', () => {
  it('is empty by default (not said, which the wizard does not read as covered)', () => {
    expect(defaultSettings.coveredCountries).toEqual([]);
  });

  it('is kept and read back', () => {
    const settings = createSettingsService(dir, confStoreFactory);
    settings.update({ coveredCountries: ['GB', 'IE'] });
    expect(createSettingsService(dir, confStoreFactory).get().coveredCountries).toEqual(['GB', 'IE']);
  });

  it('refuses an unknown country or a repeat, changing nothing', () => {
    const settings = createSettingsService(dir, confStoreFactory);
    for (const coveredCountries of [
      ['GB', 'XX'],
      ['GB', 'GB'],
    ]) {
      let error: unknown;
      try {
        settings.update({ coveredCountries });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('BAD_REQUEST');
    }
    expect(settings.get().coveredCountries).toEqual([]);
  });

  it('a file edited by hand loses only the entries this version cannot read', () => {
    expect(sanitize({ coveredCountries: ['GB', 'XX', 7, 'GB', 'FR'] }).coveredCountries).toEqual(['GB', 'FR']);
    expect(sanitize({ coveredCountries: 'GB' }).coveredCountries).toEqual([]);
  });
});
