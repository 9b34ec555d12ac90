import { describe, expect, it } from 'vitest';

import type { CatalogEntry } from '../../../../shared/catalog/catalog-types';
import { logSaveRequestSchema } from '../../../../shared/ipc/vault.contract';
import { buildSaveRequest, sessionInstant, type SaveInput } from '../../../../renderer/features/wizard/log-builder';

const base = { title: 't', why: 'w (NCSC).', source: 'NCSC', fix: {} } as const;
const catalog: CatalogEntry[] = [
  { ...base, id: 'connection.type', category: 'connection', step: 'connection', kind: 'automatic', severity: 'advice' },
  {
    ...base,
    id: 'connection.quality',
    category: 'connection',
    step: 'connection',
    kind: 'automatic',
    severity: 'blocker',
  },
  {
    ...base,
    id: 'room.private',
    category: 'room',
    step: 'privacy',
    kind: 'manual',
    severity: 'blocker',
    confirm: 'Private.',
  },
  {
    ...base,
    id: 'media.camera',
    category: 'media',
    step: 'media',
    kind: 'media',
    severity: 'blocker',
    modalities: ['video'],
  },
];

const input: SaveInput = {
  catalog,
  scanId: 'scan-7',
  session: {
    clientCode: '  AB-017 ',
    sessionAt: '2026-03-02T10:00',
    platform: 'zoom',
    platformHost: 'ignored.example',
    modality: 'video',
  },
  results: {
    'connection.type': {
      id: 'connection.type',
      status: 'warn',
      summary: 'Wi-Fi.',
      evidence: { type: 'wifi' },
      fix: null,
      durationMs: 12.6,
    },
    'media.camera': {
      id: 'media.camera',
      status: 'pass',
      summary: 'Picture.',
      evidence: { frames: 20 },
      fix: null,
      durationMs: 0.4,
    },
  },
  confirmations: { 'room.private': true },
  judgements: {
    'connection.type': {
      id: 'connection.type',
      kind: 'confirmed',
      note: 'On a cable really',
      at: '2026-03-02T09:54:00Z',
    },
  },
  programsClosed: [{ name: 'Dropbox', category: 'sync' }],
  note: '  Client running late.  ',
  now: new Date('2026-03-02T09:55:00Z'),
};

describe('buildSaveRequest', () => {
  it('builds a request the contract accepts, naming the scan main recorded', () => {
    const request = buildSaveRequest(input);
    expect(logSaveRequestSchema.parse(request)).toEqual(request);
    expect(request).toMatchObject({
      scanId: 'scan-7',
      session: { clientCode: 'AB-017', platform: 'zoom', modality: 'video' },
      note: 'Client running late.',
    });
    expect(request.session.platformHost).toBeUndefined();
  });

  it('sends only media results: main has its own record of the automatic checks', () => {
    expect(buildSaveRequest(input).media).toEqual([
      { id: 'media.camera', status: 'pass', summary: 'Picture.', evidence: { frames: 20 }, durationMs: 0 },
    ]);
  });

  it('sends the therapist judgements and every confirmation asked for, confirmed or not', () => {
    const request = buildSaveRequest({ ...input, confirmations: {} });
    expect(request.confirmations).toEqual([{ id: 'room.private', confirmed: false }]);
    expect(request.judgements).toEqual([input.judgements['connection.type']]);
  });

  it('leaves out items that do not apply to the session', () => {
    const request = buildSaveRequest({
      ...input,
      session: { ...input.session, modality: 'text' },
      judgements: { 'media.camera': { id: 'media.camera', kind: 'confirmed', at: '2026-03-02T09:54:00Z' } },
    });
    expect(request.media).toEqual([]);
    expect(request.judgements).toEqual([]);
  });

  it('keeps the host only for another platform', () => {
    const request = buildSaveRequest({
      ...input,
      session: { ...input.session, platform: 'other', platformHost: ' meet.example.org ' },
    });
    expect(request.session.platformHost).toBe('meet.example.org');
  });

  it('lists closed programs by name and category only', () => {
    expect(buildSaveRequest(input).programsClosed).toEqual([{ name: 'Dropbox', category: 'sync' }]);
  });
});

describe('sessionInstant', () => {
  const now = new Date('2026-03-02T09:55:00Z');
  it('turns the local time typed in into an ISO instant', () => {
    expect(sessionInstant('2026-03-02T10:00', now)).toBe(new Date('2026-03-02T10:00').toISOString());
  });

  it('falls back to now for an empty or unreadable time', () => {
    expect(sessionInstant('', now)).toBe(now.toISOString());
    expect(sessionInstant('not a date', now)).toBe(now.toISOString());
  });
});
