import { setMaxListeners } from 'node:events';
import { homedir } from 'node:os';

import { fixFor, getCatalogEntry } from '../../shared/catalog/catalog';
import { automaticCheckIds, type AutomaticCheckId } from '../../shared/checks/check-ids';
import type { CheckResult } from '../../shared/checks/check-result';
import { scanReportSchemaId, type ScanReport } from '../../shared/checks/scan-report';
import type { HostApprovalRequest, ScanRequest } from '../../shared/ipc/scan.contract';
import { toOsName } from '../../shared/platform';
import type { ProgramRow } from '../../shared/programs/program-types';
import type { SessionPlatformId } from '../../shared/session/platforms';
import type { Settings } from '../../shared/settings/settings';
import { createLogger, describeError, type Logger } from '../logging/logger';
import { gateHosts, type HostGateOptions } from './host-approval';
import type { ExecFn } from '../platform/exec';
import type { QualityDeps } from './net/quality-sampler';
import { systemLookup, tcpConnect } from './net/tcp-connect';
import type { ThroughputDeps } from './net/throughput';
import { createHostFiles, createHostStats } from './platform/host';
import { createPlatformFacts } from './platform/index';
import type { HostFiles, HostStats } from './platform/platform-types';
import { defaultWin32Options, type Win32Options } from './platform/win32';
import { createProbes, type ProbeOptions } from './probe-registry';
import type { Probe, ProbeContext, ProbeOutcome } from './probe-types';
import { createSystemInfo, type SystemInfo } from './system-info';

export interface ScanServiceDeps {
  readonly os: NodeJS.Platform;
  readonly exec: ExecFn;
  /** The programs service's listing (rows with category 'remote-access', 'recorder' and 'assistant' are reported separately). */
  readonly listPrograms: (options: { platform?: SessionPlatformId }) => Promise<readonly ProgramRow[]>;
  readonly getSettings: () => Settings;
  /** Per-probe limit; default 4 s. */
  readonly probeTimeoutMs?: number;
  /** Limit for the whole scan; default 10 s. */
  readonly scanBudgetMs?: number;
  readonly logger?: Logger;
  readonly systemInfo?: SystemInfo;
  readonly files?: HostFiles;
  readonly stats?: HostStats;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly homeDir?: string;
  /** Our own process ids (main, renderers), never reported as using the microphone or camera. */
  readonly ownPids?: () => readonly number[];
  readonly quality?: Partial<QualityDeps>;
  readonly throughput?: Partial<ThroughputDeps>;
  readonly win32?: Partial<Win32Options>;
  readonly probeOptions?: ProbeOptions;
  /** Replaces the registered probes (tests). */
  readonly probes?: readonly Probe[];
  /** Wall clock for startedAt and for the per-OS modules. */
  readonly now?: () => Date;
  /** How the per-OS modules wait between two samples (a replay moves its own clock instead). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Monotonic milliseconds for durations. */
  readonly clock?: () => number;
}

export interface ScanRunOptions extends Partial<HostGateOptions> {
  /** Called as each check finishes, in finishing order. */
  readonly onResult?: (result: CheckResult) => void;
  readonly signal?: AbortSignal;
}

export interface ScanService {
  /** The checks a request will run, in catalog order. */
  checkIds(request: ScanRequest): readonly AutomaticCheckId[];
  /** The addresses a run with these options would leave alone until the therapist allows them. */
  approvalsNeeded(request: ScanRequest, options?: Partial<HostGateOptions>): readonly HostApprovalRequest[];
  /** Runs the checks concurrently; never rejects. */
  run(request: ScanRequest, options?: ScanRunOptions): Promise<ScanReport>;
}

export const defaultProbeTimeoutMs = 4000;
export const defaultScanBudgetMs = 10_000;

/** Runs all automatic probes concurrently, each within its own time limit, inside a budget for the whole scan. */
export function createScanService(deps: ScanServiceDeps): ScanService {
  const log = deps.logger ?? createLogger('probes');
  const probeTimeoutMs = deps.probeTimeoutMs ?? defaultProbeTimeoutMs;
  const scanBudgetMs = deps.scanBudgetMs ?? defaultScanBudgetMs;
  const clock = deps.clock ?? (() => performance.now());
  const now = deps.now ?? (() => new Date());
  const systemInfo = deps.systemInfo ?? createSystemInfo(Math.max(500, probeTimeoutMs - 1000));
  const files = deps.files ?? createHostFiles();
  const stats = deps.stats ?? createHostStats(systemInfo, deps.os);
  const win32 = { ...defaultWin32Options, ...deps.win32 };
  const probes = deps.probes ?? createProbes({ now, ...deps.probeOptions });
  const osName = toOsName(deps.os);
  const quality: QualityDeps = { connect: tcpConnect, lookup: systemLookup, now: clock, ...deps.quality };
  const throughput: ThroughputDeps = { fetch: globalThis.fetch.bind(globalThis), now: clock, ...deps.throughput };

  const selected = (request: ScanRequest) => {
    const only = request.only ? new Set<string>(request.only) : null;
    return probes.filter((p) => only === null || only.has(p.id));
  };

  const timeoutFor = (probe: Probe) => {
    if (probe.timeoutMs !== undefined) return probe.timeoutMs;
    // On Windows most probes wait for the one PowerShell run, which has its own, longer limit.
    return deps.os === 'win32' ? Math.max(probeTimeoutMs, win32.batchTimeoutMs + 500) : probeTimeoutMs;
  };

  const gate = (request: ScanRequest, options: Partial<HostGateOptions>) => {
    const settings = deps.getSettings();
    const ids = new Set(selected(request).map((p) => p.id));
    return gateHosts(request, settings, request.platform ?? settings.defaultPlatform, ids, {
      targetNeedsApproval: options.targetNeedsApproval ?? false,
    });
  };

  return {
    checkIds: (request) => selected(request).map((p) => p.id),
    approvalsNeeded: (request, options = {}) => gate(request, options).needsApproval,

    async run(request, options = {}) {
      const startedAt = now();
      const started = clock();
      const settings = deps.getSettings();
      const platform = request.platform ?? settings.defaultPlatform;
      const chosen = selected(request);
      // Addresses the therapist has not allowed are not contacted: those checks get their refusal instead.
      const { refused } = gateHosts(request, settings, platform, new Set(chosen.map((p) => p.id)), {
        targetNeedsApproval: options.targetNeedsApproval ?? false,
      });
      const scanAbort = new AbortController();
      // Every probe listens to the scan's signal; more than Node's default of 10 is expected.
      setMaxListeners(chosen.length + 10, scanAbort.signal);
      const onOuterAbort = () => scanAbort.abort();
      options.signal?.addEventListener('abort', onOuterAbort, { once: true });
      // Each running probe registers how it is stopped when the budget is spent.
      const onBudgetSpent = new Set<() => void>();
      let budgetSpent = false;
      const budgetTimer = setTimeout(() => {
        budgetSpent = true;
        for (const stopProbe of onBudgetSpent) stopProbe();
      }, scanBudgetMs);

      const facts = createPlatformFacts(
        deps.os,
        {
          exec: deps.exec,
          files,
          stats,
          systemInfo,
          env: deps.env ?? process.env,
          homeDir: deps.homeDir ?? homedir(),
          ownPids: deps.ownPids?.() ?? [process.pid],
          // Commands stop a little before their probe does, so the reason names the command.
          commandTimeoutMs: Math.max(250, probeTimeoutMs - 300),
          sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
          now,
          screenLockEnoughMinutes: settings.thresholds.screenLock.warnAfterMinutes,
        },
        win32,
      );
      let programs: Promise<readonly ProgramRow[]> | undefined;
      let markQuiet: () => void = () => undefined;
      const networkQuiet = new Promise<void>((resolve) => {
        markQuiet = resolve;
      });
      if (!chosen.some((p) => p.id === 'connection.busy')) markQuiet();

      const results = new Map<string, CheckResult>();
      await Promise.all(
        chosen.map(async (probe) => {
          const probeAbort = new AbortController();
          setMaxListeners(64, probeAbort.signal);
          const stop = () => probeAbort.abort();
          scanAbort.signal.addEventListener('abort', stop, { once: true });
          const context: ProbeContext = {
            os: osName,
            facts,
            settings,
            platform,
            target: request.target,
            listPrograms: () => (programs ??= deps.listPrograms({ platform })),
            quality,
            throughput,
            networkQuiet,
            networkSampled: () => markQuiet(),
            signal: probeAbort.signal,
          };
          const probeStarted = clock();
          const limit = timeoutFor(probe);
          let timer: ReturnType<typeof setTimeout> | undefined;
          let done = false;
          // A probe that waits for the line to be quiet (the speed test) starts its own clock after that
          // wait, which on Windows includes the PowerShell run; once started, only that clock stops it.
          let ownClockStarted = false;
          const timedOut = new Promise<'timeout'>((resolve) => {
            const start = () => {
              if (done) return;
              ownClockStarted = true;
              timer = setTimeout(() => resolve('timeout'), limit);
            };
            if (probe.timerStartsAfterNetworkQuiet) void networkQuiet.then(start);
            else start();
          });
          let stopForBudget: () => void = () => undefined;
          const budgetOver = new Promise<'budget'>((resolve) => {
            stopForBudget = () => {
              if (probe.timerStartsAfterNetworkQuiet && ownClockStarted) return;
              probeAbort.abort();
              resolve('budget');
            };
          });
          if (budgetSpent) stopForBudget();
          else onBudgetSpent.add(stopForBudget);
          let result: ProbeOutcome;
          try {
            const ran = refused.get(probe.id) ?? probe.run(context);
            const raced = await Promise.race([ran, timedOut, budgetOver]);
            if (raced === 'timeout') {
              result = {
                status: 'unknown',
                summary: `This check took longer than ${formatSeconds(limit)} and was stopped.`,
                evidence: { timedOut: true, timeoutMs: limit },
              };
              log.warn('probe timed out', { check: probe.id, timeoutMs: limit });
            } else if (raced === 'budget') {
              result = {
                status: 'unknown',
                summary: `The scan ran out of time (${formatSeconds(scanBudgetMs)}) before this check finished.`,
                evidence: { timedOut: true, scanBudgetMs },
              };
              log.warn('probe stopped by the scan budget', { check: probe.id });
            } else result = raced;
          } catch (error) {
            log.error('probe failed', { check: probe.id, error: describeError(error) });
            result = { status: 'unknown', summary: 'This check failed unexpectedly.', evidence: { error: 'internal' } };
          } finally {
            done = true;
            clearTimeout(timer);
            onBudgetSpent.delete(stopForBudget);
            probeAbort.abort();
            scanAbort.signal.removeEventListener('abort', stop);
          }
          if (probe.id === 'connection.busy') markQuiet();
          const finished = toCheckResult(probe.id, result, osName, Math.round(clock() - probeStarted), log);
          results.set(probe.id, finished);
          try {
            options.onResult?.(finished);
          } catch (error) {
            log.warn('scan result listener failed', { error: describeError(error) });
          }
        }),
      );
      clearTimeout(budgetTimer);
      options.signal?.removeEventListener('abort', onOuterAbort);
      const checks = automaticCheckIds.flatMap((id) => {
        const r = results.get(id);
        return r ? [r] : [];
      });
      const durationMs = Math.round(clock() - started);
      log.info('scan finished', {
        durationMs,
        checks: checks.length,
        unknown: checks.filter((c) => c.status === 'unknown').length,
        failed: checks.filter((c) => c.status === 'fail').length,
      });
      return { schema: scanReportSchemaId, startedAt: startedAt.toISOString(), durationMs, platform: deps.os, checks };
    },
  };
}

function toCheckResult(
  id: AutomaticCheckId,
  outcome: ProbeOutcome,
  os: ReturnType<typeof toOsName>,
  durationMs: number,
  log: Logger,
): CheckResult {
  const entry = getCatalogEntry(id);
  if (!entry) log.warn('check has no catalog entry', { check: id });
  const needsFix = outcome.status !== 'pass' && outcome.status !== 'skipped';
  return {
    id,
    status: outcome.status,
    summary: outcome.summary,
    evidence: outcome.evidence,
    fix: needsFix && entry ? fixFor(entry, os) : null,
    durationMs,
  };
}

function formatSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
