import { describe, expect, it } from 'vitest';

import { classifyMediaError, explainDeviceProblem } from '../../../../renderer/features/media/media-errors';

const domError = (name: string) => new DOMException('x', name);

describe('classifyMediaError', () => {
  it('maps each getUserMedia failure to what we explain', () => {
    expect(classifyMediaError(domError('NotAllowedError'))).toBe('denied');
    expect(classifyMediaError(domError('SecurityError'))).toBe('denied');
    expect(classifyMediaError(domError('NotFoundError'))).toBe('no-device');
    expect(classifyMediaError(domError('OverconstrainedError'))).toBe('no-device');
    expect(classifyMediaError(domError('NotReadableError'))).toBe('busy');
    expect(classifyMediaError(new TypeError('boom'))).toBe('error');
    expect(classifyMediaError('nonsense')).toBe('error');
  });
});

describe('explainDeviceProblem', () => {
  it('tells the user what to do for each problem', () => {
    for (const state of ['denied', 'no-device', 'busy', 'error'] as const) {
      const text = explainDeviceProblem('microphone', state);
      expect(text?.title).toMatch(/microphone/);
      expect(text?.advice).toMatch(/Try again/);
    }
  });

  it('has nothing to say when the device works', () => {
    expect(explainDeviceProblem('camera', 'live')).toBeNull();
  });
});
