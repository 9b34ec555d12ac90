import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { assembleBatchStdout, splitBatchStdout } from '../../../../main/probes/capture/capture-batch';
import { CaptureError, isSafeRelativePath, parseCaptureIndex } from '../../../../main/probes/capture/capture-format';
import { readCaptureFolder, writeCaptureFolder } from '../../../../main/probes/capture/capture-folder';
import { captureOf, command } from './capture-test-kit';

const minimal = {
  format: 'readyroom.capture/1',
  readyroomVersion: 'hand-written',
  recordedAt: '2026-03-02T09:30:00Z',
  system: { platform: 'linux', release: '6.8.0', arch: 'x64' },
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'readyroom-capture-format-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeIndex(index: unknown, files: Record<string, string> = {}): string {
  writeFileSync(join(dir, 'capture.json'), typeof index === 'string' ? index : JSON.stringify(index));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const errorOf = async (index: unknown, files: Record<string, string> = {}) => {
  try {
    await readCaptureFolder(writeIndex(index, files));
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(CaptureError);
    return (error as Error).message;
  }
};

describe('the readyroom.capture/1 index', () => {
  it('accepts the smallest capture and fills in the defaults', async () => {
    const capture = await readCaptureFolder(writeIndex(minimal));
    expect(capture).toMatchObject({
      recordedAt: '2026-03-02T09:30:00.000Z',
      homeDir: '/home/user',
      ownPids: [],
      env: {},
      commands: [],
      files: [],
      systemInfo: {},
      stats: {},
    });
    expect(capture.programs).toBeUndefined();
  });

  it.each([
    [
      { ...minimal, format: 'readyroom.capture/2' },
      /format "readyroom\.capture\/2"; this ReadyRoom reads readyroom\.capture\/1/,
    ],
    [{ ...minimal, format: undefined }, /no "format" field/],
    [[minimal], /must hold a JSON object/],
    [{ ...minimal, recordedAt: 'yesterday' }, /at recordedAt: Invalid ISO datetime/],
    [{ ...minimal, system: { platform: 'aix', release: '1', arch: 'x' } }, /at system\.platform/],
    [{ ...minimal, extra: true }, /Unrecognized key: "extra"/],
    [
      { ...minimal, commands: [{ argv: ['ip'], stdotFile: 'x.txt' }] },
      /at commands\[0\]: Unrecognized key: "stdotFile"/,
    ],
    [{ ...minimal, commands: [{ stdout: 'x' }] }, /at commands\[0\]\.argv: is required/],
    [{ ...minimal, commands: [{ argv: ['ip'], stdout: '', stdoutFile: 'a.txt' }] }, /give the output once/],
    [{ ...minimal, commands: [{ argv: ['ip'], spawnError: 'ENOENT', stdout: 'x' }] }, /could not start/],
    [{ ...minimal, commands: [{ argv: ['ip'], spawnError: 'not found' }] }, /error code such as "ENOENT"/],
    [
      { ...minimal, commands: [{ batch: [{ part: 'os' }] }] },
      /exactly one of "value", "valueFile", "textFile" or "error"/,
    ],
    [{ ...minimal, commands: [{ batch: [{ part: 'os', value: 1, error: 'X 0x1' }] }] }, /exactly one of/],
    [{ ...minimal, files: [{ path: '/etc/x', exists: false, text: 'a' }] }, /"exists": false cannot have contents/],
    [
      { ...minimal, commands: [{ argv: ['ip'], stdoutFile: '../outside.txt' }] },
      /must name a file inside the capture folder/,
    ],
    [
      { ...minimal, files: [{ path: '/etc/x', textFile: '/etc/passwd' }] },
      /must name a file inside the capture folder/,
    ],
    [{ ...minimal, recordedStatuses: { 'security.firewall': 'ok' } }, /at recordedStatuses\.security\.firewall/],
  ])('refuses a bad index with a one-line reason (%#)', async (index, message) => {
    const text = await errorOf(index);
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
  });

  it('explains JSON that does not parse, and a missing index', async () => {
    expect(await errorOf('{ "format": ')).toMatch(/capture\.json is not valid JSON/);
    expect(() => parseCaptureIndex(null)).toThrow(CaptureError);
    await expect(readCaptureFolder(join(dir, 'nope'))).rejects.toThrow(/cannot be opened/);
    mkdirSync(join(dir, 'empty'));
    await expect(readCaptureFolder(join(dir, 'empty'))).rejects.toThrow(/has no capture\.json/);
  });

  it('reads a capture.json saved with a byte-order mark (Windows Notepad)', async () => {
    expect((await readCaptureFolder(writeIndex(`\ufeff${JSON.stringify(minimal)}`))).readyroomVersion).toBe(
      'hand-written',
    );
  });

  it('names a file the index points to that is missing', async () => {
    expect(await errorOf({ ...minimal, commands: [{ argv: ['ip'], stdoutFile: 'commands/ip.txt' }] })).toMatch(
      /commands\/ip\.txt is missing/,
    );
  });

  it.skipIf(process.platform === 'win32')('refuses a file that is a link to outside the capture folder', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'readyroom-outside-'));
    try {
      writeFileSync(join(outside, 'secret.txt'), 'not yours');
      writeIndex({ ...minimal, files: [{ path: '/etc/x', textFile: 'link.txt' }] });
      symlinkSync(join(outside, 'secret.txt'), join(dir, 'link.txt'));
      await expect(readCaptureFolder(dir)).rejects.toThrow(/points outside the capture folder/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('allows only plain relative paths for the files it names', () => {
    for (const ok of ['a.txt', 'commands/01-ip.out.txt', 'pasted/netsh-wlan.txt'])
      expect(isSafeRelativePath(ok)).toBe(true);
    for (const bad of ['', '/etc/passwd', '../x', 'a/../../x', 'C:\\x', 'a\\b', './x', 'a//b', 'a b']) {
      expect(isSafeRelativePath(bad)).toBe(false);
    }
  });

  it('reads outputs from files exactly as pasted (line endings kept) and batch parts from text, JSON and inline values', async () => {
    const capture = await readCaptureFolder(
      writeIndex(
        {
          ...minimal,
          system: { platform: 'win32', release: '10.0.26100', arch: 'x64' },
          commands: [
            { argv: ['sw_vers'], stdoutFile: 'out.txt', stderr: 'warn\n', exitCode: 3, ms: 12 },
            { argv: ['missing-tool'], spawnError: 'ENOENT' },
            {
              batch: [
                { part: 'wifi', ms: 40, textFile: 'pasted/netsh.txt' },
                { part: 'os', valueFile: 'pasted/os.json' },
                { part: 'users', ms: 3, value: [{ rid: 1001, enabled: true }] },
                { part: 'bitlocker', ms: 2, error: 'COMException 0x80004005' },
                { part: 'entra', value: null },
              ],
            },
          ],
        },
        {
          'out.txt': 'line 1\r\nline 2\r\n',
          'pasted/netsh.txt': '    SSID : x\r\n',
          'pasted/os.json': '{"UBR": 4351}',
        },
      ),
    );
    expect(capture.homeDir).toBe('C:\\Users\\user');
    expect(capture.commands[0]).toMatchObject({
      stdout: 'line 1\r\nline 2\r\n',
      stderr: 'warn\n',
      exitCode: 3,
      ms: 12,
    });
    expect(capture.commands[1]).toMatchObject({
      argv: ['missing-tool'],
      spawnError: 'ENOENT',
      exitCode: null,
      stdout: '',
    });
    expect(capture.commands[2]?.argv).toBeNull();
    expect(capture.commands[2]?.stdout).toBe(
      [
        '{"readyroom":"batch/2","part":"wifi","ms":40,"value":"    SSID : x\\r\\n"}',
        '{"readyroom":"batch/2","part":"os","ms":0,"value":{"UBR":4351}}',
        '{"readyroom":"batch/2","part":"users","ms":3,"value":[{"rid":1001,"enabled":true}]}',
        '{"readyroom":"batch/2","part":"bitlocker","ms":2,"error":"COMException 0x80004005"}',
        '{"readyroom":"batch/2","part":"entra","ms":0,"value":null}',
        '',
      ].join('\n'),
    );
  });

  it('refuses a batch JSON file that does not parse, naming the part', async () => {
    expect(
      await errorOf({ ...minimal, commands: [{ batch: [{ part: 'os', valueFile: 'os.json' }] }] }, { 'os.json': '{' }),
    ).toMatch(/os\.json \(batch part "os"\) is not valid JSON/);
  });
});

describe('batch/2 lines', () => {
  it('split back into the parts they were assembled from', () => {
    const parts = [
      { part: 'wifi', ms: 40, value: 'text\r\n' },
      { part: 'bitlocker', ms: 2, error: 'COMException 0x80004005' },
    ];
    expect(splitBatchStdout(assembleBatchStdout(parts))).toEqual(parts);
    expect(splitBatchStdout(assembleBatchStdout(parts).replace(/\n/g, '\r\n'))).toEqual(parts);
  });

  it('are kept as raw text when anything else is in the output', () => {
    const line = assembleBatchStdout([{ part: 'os', ms: 1, value: 1 }]);
    expect(splitBatchStdout(`WARNING: something\n${line}`)).toBeNull();
    expect(splitBatchStdout('{"schema":1,"os":{}}')).toBeNull();
    expect(splitBatchStdout(line.replace('"ms":1', '"ms":1,"extra":true'))).toBeNull();
    expect(splitBatchStdout('')).toBeNull();
  });
});

describe('writing a capture folder', () => {
  it('round-trips: what is written reads back the same, with long outputs in their own text files', async () => {
    const out = join(dir, 'capture');
    const data = captureOf({
      source: 'test',
      env: { XDG_CURRENT_DESKTOP: 'GNOME', SSH_CLIENT: null },
      commands: [
        command(['/usr/bin/ip', '-j', 'route'], '[]\n'),
        command(['/usr/bin/pactl', 'list', 'sinks'], 'Sink #1\n\tName: x\n'.repeat(20), {
          stderr: 'oops\n',
          exitCode: 1,
        }),
        command(['pactl', 'info'], '', { spawnError: 'ENOENT', exitCode: null }),
        command(
          ['powershell.exe', '-Command', '-'],
          assembleBatchStdout([
            { part: 'wifi', ms: 40, value: 'line\r\n'.repeat(30) },
            { part: 'os', ms: 3, value: { a: 1 } },
            { part: 'bitlocker', ms: 2, error: 'COMException 0x80004005' },
          ]),
        ),
      ],
      files: [
        { path: '/etc/os-release', text: 'ID=ubuntu\nVERSION_ID="24.04"\nPRETTY_NAME="Ubuntu"\n' },
        { path: '/sys/class/net/eth0/statistics/rx_bytes', text: '1\n' },
        { path: '/sys/class/net/eth0/statistics/rx_bytes', text: '2\n' },
        { path: '/sys/class/power_supply', list: ['AC'] },
        { path: '/var/lib/clamav/daily.cld', mtimeMs: Date.parse('2026-03-01T00:00:00Z') },
        { path: '/etc/ufw', exists: true },
        { path: '/etc/firewalld', exists: false },
      ],
      systemInfo: { battery: null, mem: { total: 8, available: 4 } },
      stats: { cores: 4, cpuBusyPercent: 10, memory: { totalBytes: 8, availableBytes: 4 } },
      programs: { rows: [{ name: 'Dropbox', category: 'sync', closable: true }] },
      recordedStatuses: { 'security.firewall': 'pass' },
      redacted: { 'ip-address': 2 },
    });
    const written = await writeCaptureFolder(out, data);
    expect(written).toEqual([
      'commands/02-pactl.out.txt',
      'commands/04-powershell/wifi.txt',
      'files/01-os-release.txt',
      'capture.json',
    ]);
    const back = await readCaptureFolder(out);
    const batch = back.commands[3]?.batch;
    expect(batch?.[0]).toEqual({ part: 'wifi', ms: 40, value: 'line\r\n'.repeat(30) });
    expect({ ...back, commands: back.commands.map(({ batch: _b, ...c }) => c) }).toEqual({
      ...data,
      commands: data.commands,
    });
  });

  it('refuses to write into a folder that is not empty without force, and into a file', async () => {
    writeFileSync(join(dir, 'something.txt'), 'x');
    await expect(writeCaptureFolder(dir, captureOf())).rejects.toThrow(/is not empty/);
    await expect(writeCaptureFolder(join(dir, 'something.txt'), captureOf())).rejects.toThrow(/is not a folder/);
  });
});
