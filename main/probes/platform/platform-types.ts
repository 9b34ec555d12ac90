import type { JsonObject } from '../../../shared/json';
import type { ExecFn } from '../../platform/exec';
import type { SystemInfo } from '../system-info';

/**
 * What a per-OS module found out. `unknown` carries the reason in plain English;
 * `not-applicable` means the question does not arise on this OS (e.g. no built-in voice assistant).
 */
export type Fact<T> =
  | { readonly state: 'known'; readonly value: T; readonly evidence: JsonObject }
  | { readonly state: 'unknown'; readonly reason: string; readonly evidence: JsonObject }
  | { readonly state: 'not-applicable'; readonly reason: string; readonly evidence: JsonObject };

export const known = <T>(value: T, evidence: JsonObject = {}): Fact<T> => ({ state: 'known', value, evidence });
export const unknownFact = (reason: string, evidence: JsonObject = {}): Fact<never> => ({
  state: 'unknown',
  reason,
  evidence,
});
export const notApplicable = (reason: string, evidence: JsonObject = {}): Fact<never> => ({
  state: 'not-applicable',
  reason,
  evidence,
});

export type LinkKind = 'wired' | 'wifi' | 'cellular' | 'vpn' | 'other';

export interface LinkInfo {
  /** OS interface name, e.g. "eth0", "en0", "Wi-Fi". */
  readonly name: string;
  readonly kind: LinkKind;
}

export interface RouteFacts {
  /** The interface that carries the default route; null when there is none (offline). */
  readonly primary: LinkInfo | null;
  /** The physical link underneath when the primary is a VPN; otherwise the primary itself; null when unclear. */
  readonly physical: LinkInfo | null;
}

export interface WifiFacts {
  /** Received signal strength in dBm, when the OS gives it. */
  readonly dbm: number | null;
  /** Signal quality 0–100 % (Windows, NetworkManager). */
  readonly percent: number | null;
  /** True on a network without a password. */
  readonly open: boolean | null;
}

export interface PowerFacts {
  /** null: this computer has no battery. */
  readonly battery: null | { readonly percent: number | null; readonly onBattery: boolean };
}

export interface NetworkActivityFacts {
  readonly iface: string;
  readonly rxBytesPerSec: number;
  readonly txBytesPerSec: number;
  readonly windowMs: number;
  /** Programs moving the most data, where the OS tells (null when it does not). */
  readonly topPrograms: readonly { readonly name: string; readonly bytesPerSec: number }[] | null;
}

export interface HeadroomFacts {
  readonly cpuBusyPercent: number;
  readonly cores: number;
  readonly memTotalBytes: number;
  readonly memAvailableBytes: number;
}

export interface RemoteAccessFacts {
  /** Remote Desktop (Windows) or Screen Sharing (macOS) accepts connections. */
  readonly remoteDesktopEnabled: boolean | null;
  /** This desktop itself is being used over a remote session. */
  readonly remoteSession: boolean | null;
  /** Local ports of remote-desktop services that are listening (22, 3389, 5900…). */
  readonly listeningPorts: readonly number[];
}

export interface VoiceAssistantFacts {
  /** Assistants switched on in the OS settings, e.g. "Siri (listening for “Hey Siri”)". */
  readonly enabled: readonly string[];
}

export interface MediaInUseFacts {
  /** Program names holding the microphone; null when it cannot be read. */
  readonly microphone: readonly string[] | null;
  readonly camera: readonly string[] | null;
  /** Why a part could not be read, in plain English. */
  readonly notes: readonly string[];
}

export interface NotificationFacts {
  readonly doNotDisturb: boolean;
  /** Which setting told us, for the evidence. */
  readonly source: string;
}

export type OutputKind = 'headphones' | 'headset' | 'speakers' | 'unclear';

export interface AudioOutputFacts {
  readonly name: string;
  readonly kind: OutputKind;
  /** What the guess rests on, e.g. "port type headphones". */
  readonly basis: string;
}

export interface FirewallFacts {
  /** 'partly': on for the network in use but off for another kind of network. */
  readonly state: 'on' | 'off' | 'partly';
  /** What provides it, e.g. "Windows Firewall", "ufw", "Norton Security". */
  readonly provider: string;
  readonly offProfiles: readonly string[];
}

export interface AntivirusProduct {
  readonly name: string;
  readonly enabled: boolean;
  /** null when the OS does not say. */
  readonly upToDate: boolean | null;
  readonly definitionsAgeDays: number | null;
}

export interface AntivirusFacts {
  readonly products: readonly AntivirusProduct[];
  /** Protection that cannot be switched off (macOS XProtect): never a failure, at worst a warning. */
  readonly builtInAlwaysOn: boolean;
  readonly warnings: readonly string[];
}

export interface DiskEncryptionFacts {
  /**
   * 'partial': only the home folder is encrypted, not the system drive. 'waiting': encrypted but the key is
   * still stored in the clear (BitLocker). 'pending': set to switch on at the next restart or sign-in (FileVault).
   */
  readonly state:
    'on' | 'off' | 'partial' | 'encrypting' | 'decrypting' | 'suspended' | 'locked' | 'waiting' | 'pending';
  readonly method: string;
  /** The system volume that was checked, e.g. "C:", "/". */
  readonly volume: string;
  readonly warnings: readonly string[];
}

export interface ScreenLockFacts {
  /** Minutes of idle time before a password is needed; null when it never locks by itself. */
  readonly lockAfterMinutes: number | null;
  /** The screen only turns off (no password) after this many minutes. */
  readonly displayOffMinutes: number | null;
  /** Signs in without a password at start-up. */
  readonly autoLogin: boolean;
  /** Locking has been disabled outright (Windows policy). */
  readonly lockDisabled: boolean;
  readonly mechanism: string;
}

export interface OsVersionFacts {
  readonly family: 'windows' | 'macos' | 'linux';
  /** Human name, e.g. "Windows 11 24H2", "macOS 15.6.1", "Ubuntu 24.04.2 LTS". */
  readonly name: string;
  readonly version: string;
  readonly build: number | null;
  readonly edition: string | null;
  /** os-release ID on Linux. */
  readonly distroId: string | null;
}

export interface UserAccountFacts {
  readonly humanAccounts: number;
  /** null: could not tell whether a guest account is on. */
  readonly guestEnabled: boolean | null;
}

/** Something the OS itself does that records the screen (Windows Recall, Game Bar, macOS screen recording). */
export interface RecordingSignal {
  /** Plain name, e.g. "Windows Recall". */
  readonly name: string;
  /** `recording`: it is recording now; `may-record`: it is switched on and may be recording. */
  readonly certainty: 'recording' | 'may-record';
  /** One plain sentence, e.g. "saves snapshots of your screen every few seconds". */
  readonly detail: string;
}

export interface RecordingFacts {
  readonly signals: readonly RecordingSignal[];
  /** Parts that could not be read, in plain words ("whether Windows Recall is on"). */
  readonly unread: readonly string[];
}

/** A task the OS has planned: an update, a restart, a backup or a scan. */
export interface ScheduledTask {
  /** Plain name, e.g. "Windows restart to finish updates", "Time Machine backup". */
  readonly name: string;
  readonly kind: 'restart' | 'install' | 'download' | 'backup' | 'scan' | 'maintenance';
  /** When it is due next, ms since the epoch; null when the OS does not say. */
  readonly dueAt: number | null;
  /** Running right now. */
  readonly running: boolean;
  /** For tasks that repeat (hourly backups): every this many minutes. */
  readonly everyMinutes: number | null;
}

export interface UpdateFacts {
  /** What is waiting to be installed or finished, in plain words; empty: nothing. */
  readonly pending: readonly string[];
  /** The pending updates need a restart to finish. */
  readonly restartNeeded: boolean;
  /** Restarts and installs the OS has planned. */
  readonly scheduled: readonly ScheduledTask[];
  /** Extra context for the summary, e.g. "Windows will not restart by itself between 8:00 and 17:00". */
  readonly notes: readonly string[];
  readonly unread: readonly string[];
}

export interface BackgroundTaskFacts {
  readonly tasks: readonly ScheduledTask[];
  readonly unread: readonly string[];
}

export interface SleepFacts {
  /** Idle minutes before the computer sleeps on the power source in use; null: never. */
  readonly systemSleepMinutes: number | null;
  /** Idle minutes before the screen turns off; null: never or not told. */
  readonly displaySleepMinutes: number | null;
  /** Which settings these are: "on the charger", "on battery", "current". */
  readonly powerSource: string;
  /** How to keep this computer awake for one session, when it has a way; null when none is known. */
  readonly keepAwake: string | null;
}

export interface HeadsetBattery {
  readonly name: string;
  /** The lowest charge of its parts (both earbuds), 0–100; null when it does not report one. */
  readonly percent: number | null;
}

export interface HeadsetFacts {
  /** Wireless headsets and headphones connected now. */
  readonly headsets: readonly HeadsetBattery[];
}

/** The questions each OS module answers; one implementation per OS, created once per scan. */
export interface PlatformFacts {
  route(): Promise<Fact<RouteFacts>>;
  wifi(link: LinkInfo): Promise<Fact<WifiFacts>>;
  power(): Promise<Fact<PowerFacts>>;
  networkActivity(link: LinkInfo, windowMs: number): Promise<Fact<NetworkActivityFacts>>;
  headroom(windowMs: number): Promise<Fact<HeadroomFacts>>;
  remoteAccess(): Promise<Fact<RemoteAccessFacts>>;
  voiceAssistants(): Promise<Fact<VoiceAssistantFacts>>;
  mediaInUse(): Promise<Fact<MediaInUseFacts>>;
  notifications(): Promise<Fact<NotificationFacts>>;
  audioOutput(): Promise<Fact<AudioOutputFacts>>;
  firewall(): Promise<Fact<FirewallFacts>>;
  antivirus(): Promise<Fact<AntivirusFacts>>;
  diskEncryption(): Promise<Fact<DiskEncryptionFacts>>;
  screenLock(): Promise<Fact<ScreenLockFacts>>;
  osVersion(): Promise<Fact<OsVersionFacts>>;
  userAccounts(): Promise<Fact<UserAccountFacts>>;
  recording(): Promise<Fact<RecordingFacts>>;
  updates(): Promise<Fact<UpdateFacts>>;
  backgroundTasks(): Promise<Fact<BackgroundTaskFacts>>;
  sleep(): Promise<Fact<SleepFacts>>;
  headsets(): Promise<Fact<HeadsetFacts>>;
}

/** Read-only file access, so per-OS modules can be tested with fixtures. Never throws. */
export interface HostFiles {
  readText(path: string): Promise<string | null>;
  listDir(path: string): Promise<readonly string[] | null>;
  exists(path: string): Promise<boolean>;
  /** Modification time in ms since the epoch, or null. */
  mtimeMs(path: string): Promise<number | null>;
}

/** CPU and memory figures; Node's `os` in production. */
export interface HostStats {
  /** Percentage of CPU time busy over the window, across all cores. */
  cpuBusyPercent(windowMs: number): Promise<number>;
  cores(): number;
  memory(): Promise<{ readonly totalBytes: number; readonly availableBytes: number }>;
}

export interface PlatformDeps {
  readonly exec: ExecFn;
  readonly files: HostFiles;
  readonly stats: HostStats;
  readonly systemInfo: SystemInfo;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homeDir: string;
  /** Our own process ids, never reported as "using the microphone". */
  readonly ownPids: readonly number[];
  /** Each command is killed after this long. */
  readonly commandTimeoutMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => Date;
  /**
   * The screen-lock delay (minutes) the check counts as good enough: the therapist's limit from
   * Settings. A lock this soon cannot be made worse by settings Windows did not report.
   */
  readonly screenLockEnoughMinutes?: number;
}
