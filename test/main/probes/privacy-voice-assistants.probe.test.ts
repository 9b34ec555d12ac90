import { describe, expect, it } from 'vitest';

import { known, notApplicable, unknownFact } from '../../../main/probes/platform/platform-types';
import { privacyVoiceAssistantsProbe } from '../../../main/probes/privacy-voice-assistants.probe';
import { fakeFacts, probeContext, row } from './helpers/probe-test-kit';

describe('privacy.voice-assistants', () => {
  it('warns (never fails) when an assistant is switched on', async () => {
    const r = await privacyVoiceAssistantsProbe.run(
      probeContext({ facts: fakeFacts({ voiceAssistants: async () => known({ enabled: ['Siri'] }) }) }),
    );
    expect(r.status).toBe('warn');
  });

  it('warns when an assistant program is running', async () => {
    const r = await privacyVoiceAssistantsProbe.run(
      probeContext({
        facts: fakeFacts({ voiceAssistants: async () => known({ enabled: [] }) }),
        listPrograms: async () => [row('Alexa', 'assistant')],
      }),
    );
    expect(r).toMatchObject({ status: 'warn', evidence: { running: ['Alexa'] } });
  });

  it('passes on Linux with nothing running, saying why', async () => {
    const r = await privacyVoiceAssistantsProbe.run(
      probeContext({
        facts: fakeFacts({ voiceAssistants: async () => notApplicable('Linux has no built-in voice assistant') }),
      }),
    );
    expect(r.status).toBe('pass');
    expect(r.summary).toContain('Linux');
  });

  it('is unknown when the setting cannot be read and nothing is running', async () => {
    const r = await privacyVoiceAssistantsProbe.run(
      probeContext({ facts: fakeFacts({ voiceAssistants: async () => unknownFact('Key missing') }) }),
    );
    expect(r.status).toBe('unknown');
  });

  it('keeps the capital of a name that starts the reason ("Windows", not "windows")', async () => {
    const r = await privacyVoiceAssistantsProbe.run(
      probeContext({
        facts: fakeFacts({ voiceAssistants: async () => unknownFact('Windows PowerShell stopped before answering') }),
      }),
    );
    expect(r.summary).toBe('Could not fully check for voice assistants: Windows PowerShell stopped before answering.');
  });
});
