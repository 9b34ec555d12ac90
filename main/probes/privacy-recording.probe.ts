import type { JsonObject } from '../../shared/json';
import type { ProgramRow } from '../../shared/programs/program-types';
import { programCatalog } from '../../shared/programs/programs.catalog';
import type { RecordingSignal } from './platform/platform-types';
import { listNames, lowerFirst, outcome, upperFirst } from './probe-kit';
import type { Probe } from './probe-types';

/** How sure a running recorder makes us, from its catalog entry (a command-line recorder records while it runs). */
function certaintyOf(row: ProgramRow): RecordingSignal['certainty'] {
  const entry = programCatalog.find((e) => e.category === 'recorder' && e.name === row.name);
  return entry?.records === 'running' ? 'recording' : 'may-record';
}

const isAre = (names: readonly string[]) => (names.length === 1 ? 'is' : 'are');

/**
 * Screen and sound recorders, AI note-takers and the OS's own recorders (Windows Recall, Xbox Game Bar,
 * macOS screen recording) could keep a copy of the session; NCSC asks that calls are not recorded without
 * agreement. "Recording now" fails; "running and may record" warns, since an open recorder is not proof of a
 * recording. A pass needs the program list and every OS recorder this computer has to have been read.
 */
export const privacyRecordingProbe: Probe = {
  id: 'privacy.recording',
  async run({ listPrograms, facts }) {
    const [rows, fact] = await Promise.all([
      listPrograms().then(
        (r): readonly ProgramRow[] | null => r,
        () => null,
      ),
      facts.recording(),
    ]);
    const recorders = (rows ?? []).filter((r) => r.category === 'recorder');
    const programsNow = recorders.filter((r) => certaintyOf(r) === 'recording').map((r) => r.name);
    const programsMay = recorders.filter((r) => certaintyOf(r) === 'may-record').map((r) => r.name);
    const signals = fact.state === 'known' ? fact.value.signals : [];
    const unread: string[] = [];
    if (rows === null) unread.push('the list of running programs');
    if (fact.state === 'known') unread.push(...fact.value.unread);
    else if (fact.state === 'unknown') unread.push(`the OS's own recorders (${lowerFirst(fact.reason)})`);

    const recordingNow = [...programsNow, ...signals.filter((s) => s.certainty === 'recording').map((s) => s.name)];
    const mayRecord = [...programsMay, ...signals.filter((s) => s.certainty === 'may-record').map((s) => s.name)];
    const evidence: JsonObject = {
      recordingNow,
      mayRecord,
      programListRead: rows !== null,
      ...(fact.state === 'known' ? fact.evidence : { osRecorders: fact.reason }),
      unread,
    };

    const parts: string[] = [];
    if (programsNow.length > 0) parts.push(`${listNames(programsNow)} ${isAre(programsNow)} recording right now`);
    for (const s of signals.filter((x) => x.certainty === 'recording')) parts.push(`${s.name} ${s.detail}`);
    if (programsMay.length > 0)
      parts.push(`${listNames(programsMay)} ${isAre(programsMay)} running and may record the session`);
    for (const s of signals.filter((x) => x.certainty === 'may-record')) parts.push(`${s.name} ${s.detail}`);
    const list = parts.join('; ');
    const tail = unread.length > 0 ? ` ReadyRoom could not check ${listNames(unread, 3)}.` : '';

    if (recordingNow.length > 0) {
      return outcome(
        'fail',
        `${upperFirst(list)}. Stop the recording before the session unless your client agreed to it.${tail}`,
        evidence,
      );
    }
    if (parts.length > 0) {
      const them = parts.length === 1 && mayRecord.length === 1 ? 'it' : 'them';
      return outcome(
        'warn',
        `${upperFirst(list)}. Close or pause ${them} unless your client agreed to a recording.${tail}`,
        evidence,
      );
    }
    if (unread.length > 0) {
      return outcome(
        'unknown',
        `Could not fully check for recorders: ReadyRoom could not read ${listNames(unread, 3)}.`,
        evidence,
      );
    }
    return outcome(
      'pass',
      'No recorder or note-taker that ReadyRoom knows is running, and the computer’s own recorders are off. Note-takers inside the video platform are on your checklist.',
      evidence,
    );
  },
};
