import { describe, expect, it, vi } from 'vitest';

import { wizardSteps } from '../../../../shared/catalog/catalog-types';
import {
  nextStep,
  previousStep,
  stepCopy,
  stepEntries,
  visibleSteps,
} from '../../../../renderer/features/wizard/wizard-steps';

vi.mock('../../../../shared/catalog/automatic.catalog', async () => ({
  automaticCatalog: (await import('./test-catalog')).testAutomaticCatalog,
}));

describe('visibleSteps', () => {
  it('walks every step for a video session', () => {
    expect(visibleSteps('video')).toEqual(wizardSteps);
  });

  it('skips the camera and microphone step for text chat', () => {
    expect(visibleSteps('text')).not.toContain('media');
    expect(nextStep('privacy', 'text')).toBe('security');
    expect(previousStep('security', 'text')).toBe('privacy');
  });

  it('has no step before the first or after the summary', () => {
    expect(previousStep('session', 'video')).toBeNull();
    expect(nextStep('summary', 'video')).toBeNull();
  });
});

describe('stepEntries', () => {
  it('takes a step’s items from the catalog and sets aside those the modality does not need', () => {
    const video = stepEntries('media', 'video');
    expect(video.shown.map((e) => e.id)).toEqual(expect.arrayContaining(['media.camera', 'media.microphone']));
    const audio = stepEntries('media', 'audio');
    expect(audio.shown.map((e) => e.id)).not.toContain('media.camera');
    expect(audio.notNeeded.map((e) => e.id)).toContain('media.camera');
  });
});

describe('stepEntries order', () => {
  it('puts hands-on tests first and confirmations last', () => {
    const kinds = stepEntries('media', 'video').shown.map((e) => e.kind);
    const firstManual = kinds.indexOf('manual');
    expect(firstManual).toBeGreaterThan(0);
    expect(kinds.slice(firstManual).every((k) => k === 'manual')).toBe(true);
    expect(kinds[0]).toBe('media');
  });
});

describe('stepCopy', () => {
  it('titles every step', () => {
    for (const step of wizardSteps) expect(stepCopy[step].title.length).toBeGreaterThan(3);
  });
});
