import type { ProgramRow } from '../../shared/programs/program-types';
import { listNames, outcome, unresolved } from './probe-kit';
import type { Probe } from './probe-types';

/**
 * Remote-control, screen-sharing or recording programs could let someone else see or record the
 * session; also flags remote desktop being switched on and this desktop being used remotely.
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
    const evidence = {
      programs: tools.map((r) => r.name),
      programListRead: rowsResult !== null,
      ...(fact.state === 'known' ? fact.evidence : { osSettings: fact.reason }),
    };
    const problems: string[] = [];
    if (tools.length > 0) problems.push(`${listNames(tools.map((t) => t.name))} ${tools.length === 1 ? 'is' : 'are'} running`);
    if (fact.state === 'known') {
      if (fact.value.remoteSession) problems.push('this desktop is being used from another computer');
      if (fact.value.remoteDesktopEnabled) problems.push('remote desktop or screen sharing is switched on');
    }
    if (problems.length > 0) {
      return outcome('warn', `Someone could watch or record this screen: ${problems.join('; ')}.`, evidence);
    }
    if (rowsResult === null) {
      return fact.state === 'known'
        ? outcome('unknown', 'Could not list the programs that are running.', evidence)
        : unresolved(fact, 'Could not check for remote-access programs');
    }
    return outcome('pass', 'No remote-access or screen-recording program is running.', evidence);
  },
};
