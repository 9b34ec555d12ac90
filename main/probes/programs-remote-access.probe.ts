import type { ProgramRow } from '../../shared/programs/program-types';
import { listNames, lowerFirst, outcome } from './probe-kit';
import type { Probe } from './probe-types';

/**
 * Remote-control or screen-sharing programs could let someone else see the session (recorders are
 * privacy.recording's); also flags remote desktop being switched on and this desktop being used remotely.
 * Passes only when the program list and both OS settings were actually read.
 */
export const programsRemoteAccessProbe: Probe = {
  id: 'programs.remote-access',
  async run({ listPrograms, facts }) {
    const [rowsResult, fact] = await Promise.all([
      listPrograms().then(
        (rows): readonly ProgramRow[] | null => rows,
        () => null,
      ),
      facts.remoteAccess(),
    ]);
    const tools = (rowsResult ?? []).filter((r) => r.category === 'remote-access');
    const problems: string[] = [];
    if (tools.length > 0) {
      problems.push(`${listNames(tools.map((t) => t.name))} ${tools.length === 1 ? 'is' : 'are'} running`);
    }
    const unread: string[] = [];
    if (rowsResult === null) unread.push('the list of running programs');
    if (fact.state === 'known') {
      const { remoteSession, remoteDesktopEnabled } = fact.value;
      if (remoteSession === true) problems.push('this desktop is being used from another computer');
      if (remoteDesktopEnabled === true) problems.push('remote desktop or screen sharing is switched on');
      if (remoteDesktopEnabled === null) unread.push('whether remote desktop or screen sharing is switched on');
      if (remoteSession === null) unread.push('whether this desktop is being used from another computer');
    } else {
      unread.push(`the remote-access settings (${lowerFirst(fact.reason)})`);
    }
    const evidence = {
      programs: tools.map((r) => r.name),
      programListRead: rowsResult !== null,
      ...(fact.state === 'known' ? fact.evidence : { osSettings: fact.reason }),
      unread,
    };
    if (problems.length > 0) {
      return outcome('warn', `Someone could watch or record this screen: ${problems.join('; ')}.`, evidence);
    }
    if (unread.length > 0) {
      return outcome(
        'unknown',
        `Could not fully check for remote access: ReadyRoom could not read ${listNames(unread, 3)}.`,
        evidence,
      );
    }
    return outcome('pass', 'No remote-access program is running, and remote desktop is off.', evidence);
  },
};
