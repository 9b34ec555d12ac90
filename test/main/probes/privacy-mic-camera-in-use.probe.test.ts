import { describe, expect, it } from 'vitest';

import { known, type MediaInUseFacts } from '../../../main/probes/platform/platform-types';
import { privacyMicCameraInUseProbe } from '../../../main/probes/privacy-mic-camera-in-use.probe';
import { fakeFacts, probeContext } from './helpers/probe-test-kit';

const run = (m: MediaInUseFacts) =>
  privacyMicCameraInUseProbe.run(probeContext({ facts: fakeFacts({ mediaInUse: async () => known(m) }) }));

describe('privacy.mic-camera-in-use', () => {
  it('passes when both are free', async () => {
    expect((await run({ microphone: [], camera: [], notes: [] })).status).toBe('pass');
  });

  it('warns, naming the programs', async () => {
    const r = await run({ microphone: ['Zoom.exe'], camera: ['cheese'], notes: [] });
    expect(r.status).toBe('warn');
    expect(r.summary).toContain('the microphone (Zoom.exe) and the camera (cheese)');
  });

  it('is unknown when one of them could not be read and the other is free', async () => {
    const r = await run({ microphone: null, camera: [], notes: ['Microphone: pactl is not available'] });
    expect(r.status).toBe('unknown');
    expect(r.summary).toContain('microphone');
  });
});
