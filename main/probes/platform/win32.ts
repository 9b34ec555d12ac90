import type { JsonObject } from '../../../shared/json';
import { describeExecFailure, memo, run, readHeadroom } from './exec-helpers';
import {
  parseBitLocker,
  parseNetshSignal,
  parseWindowsAntivirus,
  parseWindowsAudioOutput,
  parseWindowsBattery,
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
import { asArray, asNumber, asString } from './parsers/common-parsers';
import { known, unknownFact, type PlatformDeps, type PlatformFacts } from './platform-types';
import {
  parseWindowsBatch,
  powershellArgs,
  powershellPath,
  windowsBatchScript,
  type WindowsBatch,
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

type BatchOutcome = { ok: true; batch: WindowsBatch } | { ok: false; reason: string };

/** Windows: one PowerShell run per scan gathers everything (see win32-batch.ts); the facts read its parts. */
export function createWin32Facts(deps: PlatformDeps, options: Win32Options = defaultWin32Options): PlatformFacts {
  const batch = memo(async (): Promise<BatchOutcome> => {
    const r = await run(deps, powershellPath(deps.env), powershellArgs, windowsBatchScript, options.batchTimeoutMs);
    const parsed = parseWindowsBatch(r.stdout);
    if (parsed) return { ok: true, batch: parsed };
    if (!r.ok) return { ok: false, reason: describeExecFailure(r, 'Windows PowerShell') };
    return { ok: false, reason: 'Windows PowerShell gave an answer ReadyRoom could not read' };
  });

  /** One part of the batch, or the reason it is missing. */
  const part = async (
    name: string,
  ): Promise<{ ok: true; value: unknown } | { ok: false; reason: string; evidence: JsonObject }> => {
    const b = await batch();
    if (!b.ok) return { ok: false, reason: b.reason, evidence: {} };
    const error = b.batch.errors[name];
    if (error !== undefined) {
      return {
        ok: false,
        reason: 'Windows did not answer this question for a signed-in user without admin rights',
        evidence: { error },
      };
    }
    return { ok: true, value: b.batch.sections[name] };
  };

  const onBattery = async () => {
    const p = await part('battery');
    return p.ok ? (parseWindowsBattery(p.value).battery?.onBattery ?? false) : false;
  };

  return {
    async route() {
      const p = await part('network');
      if (!p.ok) return unknownFact(p.reason, p.evidence);
      const route = parseWindowsRoute(p.value);
      if (!route) return unknownFact('Windows did not list its network adapters');
      return known(route, { primary: route.primary?.name ?? null, kind: route.primary?.kind ?? null });
    },

    async wifi() {
      const p = await part('wifi');
      if (!p.ok) return unknownFact(p.reason, p.evidence);
      const text = asString(p.value) ?? '';
      const signal = parseNetshSignal(text);
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
      return known(facts, { batteries: Array.isArray(p.value) ? p.value.length : p.value ? 1 : 0 });
    },

    async networkActivity(link) {
      const b = await batch();
      if (!b.ok) return unknownFact(b.reason);
      const s = b.batch.sections;
      const windowMs = (asNumber(s.netEndMs) ?? 0) - (asNumber(s.netStartMs) ?? 0);
      const traffic = windowsTraffic(s.netStart, s.netEnd, link.name, windowMs);
      if (!traffic) return unknownFact(`Windows did not report traffic counters for ${link.name}`);
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
        return unknownFact('Windows does not let ReadyRoom read whether Do Not Disturb or Focus is on', {
          notificationsOn: true,
        });
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
      const b = await batch();
      if (!b.ok) return unknownFact(b.reason);
      const s = b.batch.sections;
      const fw = parseWindowsFirewall({
        profiles: s.firewallProfiles,
        categories: s.networkCategories,
        registry: s.firewallRegistry,
        products: s.firewallProducts,
      });
      const evidence: JsonObject = {
        activeNetworks: asArray(s.networkCategories).map(String),
        errors: Object.fromEntries(Object.entries(b.batch.errors).filter(([k]) => k.startsWith('firewall'))),
      };
      if (!fw) return unknownFact('Windows did not report the firewall state', evidence);
      return known(fw, { ...evidence, provider: fw.provider, offProfiles: [...fw.offProfiles] });
    },

    async antivirus() {
      const b = await batch();
      if (!b.ok) return unknownFact(b.reason);
      const s = b.batch.sections;
      const av = parseWindowsAntivirus(
        b.batch.errors.antivirusProducts ? undefined : s.antivirusProducts,
        b.batch.errors.defender ? undefined : s.defender,
      );
      const evidence: JsonObject = {
        securityCenter: b.batch.errors.antivirusProducts ?? 'read',
        defender: b.batch.errors.defender ?? 'read',
      };
      if (!av) return unknownFact('Windows Security Center did not answer (it is missing on Windows Server)', evidence);
      return known(av, evidence);
    },

    async diskEncryption() {
      const p = await part('bitlocker');
      if (!p.ok) return unknownFact(p.reason, p.evidence);
      const bl = parseBitLocker(p.value);
      if (!bl) return unknownFact('Windows did not report BitLocker for the system drive');
      return known(bl, { volume: bl.volume, state: bl.state });
    },

    async screenLock() {
      const b = await batch();
      if (!b.ok) return unknownFact(b.reason);
      const s = b.batch.sections;
      const parsed = parseWindowsScreenLock({
        screenSaver: s.screenSaver,
        lockPolicy: s.lockPolicy,
        powercfg: s.powercfg,
        onBattery: await onBattery(),
      });
      if (!parsed) return unknownFact('Windows did not report its screen-lock settings');
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
      const b = await batch();
      if (!b.ok) return unknownFact(b.reason);
      const users = parseWindowsUsers(b.batch.sections.users, b.batch.sections.entraProfiles);
      if (!users)
        return unknownFact('Windows did not list the accounts on this computer', {
          error: b.batch.errors.users ?? null,
        });
      return known(users, { humanAccounts: users.humanAccounts, guestEnabled: users.guestEnabled });
    },
  };
}
