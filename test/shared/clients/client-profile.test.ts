import { describe, expect, it } from 'vitest';

import {
  applyProfileSave,
  clientProfileInputSchema,
  clientProfilesRecord,
  maxDeletedProfiles,
  clientProfilesRecordSchema,
  maxProfileHistory,
  summarizeProfile,
} from '../../../shared/clients/client-profile';
import { sampleProfileInput } from '../../fixtures/clients/sample-profiles';

describe('client profile schema', () => {
  it('accepts a filled-in set-up and trims text', () => {
    const parsed = clientProfileInputSchema.parse({
      ...sampleProfileInput(),
      usualRegion: '  Leeds  ',
      clientCode: ' AB-017 ',
    });
    expect(parsed.usualRegion).toBe('Leeds');
    expect(parsed.clientCode).toBe('AB-017');
  });

  it.each([
    ['a country not in the list', { usualCountry: 'XX' }],
    ['a made-up time zone', { timeZone: 'Mars/Olympus' }],
    ['a phone number with letters', { backupPhone: 'call me' }],
    ['an emergency phone that is too short', { emergencyContactPhone: '12' }],
    ['a date that does not exist', { consentOnlineOn: '2026-02-30' }],
    ['a hidden character in the code word', { codeWord: 'blue\u200Bbird' }],
    ['a code word that is too long', { codeWord: 'x'.repeat(61) }],
    ['an unknown "safe to message" answer', { safeToMessage: 'maybe' }],
    ['a client code that is empty', { clientCode: '   ' }],
  ])('refuses %s', (_what, change) => {
    expect(clientProfileInputSchema.safeParse({ ...sampleProfileInput(), ...change }).success).toBe(false);
  });

  it('refuses a field it does not know (nothing stray goes into the vault)', () => {
    expect(clientProfileInputSchema.safeParse({ ...sampleProfileInput(), name: 'Jane Smith' }).success).toBe(false);
  });

  it('leaves optional details empty or null', () => {
    const bare = sampleProfileInput({ backupPhone: '', usualCountry: null, timeZone: null, identityVerifiedOn: null });
    expect(clientProfileInputSchema.safeParse(bare).success).toBe(true);
  });

  it('reads a record only in the version it knows', () => {
    const { profile } = applyProfileSave(null, sampleProfileInput(), '2026-03-01T10:00:00.000Z');
    expect(clientProfilesRecordSchema.safeParse({ version: 1, profiles: [profile] }).success).toBe(true);
    expect(clientProfilesRecordSchema.safeParse({ version: 2, profiles: [profile] }).success).toBe(false);
  });

  it('reads a record with or without deletion markers, each only a code and a time', () => {
    const marker = { clientCode: 'CD-204', deletedAt: '2026-03-10T00:00:00.000Z' };
    expect(clientProfilesRecordSchema.safeParse({ version: 1, profiles: [], deleted: [marker] }).success).toBe(true);
    expect(
      clientProfilesRecordSchema.safeParse({ version: 1, profiles: [], deleted: [{ ...marker, usualRegion: 'Leeds' }] })
        .success,
    ).toBe(false);
    expect(clientProfilesRecord([], [])).toEqual({ version: 1, profiles: [] });
  });

  it('keeps the newest deletion markers once there are more than it holds, and the record still validates', () => {
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    // Given newest first, so the kept ones are chosen by time, not by place in the list.
    const markers = Array.from({ length: maxDeletedProfiles + 5 }, (_, i) => ({
      clientCode: `D-${i}`,
      deletedAt: at(i),
    })).reverse();
    const record = clientProfilesRecord([], markers);
    expect(record.deleted).toHaveLength(maxDeletedProfiles);
    expect(record.deleted?.map((m) => m.clientCode)).not.toContain('D-4');
    expect(record.deleted?.map((m) => m.clientCode)).toContain('D-5');
    expect(record.deleted?.at(-1)?.clientCode).toBe(`D-${maxDeletedProfiles + 4}`);
    expect(clientProfilesRecordSchema.safeParse(record).success).toBe(true);
  });
});

describe('edit history', () => {
  it('the first save records "created" with the fields filled in', () => {
    const { profile, changed } = applyProfileSave(null, sampleProfileInput(), '2026-03-01T10:00:00.000Z');
    expect(profile.history).toEqual([{ at: '2026-03-01T10:00:00.000Z', kind: 'created', fields: changed }]);
    expect(changed).toContain('backupPhone');
    expect(changed).not.toContain('codeWord');
  });

  it('each later save adds a dated entry naming only the fields that changed, never their values', () => {
    const first = applyProfileSave(null, sampleProfileInput(), '2026-03-01T10:00:00.000Z').profile;
    const second = applyProfileSave(
      first,
      sampleProfileInput({ codeWord: 'PELICAN-ZX', usualRegion: 'York' }),
      '2026-03-08T10:00:00.000Z',
    );
    expect(second.changed).toEqual(['codeWord', 'usualRegion']);
    expect(second.profile.history.at(-1)).toEqual({
      at: '2026-03-08T10:00:00.000Z',
      kind: 'changed',
      fields: ['codeWord', 'usualRegion'],
    });
    expect(JSON.stringify(second.profile.history)).not.toContain('PELICAN');
    expect(JSON.stringify(second.profile.history)).not.toContain('Leeds');
    expect(second.profile.createdAt).toBe('2026-03-01T10:00:00.000Z');
    expect(second.profile.updatedAt).toBe('2026-03-08T10:00:00.000Z');
  });

  it('a save that changes nothing adds nothing', () => {
    const first = applyProfileSave(null, sampleProfileInput(), '2026-03-01T10:00:00.000Z').profile;
    const again = applyProfileSave(first, sampleProfileInput(), '2026-03-02T10:00:00.000Z');
    expect(again.changed).toEqual([]);
    expect(again.profile).toBe(first);
  });

  it('a full history keeps its first entry and the latest ones', () => {
    let profile = applyProfileSave(null, sampleProfileInput(), '2026-01-01T00:00:00.000Z').profile;
    for (let i = 0; i < maxProfileHistory + 5; i += 1) {
      const at = new Date(Date.UTC(2026, 1, 1, 0, i)).toISOString();
      profile = applyProfileSave(profile, sampleProfileInput({ usualRegion: `Region ${i}` }), at).profile;
    }
    expect(profile.history).toHaveLength(maxProfileHistory);
    expect(profile.history[0]?.kind).toBe('created');
    expect(profile.history.at(-1)?.at).toBe(profile.updatedAt);
  });

  it('a summary for lists says whether there is a code word, never what it is', () => {
    const { profile } = applyProfileSave(
      null,
      sampleProfileInput({ codeWord: 'PELICAN-ZX' }),
      '2026-03-01T10:00:00.000Z',
    );
    const summary = summarizeProfile(profile);
    expect(summary).toEqual({
      clientCode: 'AB-017',
      usualCountry: 'GB',
      timeZone: 'Europe/London',
      hasCodeWord: true,
      updatedAt: '2026-03-01T10:00:00.000Z',
    });
    expect(JSON.stringify(summary)).not.toContain('PELICAN');
  });
});

describe('stored client set-ups', () => {
  it('stay readable when one holds a time zone this runtime does not know', () => {
    const { profile } = applyProfileSave(
      null,
      { ...sampleProfileInput(), clientCode: 'AB-017' },
      '2026-06-01T10:00:00.000Z',
    );
    const stored = { version: 1, profiles: [{ ...profile, timeZone: 'Mars/Olympus_Mons' }] };
    expect(clientProfilesRecordSchema.safeParse(stored).success).toBe(true);
    // New input is still held to the zones the runtime knows.
    expect(clientProfileInputSchema.safeParse({ ...sampleProfileInput(), timeZone: 'Mars/Olympus_Mons' }).success).toBe(
      false,
    );
  });
});
