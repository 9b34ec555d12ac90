import type { CaptureData, CommandRecord } from '../../../../main/probes/capture/capture-types';

/** A capture with nothing recorded, recorded at a fixed time on Linux, with `overrides`. */
export function captureOf(overrides: Partial<CaptureData> = {}): CaptureData {
  return {
    readyroomVersion: 'test',
    recordedAt: '2026-03-02T09:30:00.000Z',
    system: { platform: 'linux', release: '6.8.0', arch: 'x64' },
    homeDir: '/home/user',
    ownPids: [],
    env: {},
    commands: [],
    files: [],
    systemInfo: {},
    stats: {},
    ...overrides,
  };
}

/** One successful run of `argv` with this output. */
export function command(argv: readonly string[], stdout: string, more: Partial<CommandRecord> = {}): CommandRecord {
  return {
    argv,
    exitCode: 0,
    signal: null,
    timedOut: false,
    spawnError: null,
    ms: 5,
    stdout,
    stderr: '',
    ...more,
  };
}
