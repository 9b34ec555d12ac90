import {
  checkTestUrl,
  defaultThroughputOptions,
  measureDownload,
  measureUpload,
  type RateResult,
  type ThroughputOptions,
} from './net/throughput';
import type { JsonObject } from '../../shared/json';
import { outcome, round } from './probe-kit';
import type { Probe } from './probe-types';

type Grade = 'pass' | 'warn' | 'fail';

/** Pass from 1.5 Mbit/s each way (HD 1:1 video), warn from 0.75 (doxy.me's minimum), fail below. */
export function gradeRate(bitsPerSec: number): Grade {
  return bitsPerSec >= 1_500_000 ? 'pass' : bitsPerSec >= 750_000 ? 'warn' : 'fail';
}

const mbit = (bps: number) => `${round(bps / 1_000_000, 1)} Mbit/s`;

function rateEvidence(r: RateResult): JsonObject {
  return r.ok
    ? { ok: true, mbitPerSec: round(r.bitsPerSec / 1_000_000, 2), bytes: r.bytes, ms: round(r.ms), capped: r.capped }
    : {
        ok: false,
        error: r.error,
        belowMbitPerSec: r.belowBitsPerSec === undefined ? null : round(r.belowBitsPerSec / 1_000_000, 2),
      };
}

/**
 * A small, capped speed test against addresses the user chose in Settings; off by default because it
 * sends traffic to a third party. Waits for connection.busy's sample so it does not count itself.
 */
export function createConnectionThroughputProbe(options: ThroughputOptions = defaultThroughputOptions): Probe {
  return {
    id: 'connection.throughput',
    timeoutMs: options.downloadMaxMs + options.uploadMaxMs + 2000,
    // Its own time starts once connection.busy has sampled the line (on Windows, after the PowerShell run).
    timerStartsAfterNetworkQuiet: true,
    async run(context) {
      const { enabled, downloadUrl, uploadUrl } = context.settings.throughput;
      if (!enabled || downloadUrl.trim() === '') {
        return outcome('skipped', 'The speed test is off (turn it on in Settings with an address to test against).', {
          enabled,
        });
      }
      const down = checkTestUrl(downloadUrl.trim());
      if (!down.ok) return outcome('unknown', down.reason, { reason: down.reason });
      const up = uploadUrl.trim() === '' ? null : checkTestUrl(uploadUrl.trim());
      if (up && !up.ok) return outcome('unknown', up.reason, { reason: up.reason });

      await context.networkQuiet;
      const download = await measureDownload(down.url, context.throughput, options, context.signal);
      const upload = up ? await measureUpload(up.url, context.throughput, options, context.signal) : null;
      const evidence = {
        downloadHost: down.url.host,
        uploadHost: up ? up.url.host : null,
        download: rateEvidence(download),
        upload: upload ? rateEvidence(upload) : null,
      };
      if (!download.ok) {
        return outcome(
          'unknown',
          `The speed test could not download from ${down.url.host} (${download.error}).`,
          evidence,
        );
      }
      const grades: Grade[] = [gradeRate(download.bitsPerSec)];
      let upText = 'upload not tested';
      if (upload) {
        if (upload.ok) {
          grades.push(gradeRate(upload.bitsPerSec));
          upText = `upload ${mbit(upload.bitsPerSec)}`;
        } else if (upload.belowBitsPerSec !== undefined) {
          grades.push(gradeRate(upload.belowBitsPerSec));
          upText = `upload slower than ${mbit(upload.belowBitsPerSec)}`;
        } else {
          // No upload figure: a measured failing download still fails, but nothing here may pass.
          const downText = `Download ${mbit(download.bitsPerSec)}`;
          if (grades.includes('fail')) {
            return outcome(
              'fail',
              `${downText}; the upload test failed (${upload.error}). Too slow for video: consider an audio-only session.`,
              evidence,
            );
          }
          return outcome(
            'unknown',
            `${downText}, but the upload test to ${up?.url.host ?? 'the upload address'} failed (${upload.error}), so the upload speed is not known.`,
            evidence,
          );
        }
      }
      const grade: Grade = grades.includes('fail') ? 'fail' : grades.includes('warn') ? 'warn' : 'pass';
      const advice =
        grade === 'fail'
          ? ' Too slow for video: consider an audio-only session.'
          : grade === 'warn'
            ? ' Video may be blurry.'
            : '';
      return outcome(grade, `Download ${mbit(download.bitsPerSec)}, ${upText}.${advice}`, evidence);
    },
  };
}
