import { describe, expect, it } from 'vitest';

import type { CatalogEntry } from '../../../../shared/catalog/catalog-types';
import { newReadinessLogSchema } from '../../../../shared/logs/readiness-log';
import { buildReadinessLog, sessionInstant, type LogInput } from '../../../../renderer/features/wizard/log-builder';

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

const input: LogInput = {
  catalog,
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
    'connection.quality': {
      id: 'connection.quality',
      status: 'pass',
      summary: 'Good.',
      evidence: {},
      fix: null,
      durationMs: 800,
    },
  },
  confirmations: { 'room.private': true },
  programsClosed: [{ name: 'Dropbox', category: 'sync' }],
  note: '  Client running late.  ',
  now: new Date('2026-03-02T09:55:00Z'),
};

describe('buildReadinessLog', () => {
  it('builds a log the vault schema accepts', () => {
    const log = buildReadinessLog(input);
    expect(newReadinessLogSchema.safeParse(log).success).toBe(true);
    expect(log).toMatchObject({
      clientCode: 'AB-017',
      platform: 'zoom',
      modality: 'video',
      note: 'Client running late.',
    });
    expect(log.platformHost).toBeUndefined();
  });

  it('records an applicable check without a result as unknown rather than leaving it out', () => {
    const log = buildReadinessLog(input);
    expect(log.checks.find((c) => c.id === 'media.camera')).toMatchObject({ status: 'unknown' });
    expect(log.outcome).toBe('not-ready');
  });

  it('records every confirmation asked for, confirmed or not', () => {
    const log = buildReadinessLog({ ...input, confirmations: {} });
    expect(log.confirmations).toEqual([{ id: 'room.private', confirmed: false }]);
  });

  it('leaves out checks that do not apply and derives the outcome from the same rules', () => {
    const log = buildReadinessLog({ ...input, session: { ...input.session, modality: 'text' } });
    expect(log.checks.map((c) => c.id)).toEqual(['connection.type', 'connection.quality']);
    expect(log.outcome).toBe('ready-with-advice');
  });

  it('keeps the host only for another platform', () => {
    const log = buildReadinessLog({
      ...input,
      session: { ...input.session, platform: 'other', platformHost: ' meet.example.org ' },
    });
    expect(log.platformHost).toBe('meet.example.org');
  });

  it('lists closed programs by name and category only', () => {
    expect(buildReadinessLog(input).programsClosed).toEqual([{ name: 'Dropbox', category: 'sync' }]);
  });

  it('rounds durations and keeps evidence', () => {
    expect(buildReadinessLog(input).checks[0]).toEqual({
      id: 'connection.type',
      status: 'warn',
      summary: 'Wi-Fi.',
      evidence: { type: 'wifi' },
      durationMs: 13,
    });
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
