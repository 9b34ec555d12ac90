import { describe, expect, it } from 'vitest';

import { applyProfileSave, type ClientProfile } from '../../../shared/clients/client-profile';
import { mergeClientProfiles } from '../../../shared/clients/client-profile-merge';
import { sampleProfileInput } from '../../fixtures/clients/sample-profiles';

const profile = (clientCode: string, at: string, region = 'Kent'): ClientProfile =>
  applyProfileSave(null, sampleProfileInput({ clientCode, usualRegion: region }), at).profile;
const record = (...profiles: ClientProfile[]) => ({ version: 1, profiles });
const withDeleted = (deleted: { clientCode: string; deletedAt: string }[], ...profiles: ClientProfile[]) => ({
  version: 1,
  profiles,
  deleted,
});
const noErasures = { erasedAt: () => undefined };
type Merged = { profiles: ClientProfile[]; deleted?: { clientCode: string; deletedAt: string }[] };
const deletedAt = '2026-03-10T00:00:00.000Z';

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

describe('mergeClientProfiles and set-ups deleted here', () => {
  it('keeps out a set-up deleted here that the backup holds as last changed before (or at) the deletion', () => {
    const ours = withDeleted([{ clientCode: 'AB-017', deletedAt }]);
    const theirs = record(
      profile('ab-017', '2026-03-01T10:00:00.000Z'),
      profile('CD-204', deletedAt), // deleted at the very moment it was last changed: still the deleted one
    );
    const both = withDeleted(
      [
        { clientCode: 'AB-017', deletedAt },
        { clientCode: 'CD-204', deletedAt },
      ],
      profile('EF-300', '2026-03-01T10:00:00.000Z'),
    );
    const result = mergeClientProfiles(both, theirs, noErasures);
    expect(result).toEqual({ value: null, added: 0, skipped: 2, invalid: 0 });
    expect(mergeClientProfiles(ours, theirs, noErasures)).toMatchObject({ added: 1, skipped: 1 });
  });

  it('brings back a set-up the backup holds as changed after the deletion, and clears its marker', () => {
    const ours = withDeleted([{ clientCode: 'AB-017', deletedAt }]);
    const theirs = record(profile('AB-017', '2026-03-11T10:00:00.000Z', 'Set up again'));
    const result = mergeClientProfiles(ours, theirs, noErasures);
    expect(result).toMatchObject({ added: 1, skipped: 0, invalid: 0 });
    const merged = result.value as Merged;
    expect(merged.profiles.map((p) => [p.clientCode, p.usualRegion])).toEqual([['AB-017', 'Set up again']]);
    expect(merged).not.toHaveProperty('deleted');
  });

  it('takes the backup’s deletion markers, so a still older backup cannot bring those set-ups back later', () => {
    const older = record(profile('AB-017', '2026-03-01T10:00:00.000Z'));
    const newer = withDeleted([{ clientCode: 'AB-017', deletedAt }]);
    const afterNewer = mergeClientProfiles(null, newer, noErasures);
    expect(afterNewer).toMatchObject({ added: 0, skipped: 0, invalid: 0 });
    expect((afterNewer.value as Merged).deleted).toEqual([{ clientCode: 'AB-017', deletedAt }]);
    expect(mergeClientProfiles(afterNewer.value, older, noErasures)).toEqual({
      value: null,
      added: 0,
      skipped: 1,
      invalid: 0,
    });
    // The backup's own set-up and marker for one code (never written so, but read safely): the later one holds.
    expect(
      mergeClientProfiles(null, withDeleted([{ clientCode: 'AB-017', deletedAt }], ...older.profiles), noErasures),
    ).toMatchObject({ added: 0, skipped: 1 });
  });

  it('keeps ours over the backup’s marker, the later of two markers, and no marker of a client erased here since', () => {
    const ours = withDeleted(
      [{ clientCode: 'CD-204', deletedAt: '2026-03-20T00:00:00.000Z' }],
      profile('AB-017', '2026-03-01T10:00:00.000Z'),
    );
    const theirs = withDeleted([
      { clientCode: 'AB-017', deletedAt }, // deleted in the backup, still set up here: ours wins
      { clientCode: 'CD-204', deletedAt }, // an earlier deletion than ours
      { clientCode: 'EF-300', deletedAt }, // erased here after it was deleted
      { clientCode: '', deletedAt }, // unreadable: left out
    ]);
    const context = { erasedAt: (code: string) => (code === 'EF-300' ? '2026-03-15T00:00:00.000Z' : undefined) };
    expect(mergeClientProfiles(ours, theirs, context)).toEqual({ value: null, added: 0, skipped: 0, invalid: 0 });
  });

  it('reads a record or a backup from before deletion markers, and writes none when there is none', () => {
    const ours = record(profile('AB-017', '2026-03-01T10:00:00.000Z'));
    const result = mergeClientProfiles(ours, record(profile('CD-204', '2026-03-01T10:00:00.000Z')), noErasures);
    expect(result).toMatchObject({ added: 1, skipped: 0, invalid: 0 });
    expect(result.value).toEqual({ version: 1, profiles: expect.any(Array) });
  });
});
