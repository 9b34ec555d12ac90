import { formatHostTarget, parseHostTarget, type HostTarget } from '../../shared/session/host-target';
import { getSessionPlatform } from '../../shared/session/platforms';
import {
  defaultQualityOptions,
  measureQuality,
  type QualityMeasurement,
  type QualityOptions,
} from './net/quality-sampler';
import { outcome, round } from './probe-kit';
import type { Probe, ProbeContext } from './probe-types';

type Grade = 'pass' | 'warn' | 'fail';

/** Round trip: pass < 100 ms, warn < 300, fail from 300 (Teams' client target; ITU-T G.114). */
export function gradeRtt(ms: number): Grade {
  return ms < 100 ? 'pass' : ms < 300 ? 'warn' : 'fail';
}

/** Jitter: pass < 30 ms, warn < 100, fail from 100. */
export function gradeJitter(ms: number): Grade {
  return ms < 30 ? 'pass' : ms < 100 ? 'warn' : 'fail';
}

/** One lost attempt is worth a warning; several (3 or more) fail. */
export function gradeLoss(lost: number): Grade {
  return lost === 0 ? 'pass' : lost < 3 ? 'warn' : 'fail';
}

const rank: Record<Grade, number> = { pass: 0, warn: 1, fail: 2 };
const worst = (...grades: Grade[]): Grade => grades.reduce((a, b) => (rank[b] > rank[a] ? b : a), 'pass');

/** The host to time: the user's --target, else the session platform's host, else the one named in Settings. */
export function qualityTarget(
  context: Pick<ProbeContext, 'target' | 'platform' | 'settings'>,
): { ok: true; target: HostTarget; source: 'target' | 'platform' | 'settings' } | { ok: false; reason: string } {
  if (context.target !== undefined) {
    const parsed = parseHostTarget(context.target);
    return parsed
      ? { ok: true, target: parsed, source: 'target' }
      : { ok: false, reason: 'The address to test is not a valid host name.' };
  }
  const platform = getSessionPlatform(context.platform);
  if (platform.host) return { ok: true, target: { host: platform.host, port: 443 }, source: 'platform' };
  const fromSettings = parseHostTarget(context.settings.otherPlatformHost);
  if (fromSettings) return { ok: true, target: fromSettings, source: 'settings' };
  return { ok: false, reason: "No address to test: add your video platform's address in Settings." };
}

export function createConnectionQualityProbe(options: QualityOptions = defaultQualityOptions): Probe {
  return {
    id: 'connection.quality',
    async run(context) {
      const resolved = qualityTarget(context);
      if (!resolved.ok) return outcome('unknown', resolved.reason, { reason: resolved.reason });
      const { host, port } = resolved.target;
      const label = formatHostTarget(resolved.target);
      const result = await measureQuality(host, port, context.quality, options, context.signal);
      const base = {
        target: label,
        targetSource: resolved.source,
        method: 'TCP connect timing',
        jitterDefinition: 'mean absolute difference of consecutive round trips',
      };
      if (!result.ok) {
        return outcome('fail', `Could not look up ${host}: check that the internet connection works.`, {
          ...base,
          lookupError: result.error,
        });
      }
      const m = result.measurement;
      const evidence = { ...base, ...measurementEvidence(m) };
      const lost = m.sent - m.received;
      if (m.received === 0) {
        return outcome('fail', `Could not reach ${host}: none of ${m.sent} attempts got through.`, evidence);
      }
      const rtt = m.medianMs ?? 0;
      const jitter = m.jitterMs ?? 0;
      const grade = worst(gradeRtt(rtt), gradeJitter(jitter), gradeLoss(lost));
      const summary = `Round trip ${round(rtt)} ms, jitter ${round(jitter)} ms, ${lost} of ${m.sent} attempts lost (to ${host}).`;
      const advice = grade === 'pass' ? '' : ' Calls may stutter or lag.';
      return outcome(grade, `${summary}${advice}`, evidence);
    },
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
    rttsMs: [...m.rttsMs],
    errors: { ...m.errors },
  };
}
