import type { ProgramRow } from '../../shared/programs/program-types';
import { listNames, lowerFirst, outcome } from './probe-kit';
import type { Probe } from './probe-types';

/**
 * Listening devices such as Alexa and Siri should be off during sessions (ACTO guidance, 2020).
 * Never a failure: phones and smart speakers are a separate, manual item.
 */
export const privacyVoiceAssistantsProbe: Probe = {
  id: 'privacy.voice-assistants',
  async run({ facts, listPrograms }) {
    const [fact, rows] = await Promise.all([
      facts.voiceAssistants(),
      listPrograms().then(
        (r): readonly ProgramRow[] | null => r,
        () => null,
      ),
    ]);
    const running = (rows ?? []).filter((r) => r.category === 'assistant').map((r) => r.name);
    const enabled = fact.state === 'known' ? fact.value.enabled : [];
    const evidence = {
      ...fact.evidence,
      enabledInSettings: [...enabled],
      running,
      settingsRead: fact.state,
      programListRead: rows !== null,
    };
    const found = [...enabled, ...running.map((n) => `${n} (running)`)];
    if (found.length > 0) {
      return outcome(
        'warn',
        `A voice assistant could be listening: ${listNames(found)}. Turn it off for the session.`,
        evidence,
      );
    }
    if (fact.state === 'unknown' || rows === null) {
      const why = fact.state === 'unknown' ? fact.reason : 'the list of running programs could not be read';
      return outcome('unknown', `Could not fully check for voice assistants: ${lowerFirst(why)}.`, evidence);
    }
    const note =
      fact.state === 'not-applicable'
        ? `${fact.reason}, and none is running.`
        : 'No voice assistant is switched on or running.';
    return outcome('pass', note, evidence);
  },
};
