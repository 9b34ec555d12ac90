import { describe, expect, it } from 'vitest';

import {
  createCommandResolver,
  describeExecFailure,
  memo,
  readHeadroom,
} from '../../../../main/probes/platform/exec-helpers';
import { execResult, fakeStats, tableFiles } from '../helpers/probe-test-kit';

describe('exec helpers', () => {
  it('explains a missing, hung or failing command in plain words', () => {
    expect(describeExecFailure(execResult({ ok: false, code: null, spawnError: 'ENOENT' }), 'The "ip" tool')).toBe(
      'The "ip" tool is not available on this computer',
    );
    expect(describeExecFailure(execResult({ ok: false, code: null, timedOut: true, durationMs: 3712 }), 'X')).toBe(
      'X did not answer within 3.7 s and was stopped',
    );
    expect(describeExecFailure(execResult({ ok: false, code: 3 }), 'X')).toBe('X reported an error (exit code 3)');
  });

  it('prefers a command in the system folders and falls back to the bare name', async () => {
    const resolve = createCommandResolver(tableFiles({ '/usr/sbin/ip': '' }));
    expect(await resolve('ip')).toBe('/usr/sbin/ip');
    expect(await resolve('pactl')).toBe('pactl');
  });

  it('runs a memoised step once', async () => {
    let calls = 0;
    const once = memo(async () => ++calls);
    await Promise.all([once(), once(), once()]);
    expect(calls).toBe(1);
  });

  it('reads plausible processor and memory figures, and calls impossible ones unknown rather than idle', async () => {
    expect(await readHeadroom(fakeStats, 10)).toMatchObject({
      state: 'known',
      value: { cpuBusyPercent: 12, cores: 4 },
    });
    for (const stats of [
      { ...fakeStats, cpuBusyPercent: async () => Number.NaN },
      { ...fakeStats, cpuBusyPercent: async () => -5 },
      { ...fakeStats, cores: () => 0 },
      { ...fakeStats, memory: async () => ({ totalBytes: 0, availableBytes: 0 }) },
      { ...fakeStats, memory: async () => ({ totalBytes: 10, availableBytes: 20 }) },
    ]) {
      expect(await readHeadroom(stats, 10)).toMatchObject({ state: 'unknown' });
    }
  });

  it('is unknown with its reason, rather than a failed check, when a figure cannot be had at all', async () => {
    const missing = {
      ...fakeStats,
      memory: () => Promise.reject(new Error('The capture does not record the memory figures.')),
    };
    expect(await readHeadroom(missing, 10)).toEqual({
      state: 'unknown',
      reason: 'The processor and memory figures could not be read',
      evidence: { error: 'The capture does not record the memory figures.' },
    });
    const noCores = {
      ...fakeStats,
      cores: () => {
        throw new Error('no cores');
      },
    };
    expect(await readHeadroom(noCores, 10)).toMatchObject({ state: 'unknown' });
  });
});
