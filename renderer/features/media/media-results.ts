import type { CheckResult, CheckStatus } from '../../../shared/checks/check-result';
import type { JsonObject } from '../../../shared/json';
import type { DeviceState } from '../../stores/media-store';
import { lightingAdvice, type LightingReport } from './lighting-analysis';
import { isClipping, levelVerdict, type LevelState } from './level-analysis';
import type { AcousticState, EchoState } from '../../stores/media-store';
import { echoAdvice } from './echo-analysis';
import { explainDeviceProblem } from './media-errors';

export type MediaCheckId = 'media.camera' | 'media.lighting' | 'media.microphone' | 'media.output' | 'media.echo';

/** The part of the media store the results are computed from. */
export interface MediaSnapshot {
  readonly camera: DeviceState;
  readonly lighting: LightingReport | null;
  readonly microphone: DeviceState;
  readonly level: LevelState;
  readonly tonePlayed: boolean;
  readonly heard: boolean | null;
  readonly acoustic: AcousticState;
  readonly echo: EchoState;
}

const failedStates: readonly DeviceState[] = ['denied', 'no-device', 'busy', 'error'];
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function result(id: MediaCheckId, status: CheckStatus, summary: string, evidence: JsonObject): CheckResult {
  return { id, status, summary, evidence, fix: null, durationMs: 0 };
}

function lightingEvidence(report: LightingReport): JsonObject {
  const s = report.stats;
  return {
    verdict: report.verdict,
    meanLuma: round(s.mean),
    p5Luma: round(s.p5),
    p95Luma: round(s.p95),
    centreToSurround: s.surroundMean > 0 ? round(s.centreMean / s.surroundMean, 2) : null,
    clippedShare: round(s.clipped, 3),
    blackFrames: round(report.blackFrames, 2),
    frames: report.frames,
  };
}

/**
 * Turns the live test state into check results for the outcome and the log. A test that has
 * not run yet gives no result at all, so the outcome counts it as unknown, never as a pass.
 */
export function mediaResults(m: MediaSnapshot): Partial<Record<MediaCheckId, CheckResult>> {
  const out: Partial<Record<MediaCheckId, CheckResult>> = {};

  if (failedStates.includes(m.camera)) {
    const problem = explainDeviceProblem('camera', m.camera);
    out['media.camera'] = result('media.camera', 'fail', problem?.title ?? 'The camera did not start.', {
      device: m.camera,
    });
  } else if (m.lighting) {
    const black = m.lighting.verdict === 'black';
    out['media.camera'] = black
      ? result('media.camera', 'fail', lightingAdvice.black.summary, lightingEvidence(m.lighting))
      : result('media.camera', 'pass', 'The camera shows a picture.', { device: m.camera, frames: m.lighting.frames });
    const status: CheckStatus = black
      ? 'unknown'
      : m.lighting.verdict === 'good'
        ? 'pass'
        : m.lighting.verdict === 'dark'
          ? 'fail'
          : 'warn';
    const summary = black
      ? 'The lighting could not be judged because the picture is black.'
      : lightingAdvice[m.lighting.verdict].summary;
    out['media.lighting'] = result('media.lighting', status, summary, lightingEvidence(m.lighting));
  }

  if (failedStates.includes(m.microphone)) {
    const problem = explainDeviceProblem('microphone', m.microphone);
    out['media.microphone'] = result('media.microphone', 'fail', problem?.title ?? 'The microphone did not start.', {
      device: m.microphone,
    });
  } else {
    const verdict = levelVerdict(m.level);
    const evidence: JsonObject = {
      verdict,
      maxRmsDbfs: round(m.level.maxDbfs),
      speechMs: Math.round(m.level.speechMs),
      listenedMs: Math.round(m.level.listenedMs),
      peak: round(m.level.peak, 3),
      clipping: isClipping(m.level),
    };
    if (verdict === 'speech') {
      out['media.microphone'] = isClipping(m.level)
        ? result(
            'media.microphone',
            'warn',
            'The microphone hears you, but so loudly that your voice distorts.',
            evidence,
          )
        : result('media.microphone', 'pass', 'The microphone hears your voice clearly.', evidence);
    } else if (verdict === 'quiet') {
      out['media.microphone'] = result('media.microphone', 'warn', 'The microphone hears you only faintly.', evidence);
    } else if (verdict === 'silent') {
      out['media.microphone'] = result(
        'media.microphone',
        'fail',
        'The microphone hears nothing: it may be muted or the wrong one.',
        evidence,
      );
    } else if (verdict === 'constant') {
      out['media.microphone'] = result(
        'media.microphone',
        'fail',
        'The microphone sends a flat signal: it may be disconnected.',
        evidence,
      );
    }
  }

  if (m.heard !== null) {
    const evidence: JsonObject = { heard: m.heard, acousticTest: acousticEvidence(m.acoustic) };
    // The microphone hearing our tone means it came out of speakers: the client could be overheard.
    const fromSpeakers = m.acoustic.status === 'done' && m.acoustic.result.verdict === 'speakers';
    out['media.output'] = !m.heard
      ? result('media.output', 'fail', 'You did not hear the test sound.', evidence)
      : fromSpeakers
        ? result(
            'media.output',
            'warn',
            'You heard the test sound, but so did the microphone: it seems to come from speakers. Use headphones so nobody nearby hears your client.',
            evidence,
          )
        : result('media.output', 'pass', 'You heard the test sound.', evidence);
  }
  const echo = echoResult(m.echo);
  if (echo) out['media.echo'] = echo;
  return out;
}

/** "Hear yourself": the therapist's own answer, with what the recording's numbers show; only numbers are logged. */
function echoResult(echo: EchoState): CheckResult | null {
  if (echo.status === 'failed' && !echo.reason) {
    const problem = explainDeviceProblem('microphone', echo.device);
    return result('media.echo', 'fail', problem?.title ?? 'The microphone did not start.', { device: echo.device });
  }
  if (echo.status !== 'done' || echo.clear === null) return null;
  const { report } = echo;
  const evidence: JsonObject = {
    soundedClear: echo.clear,
    voiceDbfs: report.voiceDbfs,
    noiseFloorDbfs: report.noiseFloorDbfs,
    snrDb: report.snrDb,
    clippedFraction: report.clippedFraction,
    durationMs: report.durationMs,
    issues: [...report.issues],
  };
  if (report.issues.includes('silent')) return result('media.echo', 'fail', echoAdvice.silent, evidence);
  const advice = report.issues.map((i) => echoAdvice[i]).join(' ');
  if (!echo.clear) {
    return result('media.echo', 'warn', `You did not sound clear to yourself.${advice ? ` ${advice}` : ''}`, evidence);
  }
  if (advice) return result('media.echo', 'warn', `You sounded clear to yourself, but: ${advice}`, evidence);
  return result('media.echo', 'pass', 'You sounded clear, with a good level and little background noise.', evidence);
}

function acousticEvidence(acoustic: AcousticState): JsonObject | null {
  if (acoustic.status === 'done') {
    return {
      verdict: acoustic.result.verdict,
      baselineDbfs: round(acoustic.result.baselineDbfs),
      duringDbfs: round(acoustic.result.duringDbfs),
    };
  }
  if (acoustic.status === 'failed') {
    return { verdict: 'not-run', device: acoustic.device, ...(acoustic.reason ? { reason: acoustic.reason } : {}) };
  }
  return null;
}
