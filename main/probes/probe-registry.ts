import { audioHeadsetBatteryProbe } from './audio-headset-battery.probe';
import { audioOutputProbe } from './audio-output.probe';
import { createComputerBackgroundTasksProbe } from './computer-background-tasks.probe';
import { computerPowerProbe } from './computer-power.probe';
import { createComputerHeadroomProbe } from './computer-headroom.probe';
import { computerSleepProbe } from './computer-sleep.probe';
import { createComputerUpdatesProbe } from './computer-updates.probe';
import { createConnectionBusyProbe } from './connection-busy.probe';
import { createConnectionQualityProbe } from './connection-quality.probe';
import { createConnectionThroughputProbe } from './connection-throughput.probe';
import { connectionTypeProbe } from './connection-type.probe';
import { connectionWifiSignalProbe } from './connection-wifi-signal.probe';
import type { QualityOptions } from './net/quality-sampler';
import type { ThroughputOptions } from './net/throughput';
import { privacyMicCameraInUseProbe } from './privacy-mic-camera-in-use.probe';
import { privacyNotificationsProbe } from './privacy-notifications.probe';
import { privacyRecordingProbe } from './privacy-recording.probe';
import { privacyVoiceAssistantsProbe } from './privacy-voice-assistants.probe';
import type { Probe } from './probe-types';
import { programsBackgroundProbe } from './programs-background.probe';
import { programsRemoteAccessProbe } from './programs-remote-access.probe';
import { securityAntivirusProbe } from './security-antivirus.probe';
import { securityDiskEncryptionProbe } from './security-disk-encryption.probe';
import { securityFirewallProbe } from './security-firewall.probe';
import { createSecurityOsSupportProbe } from './security-os-support.probe';
import { securityScreenLockProbe } from './security-screen-lock.probe';
import { securityUserAccountsProbe } from './security-user-accounts.probe';

export interface ProbeOptions {
  readonly quality?: QualityOptions;
  readonly throughput?: ThroughputOptions;
  /** How long connection.busy watches the traffic. */
  readonly busyWindowMs?: number;
  /** How long computer.headroom samples the processor. */
  readonly headroomWindowMs?: number;
  readonly now?: () => Date;
}

/** Every automatic probe, in the order of `automaticCheckIds`. Register a new probe here. */
export function createProbes(options: ProbeOptions = {}): readonly Probe[] {
  return [
    connectionTypeProbe,
    connectionWifiSignalProbe,
    createConnectionQualityProbe({ sampling: options.quality }),
    createConnectionThroughputProbe(options.throughput),
    createConnectionBusyProbe(options.busyWindowMs),
    computerPowerProbe,
    createComputerHeadroomProbe(options.headroomWindowMs),
    computerSleepProbe,
    createComputerUpdatesProbe(options.now),
    createComputerBackgroundTasksProbe(options.now),
    programsBackgroundProbe,
    programsRemoteAccessProbe,
    privacyVoiceAssistantsProbe,
    privacyMicCameraInUseProbe,
    privacyRecordingProbe,
    privacyNotificationsProbe,
    audioOutputProbe,
    audioHeadsetBatteryProbe,
    securityFirewallProbe,
    securityAntivirusProbe,
    securityDiskEncryptionProbe,
    securityScreenLockProbe,
    createSecurityOsSupportProbe(options.now),
    securityUserAccountsProbe,
  ];
}
