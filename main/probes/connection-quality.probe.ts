import {
  connectionThresholdSourceNames,
  gradeConnection,
  type ConnectionThresholds,
} from '../../shared/checks/connection-grading';
import { connectionThresholds, usesDefaults } from '../../shared/settings/thresholds';
import { formatHostTarget, parseHostTarget, type HostTarget } from '../../shared/session/host-target';
import { callHostRoleLabels, describePlatform } from '../../shared/session/platforms';
import {
  defaultQualityOptions,
  measureQuality,
  type QualityMeasurement,
  type QualityOptions,
} from './net/quality-sampler';
import { outcome, round } from './probe-kit';
import type { Probe, ProbeContext } from './probe-types';

export type QualityTarget =
  | {
      readonly ok: true;
      readonly target: HostTarget;
      readonly source: 'target' | 'platform' | 'settings';
      /** What the timed host does for the call, in words. */
      readonly role: string;
      readonly why: string | null;
      readonly citation: string | null;
    }
  | { readonly ok: false; readonly reason: string };

/** The host to time: the user's --target, else the host the platform's calls use, else the one in Settings. */
export function qualityTarget(context: Pick<ProbeContext, 'target' | 'platform' | 'settings'>): QualityTarget {
  if (context.target !== undefined) {
    const parsed = parseHostTarget(context.target);
    return parsed
      ? { ok: true, target: parsed, source: 'target', role: 'address you named', why: null, citation: null }
      : { ok: false, reason: 'The address to test is not a valid host name.' };
  }
  const platform = describePlatform(context.platform);
  const timing = platform.timing;
  if (timing.kind === 'host') {
    return {
      ok: true,
      target: { host: timing.host, port: timing.port },
      source: 'platform',
      role: callHostRoleLabels[timing.role],
      why: timing.why,
      citation: timing.source.url,
    };
  }
  if (timing.kind === 'none') return { ok: false, reason: timing.reason };
  const fromSettings = parseHostTarget(context.settings.otherPlatformHost);
  if (fromSettings) {
    return {
      ok: true,
      target: fromSettings,
      source: 'settings',
      role: 'address named in Settings',
      why: timing.why,
      citation: timing.source?.url ?? null,
    };
  }
  const name = context.platform === 'other' ? "your video platform's" : `your ${platform.name.replace(/ \(.*\)$/, '')}`;
  return {
    ok: false,
    reason: `No address to test: add ${name} address in Settings (for example ${timing.example}).`,
  };
}

export interface ConnectionQualityProbeOptions {
  readonly sampling?: QualityOptions;
  /** The limits in force; by default those in Settings. */
  readonly thresholds?: (context: ProbeContext) => ConnectionThresholds;
}

export function createConnectionQualityProbe(options: ConnectionQualityProbeOptions = {}): Probe {
  const sampling = options.sampling ?? defaultQualityOptions;
  return {
    id: 'connection.quality',
    async run(context) {
      const given = options.thresholds?.(context);
      const thresholds = given ?? connectionThresholds(context.settings.thresholds);
      // Limits given by the caller (tests, benchmarks) are not Settings, so they say nothing about them.
      const changedInSettings = given === undefined ? !usesDefaults('connection', context.settings.thresholds) : null;
      const resolved = qualityTarget(context);
      if (!resolved.ok) return outcome('unknown', resolved.reason, { reason: resolved.reason });
      const { host, port } = resolved.target;
      const base = {
        target: formatHostTarget(resolved.target),
        targetSource: resolved.source,
        targetRole: resolved.role,
        ...(resolved.why ? { targetWhy: resolved.why } : {}),
        ...(resolved.citation ? { targetCitation: resolved.citation } : {}),
        method: 'TCP connect timing',
        jitterDefinition: 'mean absolute difference of consecutive round trips',
        sampling: {
          attempts: sampling.samples,
          intervalMs: sampling.intervalMs,
          lostWhenLaterThan: `median + max(median, ${sampling.lateMarginMs} ms)`,
        },
        thresholds: { ...thresholdsEvidence(thresholds), changedInSettings },
      };
      const result = await measureQuality(host, port, context.quality, sampling, context.signal);
      if (!result.ok) {
        return outcome('fail', `Could not look up ${host}: check that the internet connection works.`, {
          ...base,
          lookupError: result.error,
        });
      }
      const m = result.measurement;
      const evidence = { ...base, ...measurementEvidence(m) };
      if (m.sent < sampling.samples) {
        return outcome('unknown', 'The connection check was stopped before it finished.', evidence);
      }
      if (m.received === 0) {
        return outcome('fail', `Could not reach ${host}: none of ${m.sent} attempts got through.`, evidence);
      }
      const verdict = gradeConnection(
        { sent: m.sent, received: m.received, rttMedianMs: m.medianMs, jitterMs: m.jitterMs },
        thresholds,
      );
      const summary = `Round trip ${round(m.medianMs ?? 0)} ms, jitter ${round(m.jitterMs ?? 0)} ms, ${verdict.lost} of ${m.sent} attempts lost (to ${host}).`;
      return outcome(verdict.grade, `${summary}${advice(verdict)}`, {
        ...evidence,
        grades: { roundTrip: verdict.rtt, jitter: verdict.jitter, loss: verdict.loss },
      });
    },
  };
}

function advice(verdict: ReturnType<typeof gradeConnection>): string {
  if (verdict.grade === 'pass') return '';
  if (verdict.loss === 'fail') return ' Too much is getting lost: video will freeze and words will drop out.';
  if (verdict.rtt === 'fail') return ' The delay is long enough for people to talk over each other.';
  return ' Calls may stutter or lag.';
}

function thresholdsEvidence(t: ConnectionThresholds) {
  return {
    roundTripMs: { ...t.rttMs, source: connectionThresholdSourceNames.rttMs },
    jitterMs: { ...t.jitterMs, source: connectionThresholdSourceNames.jitterMs },
    lossShare: { ...t.loss, source: connectionThresholdSourceNames.loss },
  };
}

function measurementEvidence(m: QualityMeasurement) {
  return {
    sent: m.sent,
    received: m.received,
    lost: m.sent - m.received,
    rttMedianMs: m.medianMs === null ? null : round(m.medianMs, 1),
    rttP95Ms: m.p95Ms === null ? null : round(m.p95Ms, 1),
    rttMinMs: m.minMs === null ? null : round(m.minMs, 1),
    jitterMs: m.jitterMs === null ? null : round(m.jitterMs, 1),
    cutoffMs: m.cutoffMs,
    rttsMs: [...m.rttsMs],
    errors: { ...m.errors },
  };
}
