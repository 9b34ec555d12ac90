import { listNames, outcome, sentence, unresolved } from './probe-kit';
import type { Probe } from './probe-types';

/** Another program holding the microphone or camera could be listening in, or block the video app. */
export const privacyMicCameraInUseProbe: Probe = {
  id: 'privacy.mic-camera-in-use',
  async run({ facts }) {
    const fact = await facts.mediaInUse();
    if (fact.state !== 'known') return unresolved(fact, 'Could not check the microphone and camera');
    const { microphone, camera, notes } = fact.value;
    const evidence = {
      ...fact.evidence,
      microphone: microphone ? [...microphone] : null,
      camera: camera ? [...camera] : null,
      notes: [...notes],
    };
    const parts: string[] = [];
    if (microphone && microphone.length > 0) parts.push(`the microphone (${listNames(microphone)})`);
    if (camera && camera.length > 0) parts.push(`the camera (${listNames(camera)})`);
    if (parts.length > 0) {
      return outcome(
        'warn',
        `Another program is using ${parts.join(' and ')}. Close it unless you started it on purpose.`,
        evidence,
      );
    }
    if (microphone === null || camera === null) {
      const which =
        microphone === null && camera === null ? 'microphone or camera' : microphone === null ? 'microphone' : 'camera';
      const why = notes[0]?.replace(/^(Microphone|Camera): /, '');
      return outcome(
        'unknown',
        sentence(`Could not tell whether another program is using the ${which}${why ? `: ${why}` : ''}`),
        evidence,
      );
    }
    return outcome('pass', 'No other program is using the microphone or camera.', evidence);
  },
};
