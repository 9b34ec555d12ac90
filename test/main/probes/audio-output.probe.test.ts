import { describe, expect, it } from 'vitest';

import { audioOutputProbe } from '../../../main/probes/audio-output.probe';
import { known, type OutputKind } from '../../../main/probes/platform/platform-types';
import { fakeFacts, probeContext } from './helpers/probe-test-kit';

describe('audio.output', () => {
  it.each([
    ['headphones', 'pass'],
    ['headset', 'pass'],
    ['speakers', 'warn'],
    ['unclear', 'unknown'],
  ] as const)('%s → %s', async (kind: OutputKind, status) => {
    const r = await audioOutputProbe.run(
      probeContext({ facts: fakeFacts({ audioOutput: async () => known({ name: 'Output', kind, basis: 'test' }) }) }),
    );
    expect(r.status).toBe(status);
  });
});
