import { describe, expect, it } from 'vitest';

import { applyProfileSave, type ClientProfile } from '../../../shared/clients/client-profile';
import { mergeClientProfiles } from '../../../shared/clients/client-profile-merge';
import { sampleProfileInput } from '../../fixtures/clients/sample-profiles';

const profile = (clientCode: string, at: string, region = 'Kent'): ClientProfile =>
  applyProfileSave(null, sampleProfileInput({ clientCode, usualRegion: region }), at).profile;
const record = (...profiles: ClientProfile[]) => ({ version: 1, profiles });
const noErasures = { erasedAt: () => undefined };

describe('mergeClientProfiles (a restore of the client set-ups)', () => {
  it('adds set-ups for codes not here and keeps ours on a clash (codes compared as everywhere else)', () => {
    const ours = record(profile('AB-017', '2026-03-01T10:00:00.000Z', 'Ours'));
    const theirs = record(
      profile('ab-017', '2026-02-01T10:00:00.000Z', 'Backup'),
      profile('CD-204', '2026-02-01T10:00:00.000Z'),
    );
    const result = mergeClientProfiles(ours, theirs, noErasures);
    expect(result).toMatchObject({ added: 1, skipped: 1, invalid: 0 });
    const merged = result.value as { profiles: ClientProfile[] };
    expect(merged.profiles.map((p) => [p.clientCode, p.usualRegion])).toEqual([
      ['AB-017', 'Ours'],
      ['CD-204', 'Kent'],
    ]);
  });

  it('leaves out the set-up of a client erased here unless it was changed after the erasure', () => {
    const erasedAt = '2026-03-10T00:00:00.000Z';
    const context = { erasedAt: (code: string) => (code === 'AB-017' || code === 'EF-300' ? erasedAt : undefined) };
    const theirs = record(
      profile('AB-017', erasedAt), // last changed at the very moment of the erasure: still the erased client's
      profile('EF-300', '2026-03-11T10:00:00.000Z'), // set up again after the erasure
      profile('CD-204', '2026-02-01T10:00:00.000Z'),
    );
    const result = mergeClientProfiles(null, theirs, context);
    expect(result).toMatchObject({ added: 2, skipped: 1 });
    expect((result.value as { profiles: ClientProfile[] }).profiles.map((p) => p.clientCode)).toEqual([
      'EF-300',
      'CD-204',
    ]);
  });

  it('reads neither another version’s record nor a bad set-up, and never writes over ours when ours cannot be read', () => {
    const good = profile('CD-204', '2026-02-01T10:00:00.000Z');
    expect(mergeClientProfiles(null, { version: 2, profiles: [good] }, noErasures)).toMatchObject({
      value: null,
      invalid: 1,
    });
    expect(mergeClientProfiles(null, record(good, { ...good, clientCode: '' }), noErasures)).toMatchObject({
      added: 1,
      invalid: 1,
    });
    expect(mergeClientProfiles({ version: 2, profiles: [] }, record(good), noErasures)).toEqual({
      value: null,
      added: 0,
      skipped: 0,
      invalid: 1,
    });
  });
});
