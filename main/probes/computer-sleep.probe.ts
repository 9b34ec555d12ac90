import { outcome, plural, unresolved } from './probe-kit';
import type { Probe } from './probe-types';

/**
 * A computer that sleeps after fewer idle minutes than a session lasts can drop the call, most often in
 * audio-only sessions where nobody touches it. Only system sleep counts against it: the screen turning off
 * soon is what the screen-lock check asks for, and call apps keep the screen on during video.
 */
export const computerSleepProbe: Probe = {
  id: 'computer.sleep',
  async run({ facts, settings }) {
    const fact = await facts.sleep();
    if (fact.state !== 'known') return unresolved(fact, 'Could not read the sleep settings');
    const { systemSleepMinutes, displaySleepMinutes, powerSource, keepAwake } = fact.value;
    const session = settings.sessionMinutes;
    const evidence = {
      ...fact.evidence,
      systemSleepMinutes,
      displaySleepMinutes,
      powerSource,
      sessionMinutes: session,
      keepAwake,
    };
    const source = powerSource === 'current' ? '' : ` ${powerSource}`;
    const awake = keepAwake ? ` For one session, ${keepAwake}.` : '';
    if (systemSleepMinutes !== null && systemSleepMinutes < session) {
      return outcome(
        'warn',
        `This computer goes to sleep after ${plural(systemSleepMinutes, 'minute')} without use${source}, less than your ${session}-minute sessions. Video calls usually keep it awake, but an audio-only call may not.${awake}`,
        evidence,
      );
    }
    const screen =
      displaySleepMinutes !== null && displaySleepMinutes < session
        ? ` The screen turns off after ${plural(displaySleepMinutes, 'minute')} without use, which keeps it private; call apps keep it on during video.`
        : '';
    const stays =
      systemSleepMinutes === null
        ? `never goes to sleep by itself${source}`
        : `sleeps only after ${plural(systemSleepMinutes, 'minute')} without use${source}, longer than your ${session}-minute sessions`;
    return outcome('pass', `This computer ${stays}.${screen}`, evidence);
  },
};
