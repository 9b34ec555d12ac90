import { unknownFact, type PlatformFacts } from './platform-types';

/** Any OS other than Windows, macOS and Linux: every question is honestly unanswered. */
export function createUnsupportedFacts(os: string): PlatformFacts {
  const reason = `ReadyRoom does not know how to check this on ${os}`;
  const no = async () => unknownFact(reason);
  return {
    route: no,
    wifi: no,
    power: no,
    networkActivity: no,
    headroom: no,
    remoteAccess: no,
    voiceAssistants: no,
    mediaInUse: no,
    notifications: no,
    audioOutput: no,
    firewall: no,
    antivirus: no,
    diskEncryption: no,
    screenLock: no,
    osVersion: no,
    userAccounts: no,
    recording: no,
    updates: no,
    backgroundTasks: no,
    sleep: no,
    headsets: no,
  };
}
