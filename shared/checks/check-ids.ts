/** Ids of the automatic checks. Fixed: the wizard, logs, CLI and tests refer to them. */
export const automaticCheckIds = [
  'connection.type',
  'connection.wifi-signal',
  'connection.quality',
  'connection.throughput',
  'connection.busy',
  'computer.power',
  'computer.headroom',
  'computer.sleep',
  'computer.updates',
  'computer.background-tasks',
  'programs.background',
  'programs.remote-access',
  'privacy.voice-assistants',
  'privacy.mic-camera-in-use',
  'privacy.recording',
  'privacy.notifications',
  'audio.output',
  'audio.headset-battery',
  'security.firewall',
  'security.antivirus',
  'security.disk-encryption',
  'security.screen-lock',
  'security.os-support',
  'security.user-accounts',
] as const;
export type AutomaticCheckId = (typeof automaticCheckIds)[number];

export function isAutomaticCheckId(id: string): id is AutomaticCheckId {
  return (automaticCheckIds as readonly string[]).includes(id);
}
