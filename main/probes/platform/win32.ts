import type { JsonObject } from '../../../shared/json';
import { defaultThresholds } from '../../../shared/settings/thresholds';
import { describeExecFailure, memo, run, readHeadroom } from './exec-helpers';
import {
  parseBitLocker,
  parseNetshSignal,
  parseWindowsAntivirus,
  parseWindowsAudioOutput,
  parseWindowsBattery,
  parseWindowsFileHistory,
  parseWindowsGameCapture,
  parseWindowsHeadsets,
  parseWindowsKeepAwake,
  parseWindowsRecall,
  parseWindowsScheduledTasks,
  parseWindowsSleep,
  parseWindowsUpdates,
  parseWindowsFirewall,
  parseWindowsMediaInUse,
  parseWindowsNotifications,
  parseWindowsRemote,
  parseWindowsRoute,
  parseWindowsScreenLock,
  parseWindowsUsers,
  parseWindowsVersion,
  parseWindowsVoice,
  windowsTraffic,
} from './parsers/win32-parsers';
import { asList, asString } from './parsers/common-parsers';
import {
  known,
  unknownFact,
  type PlatformDeps,
  type PlatformFacts,
  type RecordingSignal,
  type ScheduledTask,
} from './platform-types';
import {
  parseWindowsBatch,
  powershellArgs,
  powershellPath,
  windowsBatchScript,
  type WindowsBatch,
  type WindowsBatchPart,
} from './win32-batch';

export interface Win32Options {
  /** The one PowerShell run is given this long (a cold start alone can take 1–2 s). */
  readonly batchTimeoutMs: number;
  /** Our own executables, never reported as using the microphone or camera. */
  readonly ownExeNames: readonly string[];
}

export const defaultWin32Options: Win32Options = {
  batchTimeoutMs: 8000,
  ownExeNames: ['ReadyRoom.exe', 'electron.exe'],
};

type BatchOutcome =
  { ok: true; batch: WindowsBatch; timedOut: boolean; exitedEarly: boolean } | { ok: false; reason: string };

type PartResult = { ok: true; value: unknown; ms: number } | { ok: false; reason: string; evidence: JsonObject };

/** Windows: one PowerShell run per scan gathers everything (see win32-batch.ts); the facts read its parts. */
export function createWin32Facts(deps: PlatformDeps, options: Win32Options = defaultWin32Options): PlatformFacts {
  const limitSeconds = Math.round(options.batchTimeoutMs / 100) / 10;
  const batch = memo(async (): Promise<BatchOutcome> => {
    const r = await run(deps, powershellPath(deps.env), powershellArgs, windowsBatchScript, options.batchTimeoutMs);
    const parsed = parseWindowsBatch(r.stdout);
    if (parsed.parts.size > 0) {
      return { ok: true, batch: parsed, timedOut: r.timedOut, exitedEarly: !r.ok && !r.timedOut };
    }
    if (!r.ok) return { ok: false, reason: describeExecFailure(r, 'Windows PowerShell') };
    return { ok: false, reason: 'Windows PowerShell gave an answer ReadyRoom could not read' };
  });

  /** One part of the batch, or the reason it is missing; only that part is affected. */
  const part = async (name: WindowsBatchPart): Promise<PartResult> => {
    const b = await batch();
    if (!b.ok) return { ok: false, reason: b.reason, evidence: {} };
    const entry = b.batch.parts.get(name);
    if (!entry) {
      const reason = b.timedOut
        ? `Windows did not answer this question within the ${limitSeconds} s time limit`
        : 'Windows PowerShell stopped before answering this question';
      return { ok: false, reason, evidence: { part: name, arrived: false } };
    }
    if (!entry.ok) {
      return {
        ok: false,
        reason: 'Windows did not answer this question for a signed-in user without admin rights',
        evidence: { part: name, error: entry.error },
      };
    }
    return { ok: true, value: entry.value, ms: entry.ms };
  };
  /** A part's value, or undefined when it did not arrive or failed. */
  const value = async (name: WindowsBatchPart): Promise<unknown> => {
    const p = await part(name);
    return p.ok ? p.value : undefined;
  };
  /** Why parts are missing, for the evidence of facts that combine several parts. */
  const missing = async (names: readonly WindowsBatchPart[]): Promise<JsonObject> => {
    const out: JsonObject = {};
    for (const name of names) {
      const p = await part(name);
      if (!p.ok) out[name] = p.reason;
    }
    return out;
  };

  return {
    async route() {
      const p = await part('network');
      if (!p.ok) return unknownFact(p.reason, p.evidence);
      const route = parseWindowsRoute(p.value);
      if (!route) return unknownFact('Windows did not list its network adapters and routes in a readable form');
      return known(route, { primary: route.primary?.name ?? null, kind: route.primary?.kind ?? null });
    },

    async wifi() {
      const p = await part('wifi');
      if (!p.ok) return unknownFact(p.reason, p.evidence);
      const signal = parseNetshSignal(asString(p.value) ?? '');
      if (signal.percent === null && signal.dbm === null) {
        return unknownFact(
          'Windows did not give the Wi-Fi signal; on Windows 11 24H2 and later it only does when location access is allowed for desktop apps',
        );
      }
      return known(signal, { source: 'netsh wlan', percent: signal.percent, dbm: signal.dbm, open: signal.open });
    },

    async power() {
      const p = await part('battery');
      if (!p.ok) return unknownFact(p.reason, p.evidence);
      const facts = parseWindowsBattery(p.value);
      if (!facts) return unknownFact('Windows did not say whether this computer runs on battery or mains power');
      return known(facts, { batteries: asList(p.value)?.length ?? 0 });
    },

    async networkActivity(link) {
      const [start, end] = await Promise.all([part('netStart'), part('netEnd')]);
      if (!start.ok) return unknownFact(start.reason, start.evidence);
      if (!end.ok) return unknownFact(end.reason, end.evidence);
      const windowMs = end.ms - start.ms;
      const traffic = windowsTraffic(start.value, end.value, link.name, windowMs);
      if (!traffic) return unknownFact(`Windows did not report usable traffic counters for ${link.name}`);
      return known(
        { iface: link.name, ...traffic, windowMs, topPrograms: null },
        { source: 'Get-NetAdapterStatistics' },
      );
    },

    headroom: (windowMs) => readHeadroom(deps.stats, windowMs),

    async remoteAccess() {
      const p = await part('remote');
      if (!p.ok) return unknownFact(p.reason, p.evidence);
      const r = parseWindowsRemote(p.value);
      return known(
        { ...r, listeningPorts: [] },
        { remoteDesktopEnabled: r.remoteDesktopEnabled, remoteSession: r.remoteSession },
      );
    },

    async voiceAssistants() {
      const p = await part('voice');
      if (!p.ok) return unknownFact(p.reason, p.evidence);
      const enabled = parseWindowsVoice(p.value);
      if (!enabled) return unknownFact('Windows did not report its voice-activation setting');
      return known({ enabled }, { enabled });
    },

    async mediaInUse() {
      const p = await part('mediaInUse');
      if (!p.ok) return unknownFact(p.reason, p.evidence);
      const inUse = parseWindowsMediaInUse(p.value, options.ownExeNames);
      if (!inUse) return unknownFact('Windows privacy records could not be read');
      return known(
        {
          ...inUse,
          notes: ['Based on Windows privacy records; a program that crashed can still appear as using the device.'],
        },
        { source: 'ConsentStore' },
      );
    },

    async notifications() {
      const p = await part('notifications');
      if (!p.ok) return unknownFact(p.reason, p.evidence);
      const n = parseWindowsNotifications(p.value);
      if (!n) {
        // Focus / Do Not Disturb has no readable setting; reading the old Quiet Hours value would be stale.
        return unknownFact(
          'Windows does not let other programs read whether Do Not Disturb is on. Check the bell icon next to the clock: a crossed-out bell or a moon means Do Not Disturb is on',
          { notificationsSwitchedOff: false },
        );
      }
      return known(n, { source: n.source });
    },

    async audioOutput() {
      const p = await part('audio');
      if (!p.ok) return unknownFact(p.reason, p.evidence);
      const out = parseWindowsAudioOutput(p.value);
      if (!out) return unknownFact('Windows did not report an active sound output');
      return known(out, { output: out.name, kind: out.kind, basis: out.basis });
    },

    async firewall() {
      const names = ['firewallProfiles', 'networkCategories', 'firewallRegistry', 'firewallProducts'] as const;
      const b = await batch();
      if (!b.ok) return unknownFact(b.reason);
      const [profiles, categories, registry, products] = await Promise.all(names.map((n) => value(n)));
      const fw = parseWindowsFirewall({ profiles, categories, registry, products });
      const evidence: JsonObject = {
        activeNetworks: (asList(categories) ?? []).map(String),
        unread: await missing(names),
      };
      if (!fw) return unknownFact('Windows did not report the firewall state for the network in use', evidence);
      return known(fw, { ...evidence, provider: fw.provider, offProfiles: [...fw.offProfiles] });
    },

    async antivirus() {
      const b = await batch();
      if (!b.ok) return unknownFact(b.reason);
      const [products, defender] = await Promise.all([value('antivirusProducts'), value('defender')]);
      const av = parseWindowsAntivirus(products, defender);
      const evidence: JsonObject = { unread: await missing(['antivirusProducts', 'defender']) };
      if (!av) return unknownFact('Windows Security Center did not answer (it is missing on Windows Server)', evidence);
      const { defenderStandsBack, ...facts } = av;
      if (defenderStandsBack && !facts.products.some((p) => p.enabled)) {
        return unknownFact(
          'Microsoft Defender has stepped back for another antivirus that Windows does not list, so ReadyRoom cannot tell whether that one is on and up to date',
          { ...evidence, defenderMode: 'passive' },
        );
      }
      return known(facts, evidence);
    },

    async diskEncryption() {
      const p = await part('bitlocker');
      if (!p.ok) return unknownFact(p.reason, p.evidence);
      const bl = parseBitLocker(p.value);
      if (!bl) return unknownFact('Windows did not report BitLocker for the system drive');
      return known(bl, { volume: bl.volume, state: bl.state });
    },

    async screenLock() {
      const names = ['screenSaver', 'lockPolicy', 'powercfg'] as const;
      const policy = await part('lockPolicy');
      // Whether Windows signs in by itself decides the check on its own: without it there is no answer.
      if (!policy.ok) return unknownFact(policy.reason, policy.evidence);
      const [screenSaver, lockPolicy, powercfg, battery] = await Promise.all([
        value('screenSaver'),
        value('lockPolicy'),
        value('powercfg'),
        value('battery'),
      ]);
      const power = parseWindowsBattery(battery);
      const parsed = parseWindowsScreenLock({
        screenSaver,
        lockPolicy,
        powercfg,
        onBattery: power ? (power.battery?.onBattery ?? false) : null,
        enoughMinutes: deps.screenLockEnoughMinutes ?? defaultThresholds.screenLock.warnAfterMinutes,
      });
      const unread = await missing(names);
      if (!parsed) return unknownFact('Windows did not report its screen-lock settings', { unread });
      if (parsed.state === 'unknown') return unknownFact(parsed.reason, { ...parsed.evidence, unread });
      return known(parsed.facts, parsed.evidence);
    },

    async osVersion() {
      const p = await part('os');
      if (!p.ok) return unknownFact(p.reason, p.evidence);
      const v = parseWindowsVersion(p.value);
      if (!v) return unknownFact('Windows did not report its version');
      return known(v, { build: v.build, version: v.version, edition: v.edition });
    },

    async userAccounts() {
      const [users, entra] = await Promise.all([part('users'), part('entraProfiles')]);
      if (!users.ok) return unknownFact(users.reason, users.evidence);
      if (!entra.ok) return unknownFact(entra.reason, entra.evidence);
      const parsed = parseWindowsUsers(users.value, entra.value);
      if (!parsed) return unknownFact('Windows did not list the accounts on this computer in a readable form');
      return known(parsed, { humanAccounts: parsed.humanAccounts, guestEnabled: parsed.guestEnabled });
    },
    async recording() {
      const [recallPart, capturePart] = await Promise.all([part('recall'), part('gameCapture')]);
      const signals: RecordingSignal[] = [];
      const unread: string[] = [];
      const evidence: JsonObject = {};
      const recall = recallPart.ok ? parseWindowsRecall(recallPart.value) : null;
      if (!recall) unread.push('whether Windows Recall is on');
      else {
        evidence.recall = recall.state;
        if (recall.state === 'may-be-on') {
          signals.push({
            name: 'Windows Recall',
            certainty: 'may-record',
            detail: 'has saved snapshots of your screen on this account and may still be doing so',
          });
        }
      }
      const capture = capturePart.ok ? parseWindowsGameCapture(capturePart.value) : null;
      if (!capture) unread.push('whether Xbox Game Bar is recording');
      else {
        evidence.gameBar = {
          backgroundRecording: capture.backgroundRecording,
          recorderRunning: capture.recorderRunning,
        };
        if (capture.recorderRunning) {
          signals.push({ name: 'Xbox Game Bar', certainty: 'may-record', detail: 'has its recorder running' });
        } else if (capture.backgroundRecording) {
          signals.push({
            name: 'Xbox Game Bar',
            certainty: 'may-record',
            detail: 'records the screen in the background while games run',
          });
        }
      }
      evidence.unread = await missing(['recall', 'gameCapture']);
      return known({ signals, unread }, evidence);
    },

    async updates() {
      const p = await part('updates');
      if (!p.ok) return unknownFact(p.reason, p.evidence);
      const u = parseWindowsUpdates(p.value);
      if (!u) return unknownFact('Windows Update did not report whether a restart is waiting');
      const scheduled: ScheduledTask[] = [];
      // A restart time that has long passed is a left-over value, not a plan.
      const stale = deps.now().getTime() - 12 * 3_600_000;
      if (u.restartAt !== null && u.restartAt > stale) {
        scheduled.push({
          name: 'Windows restart to finish updates',
          kind: 'restart',
          dueAt: u.restartAt,
          running: false,
          everyMinutes: null,
        });
      }
      const notes: string[] = [];
      if (u.restartNeeded && u.activeHours) {
        notes.push(
          `Windows does not restart by itself during your active hours (${u.activeHours.start}:00 to ${u.activeHours.end}:00).`,
        );
      }
      return known(
        {
          pending: u.restartNeeded ? ['a restart to finish installing Windows updates'] : [],
          restartNeeded: u.restartNeeded,
          scheduled,
          notes,
          unread: [],
        },
        {
          restartNeeded: u.restartNeeded,
          scheduledRestart: u.restartAt === null ? null : new Date(u.restartAt).toISOString(),
          activeHours: u.activeHours ? `${u.activeHours.start}-${u.activeHours.end}` : null,
          pausedUntil: u.pausedUntil,
        },
      );
    },

    async backgroundTasks() {
      const [tasksPart, historyPart] = await Promise.all([part('scheduledTasks'), part('fileHistory')]);
      const tasks: ScheduledTask[] = [];
      const unread: string[] = [];
      const scheduledTasks = tasksPart.ok ? parseWindowsScheduledTasks(tasksPart.value) : null;
      if (!scheduledTasks) unread.push('when Microsoft Defender next scans');
      for (const t of scheduledTasks ?? []) {
        tasks.push({
          name: 'Microsoft Defender scheduled scan',
          kind: 'scan',
          dueAt: t.nextRunMs,
          running: t.running,
          everyMinutes: null,
        });
      }
      const history = historyPart.ok ? parseWindowsFileHistory(historyPart.value) : null;
      if (!history) unread.push('whether File History is backing up');
      else if (history.on) {
        tasks.push({ name: 'File History backup', kind: 'backup', dueAt: null, running: false, everyMinutes: 60 });
      }
      return known(
        { tasks: tasks.filter((t) => t.running || t.dueAt !== null || t.everyMinutes !== null), unread },
        {
          defenderScan: scheduledTasks?.[0]?.nextRunMs ? new Date(scheduledTasks[0].nextRunMs).toISOString() : null,
          fileHistory: history ? history.on : null,
          unread: await missing(['scheduledTasks', 'fileHistory']),
        },
      );
    },

    async sleep() {
      const [powercfg, battery, keepAwake] = await Promise.all([
        part('powercfg'),
        value('battery'),
        value('keepAwake'),
      ]);
      if (!powercfg.ok) return unknownFact(powercfg.reason, powercfg.evidence);
      const power = parseWindowsBattery(battery);
      const onBattery = power ? (power.battery?.onBattery ?? false) : null;
      const timers = parseWindowsSleep(powercfg.value, onBattery);
      if (!timers) return unknownFact('Windows did not report when the computer goes to sleep');
      return known(
        {
          ...timers,
          powerSource: onBattery === true ? 'on battery' : onBattery === false ? 'on the charger' : 'current',
          keepAwake: parseWindowsKeepAwake(keepAwake),
        },
        { sleepMin: timers.systemSleepMinutes, displayOffMin: timers.displaySleepMinutes, onBattery },
      );
    },

    async headsets() {
      const p = await part('headsets');
      if (!p.ok) return unknownFact(p.reason, p.evidence);
      const headsets = parseWindowsHeadsets(p.value);
      if (!headsets) return unknownFact('Windows did not list its Bluetooth devices in a readable form');
      return known({ headsets }, { headsets: headsets.map((h) => ({ name: h.name, percent: h.percent })) });
    },
  };
}
