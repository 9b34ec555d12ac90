import { describe, expect, it } from 'vitest';

import { known, unknownFact, type RecordingFacts } from '../../../main/probes/platform/platform-types';
import { privacyRecordingProbe } from '../../../main/probes/privacy-recording.probe';
import type { ProgramRow } from '../../../shared/programs/program-types';
import { fakeFacts, probeContext, row } from './helpers/probe-test-kit';

const none: RecordingFacts = { signals: [], unread: [] };
const run = (
  rows: readonly ProgramRow[] | 'unreadable',
  recording: ReturnType<typeof known<RecordingFacts>> | ReturnType<typeof unknownFact> = known(none),
) =>
  privacyRecordingProbe.run(
    probeContext({
      facts: fakeFacts({ recording: async () => recording }),
      listPrograms: async () => {
        if (rows === 'unreadable') throw new Error('no process list');
        return rows;
      },
    }),
  );

describe('privacy.recording', () => {
  it('warns that an app which may record is running, naming it as the issue asks', async () => {
    const result = await run([row('Otter', 'recorder'), row('Dropbox', 'sync')]);
    expect(result.status).toBe('warn');
    expect(result.summary).toMatch(/^Otter is running and may record the session\. Close or pause it unless/);
    expect(result.evidence).toMatchObject({ mayRecord: ['Otter'], recordingNow: [] });
  });

  it('fails when a recorder that records while it runs is running, and keeps its lower-case name', async () => {
    const result = await run([row('arecord (sound recorder)', 'recorder'), row('OBS Studio', 'recorder')]);
    expect(result.status).toBe('fail');
    expect(result.summary).toMatch(/^arecord \(sound recorder\) is recording right now; OBS Studio is running and may/);
  });

  it("fails on the OS's own recording in progress and warns on a recorder that is switched on", async () => {
    const recordingNow = await run(
      [],
      known({
        signals: [{ name: 'A macOS screen recording', certainty: 'recording', detail: 'is in progress' }],
        unread: [],
      }),
    );
    expect(recordingNow.status).toBe('fail');
    expect(recordingNow.summary).toContain('A macOS screen recording is in progress');
    const recall = await run(
      [],
      known({
        signals: [{ name: 'Windows Recall', certainty: 'may-record', detail: 'has saved snapshots of your screen' }],
        unread: [],
      }),
    );
    expect(recall.status).toBe('warn');
    expect(recall.summary).toContain('Windows Recall has saved snapshots of your screen');
  });

  it('still reports what it found when part of the computer could not be read, and says what', async () => {
    const result = await run(
      [row('Loom', 'recorder')],
      known({ signals: [], unread: ['whether Windows Recall is on'] }),
    );
    expect(result.status).toBe('warn');
    expect(result.summary).toContain('ReadyRoom could not check whether Windows Recall is on');
  });

  it('is unknown, never pass, when the program list or an OS recorder could not be read', async () => {
    expect((await run('unreadable')).status).toBe('unknown');
    expect((await run([], known({ signals: [], unread: ['whether Xbox Game Bar is recording'] }))).status).toBe(
      'unknown',
    );
    expect((await run([], unknownFact('PowerShell did not answer'))).status).toBe('unknown');
  });

  it('passes only when the program list and the OS recorders were read and nothing records', async () => {
    const result = await run([row('Dropbox', 'sync'), row('TeamViewer', 'remote-access')]);
    expect(result.status).toBe('pass');
    expect(result.summary).toContain('Note-takers inside the video platform are on your checklist');
  });
});
