import { describe, expect, it } from 'vitest';

import { wizardSteps } from '../../../shared/catalog/catalog-types';
import { manualCatalog } from '../../../shared/catalog/manual.catalog';
import { automaticCheckIds } from '../../../shared/checks/check-ids';

const ids = manualCatalog.map((e) => e.id);
const sources = ['ACTO guidance, 2020', 'NCSC', 'ICO', 'BACP'];

describe('manualCatalog', () => {
  it('covers every confirmation and media test the wizard asks for', () => {
    expect(ids).toEqual(
      expect.arrayContaining([
        'connection.household',
        'privacy.devices-assistants',
        'room.private',
        'room.nothing-visible',
        'media.camera',
        'media.lighting',
        'media.microphone',
        'media.output',
        'audio.headphones',
        'safeguarding.client-location',
        'safeguarding.emergency-contacts',
        'safeguarding.link-private',
        'safeguarding.platform-risks',
        'safeguarding.meeting-locked',
        'safeguarding.risks-documented',
      ]),
    );
  });

  it('uses unique ids that never clash with automatic checks', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(automaticCheckIds as readonly string[]).not.toContain(id);
  });

  it('uses ids the fix-link channel accepts', () => {
    for (const id of ids) expect(id).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
  });

  it('holds only manual and media entries, in real wizard steps', () => {
    for (const entry of manualCatalog) {
      expect(['manual', 'media']).toContain(entry.kind);
      expect(wizardSteps).toContain(entry.step);
      expect(entry.step).not.toBe('summary');
    }
  });

  it('gives each manual entry a first-person statement to confirm, and media entries none', () => {
    for (const entry of manualCatalog) {
      if (entry.kind === 'manual') expect(entry.confirm).toMatch(/^(I|My|People|Phones|The|Nothing)\b.*\.$/);
      else expect(entry.confirm).toBeUndefined();
    }
  });

  it('names a known source in each why', () => {
    for (const entry of manualCatalog) {
      expect(sources).toContain(entry.source);
      expect(entry.why).toContain(`(${entry.source})`);
    }
  });

  it('offers fix steps on every OS', () => {
    for (const entry of manualCatalog) {
      expect(entry.fix.any?.steps.length ?? 0).toBeGreaterThan(0);
    }
  });

  it('keeps camera checks to video and skips microphone checks for text chat', () => {
    const byId = new Map(manualCatalog.map((e) => [e.id, e]));
    expect(byId.get('media.camera')?.modalities).toEqual(['video']);
    expect(byId.get('media.lighting')?.modalities).toEqual(['video']);
    expect(byId.get('room.nothing-visible')?.modalities).toEqual(['video']);
    expect(byId.get('media.microphone')?.modalities).not.toContain('text');
    expect(byId.get('audio.headphones')?.modalities).not.toContain('text');
  });

  it('makes the private room, the client location and a working camera blockers', () => {
    const blockers = manualCatalog.filter((e) => e.severity === 'blocker').map((e) => e.id);
    expect(blockers).toEqual(
      expect.arrayContaining(['room.private', 'safeguarding.client-location', 'media.camera', 'media.microphone']),
    );
    expect(blockers).not.toContain('media.lighting');
    expect(blockers).not.toContain('audio.headphones');
  });

  it('links only to OS settings pages', () => {
    for (const entry of manualCatalog) {
      for (const fix of Object.values(entry.fix)) {
        if (fix?.link) expect(fix.link.url).toMatch(/^(ms-settings:|x-apple\.systempreferences:)/);
      }
    }
  });
});
