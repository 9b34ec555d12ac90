import { outcome, unresolved } from './probe-kit';
import type { Probe } from './probe-types';

/**
 * Headphones keep the client from being overheard and stop echo (ACTO guidance, 2020). The name and
 * port are only a hint; the wizard's media test confirms it.
 */
export const audioOutputProbe: Probe = {
  id: 'audio.output',
  async run({ facts }) {
    const fact = await facts.audioOutput();
    if (fact.state !== 'known') return unresolved(fact, 'Could not read the sound output');
    const { name, kind } = fact.value;
    const evidence = { ...fact.evidence };
    switch (kind) {
      case 'headphones':
        return outcome('pass', `Sound goes to headphones (${name}).`, evidence);
      case 'headset':
        return outcome('pass', `Sound goes to a headset (${name}).`, evidence);
      case 'speakers':
        return outcome(
          'warn',
          `Sound goes to speakers (${name}): others in the room could hear the client. Use headphones.`,
          evidence,
        );
      case 'unclear':
        return outcome('unknown', `Sound goes to ${name}; could not tell whether these are headphones.`, evidence);
    }
  },
};
