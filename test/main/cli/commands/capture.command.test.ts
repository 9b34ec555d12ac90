import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createCaptureCommand, type CaptureLive } from '../../../../main/cli/commands/capture.command';
import { commands } from '../../../../main/cli/commands';
import type { CliContext } from '../../../../main/cli/cli-types';
import { runCli } from '../../../../main/cli/run-cli';
import { readCaptureFolder } from '../../../../main/probes/capture/capture-folder';
import { createReplayScanService } from '../../../../main/probes/capture/capture-replay';
import type { ProgramRow } from '../../../../shared/programs/program-types';
import { defaultSettings } from '../../../../shared/settings/settings';
import { captureContext } from '../../programs/cli-context';
import { fakeStats, nullSystemInfo, row, tableExec, tableFiles } from '../../probes/helpers/probe-test-kit';

/** Values that identify the person or network, planted in what the fake computer answers. */
const markers = [
  'pmarlowe',
  'Philippa',
  'Marlowe',
  'MARLOWE-THINKPAD',
  'CornerCafeGuest',
  '3c:22:fb:11:22:33',
  '3C-22-FB-11-22-34',
  'a0:b1:c2:d3:e4:f5',
  '10.23.45.67',
  '10.23.45.1',
  '2a02:c7f:1234:5600::1',
  'C02XK1ABJGH5',
  '3f2a9c4e-1b7d-4e0a-9c3b-5d6e7f8a9b0c',
  'S-1-5-21-3623811015-3361044348-30300820',
  'p.marlowe@example-clinic.co.uk',
  'nas-quentin',
  'quentin',
  'Quentin',
  'deadbeefcafe0123456789abcdef0123',
];

const linuxAnswers = {
  exec: tableExec({
    'ip -j route get 1.1.1.1':
      '[{"dst":"1.1.1.1","gateway":"10.23.45.1","dev":"wlp2s0","prefsrc":"10.23.45.67","flags":[],"uid":1000,"cache":[]}]',
    'ip -j route show default': '[{"dst":"default","gateway":"10.23.45.1","dev":"wlp2s0","flags":[]}]',
    'ss -tinpH':
      'ESTAB 0 0 [2a02:c7f:1234:5600::1]:51544 [2a00:1450:4009:81f::200e]:443 users:(("firefox",pid=4242,fd=88))\n',
    'ss -ltn':
      'State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process\nLISTEN 0      128    10.23.45.67:22     0.0.0.0:*\n',
    'pactl list source-outputs':
      'Source Output #12\n\tProperties:\n\t\tapplication.name = "Firefox"\n\t\tapplication.process.id = "4242"\n\t\tapplication.process.user = "pmarlowe"\n\t\tapplication.process.host = "MARLOWE-THINKPAD"\n\t\tapplication.process.machine_id = "deadbeefcafe0123456789abcdef0123"\n\t\tdevice.serial = "C02XK1ABJGH5"\n',
    'pactl get-default-sink': { ok: false, code: 1, stderr: 'No such command\n' },
    'pactl info':
      'Server Name: PulseAudio (on PipeWire 1.0.5)\nUser Name: pmarlowe\nHost Name: MARLOWE-THINKPAD\nCookie: 8f3a:91bc\nDefault Sink: bluez_output.3C_22_FB_11_22_35.1\n',
    'pactl list sinks':
      'Sink #1\n\tName: bluez_output.3C_22_FB_11_22_35.1\n\tDescription: Philippa\'s AirPods Pro\n\tProperties:\n\t\tapi.bluez5.address = "3C:22:FB:11:22:35"\n\t\tdevice.bus = "bluetooth"\n\t\tdevice.form_factor = "headphone"\n\tActive Port: [Out] headphone-output\n',
    'findmnt -J -o SOURCE,FSTYPE /':
      '{"filesystems":[{"source":"/dev/mapper/luks-3f2a9c4e-1b7d-4e0a-9c3b-5d6e7f8a9b0c","fstype":"ext4"}]}',
    'lsblk -J -s -o NAME,TYPE,FSTYPE /dev/mapper/luks-3f2a9c4e-1b7d-4e0a-9c3b-5d6e7f8a9b0c':
      '{"blockdevices":[{"name":"luks-3f2a9c4e-1b7d-4e0a-9c3b-5d6e7f8a9b0c","type":"crypt","fstype":"ext4","children":[{"name":"nvme0n1p3","type":"part","fstype":"crypto_LUKS"}]}]}',
    'gsettings get org.gnome.desktop.notifications show-banners': 'true\n',
    'systemctl is-active ufw': 'active\n',
  }),
  files: tableFiles(
    {
      '/sys/class/net/wlp2s0/wireless': '',
      '/sys/class/net/wlp2s0/uevent': 'DEVTYPE=wlan\nINTERFACE=wlp2s0\n',
      '/sys/class/net/wlp2s0/statistics/rx_bytes': '1000\n',
      '/sys/class/net/wlp2s0/statistics/tx_bytes': '2000\n',
      '/etc/passwd':
        'root:x:0:0:root:/root:/bin/bash\npmarlowe:x:1000:1000:Philippa Marlowe,,,:/home/pmarlowe:/bin/bash\nquentin:x:1001:1001:Quentin Blake,,,:/home/quentin:/bin/bash\n',
      '/etc/gdm3/custom.conf': '[daemon]\nAutomaticLoginEnable=true\nAutomaticLogin=quentin\n',
      '/etc/ufw/ufw.conf': 'ENABLED=yes\n# admin: p.marlowe@example-clinic.co.uk\n',
      '/etc/os-release': 'PRETTY_NAME="Ubuntu 24.04.3 LTS"\nID=ubuntu\nVERSION_ID="24.04"\n',
      '/home/pmarlowe/.ecryptfs': '',
    },
    { '/sys/class/power_supply': [], '/etc/lightdm/lightdm.conf.d': ['50-nas-quentin.lan.conf'] },
  ),
};

const netsh = [
  'There is 1 interface on the system:',
  '',
  '    Name                   : Wi-Fi',
  '    Physical address       : 3c:22:fb:11:22:33',
  '    State                  : connected',
  '    SSID                   : CornerCafeGuest',
  '    AP BSSID               : a0:b1:c2:d3:e4:f5',
  '    Authentication         : WPA2-Personal',
  '    Signal                 : 72%',
  '    Profile                : CornerCafeGuest',
  '',
].join('\r\n');
const batchLine = (part: string, value: unknown) => JSON.stringify({ readyroom: 'batch/2', part, ms: 10, value });
const windowsAnswers = {
  exec: tableExec({
    'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -NoProfile -NonInteractive -NoLogo -ExecutionPolicy Bypass -Command -':
      [
        batchLine('wifi', netsh),
        batchLine('mediaInUse', [{ device: 'microphone', app: 'C:#Users#pmarlowe#AppData#Roaming#Zoom#bin#Zoom.exe' }]),
        batchLine('profiles', ['S-1-5-21-3623811015-3361044348-30300820-1001', 'C:\\Users\\Quentin']),
        batchLine('network', { adapters: [{ name: 'Wi-Fi', mac: '3C-22-FB-11-22-34', ip: '10.23.45.67' }] }),
        '',
      ].join('\r\n'),
  }),
  files: tableFiles({}),
};

function liveFor(
  answers: typeof linuxAnswers,
  platform: 'linux' | 'win32',
  programs: readonly ProgramRow[],
): CaptureLive {
  return {
    ...answers,
    stats: fakeStats,
    systemInfo: nullSystemInfo,
    env:
      platform === 'linux'
        ? {
            XDG_CURRENT_DESKTOP: 'ubuntu:GNOME',
            SSH_CONNECTION: '10.23.45.1 51234 10.23.45.67 22',
            HOME: '/home/pmarlowe',
          }
        : { USERNAME: 'pmarlowe', COMPUTERNAME: 'MARLOWE-THINKPAD' },
    homeDir: platform === 'linux' ? '/home/pmarlowe' : 'C:\\Users\\pmarlowe',
    ownPids: () => [4321],
    listPrograms: async () => programs,
    now: () => new Date('2026-03-02T09:30:00Z'),
    getSettings: () => defaultSettings,
    system: { platform, release: '6.8.0-MARLOWE-THINKPAD', version: '#1 SMP pmarlowe build', arch: 'x64' },
    identify: async () => ({
      userNames: ['pmarlowe'],
      fullNames: ['Philippa Marlowe'],
      computerNames: ['MARLOWE-THINKPAD'],
    }),
  };
}

function context(platform: NodeJS.Platform = 'linux') {
  const captured = captureContext('/nonexistent/readyroom');
  const ctx: CliContext = { ...captured.context, platform };
  return { ctx, stdout: captured.stdout, stderr: captured.stderr };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'readyroom-capture-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const programs = [row('pmarlowe sync helper', 'sync'), row('Dropbox', 'sync')];
const captureCommand = (answers: typeof linuxAnswers, platform: 'linux' | 'win32') =>
  createCaptureCommand({ appVersion: '9.9.9', live: () => liveFor(answers, platform, programs) });

describe('capture: nothing personal is written', () => {
  it.each([
    ['Linux', linuxAnswers, 'linux'],
    ['Windows', windowsAnswers, 'win32'],
  ] as const)(
    'leaves no planted marker in any written byte or in what it prints (%s)',
    async (_os, answers, platform) => {
      const dir = join(work, 'capture');
      const { ctx, stdout, stderr } = context(platform);
      const code = await runCli(
        ['capture', '--out', dir, '--source', 'Marlowe clinic laptop'],
        [captureCommand(answers, platform)],
        ctx,
      );
      expect(stderr()).toBe('');
      expect(code).toBe(0);
      const files = allFiles(dir);
      expect(files.length).toBeGreaterThan(1);
      const written = files.map((f) => readFileSync(f, 'utf8')).join('\n');
      const printed = stdout();
      for (const marker of markers) {
        expect(written.toLowerCase()).not.toContain(marker.toLowerCase());
        expect(printed.toLowerCase()).not.toContain(marker.toLowerCase());
      }
      // Stand-ins of the same shape took their place.
      expect(written).toContain('02:00:00:00:00:0');
      expect(written).toMatch(/user/);
      if (platform === 'linux') {
        expect(written).toContain('192.0.2.');
        expect(written).toContain('2001:db8::');
        expect(written).toMatch(/luks-00000000-0000-4000-8000-00000000000\d/);
      } else {
        expect(written).toContain('network-1');
        expect(written).toContain('S-1-5-21-1000000000-1000000000-1000000001-1001');
      }
    },
  );

  it('still replays the redacted Linux capture the way the live scan went', async () => {
    const dir = join(work, 'capture');
    const { ctx } = context('linux');
    expect(await runCli(['capture', '--out', dir], [captureCommand(linuxAnswers, 'linux')], ctx)).toBe(0);
    const capture = await readCaptureFolder(dir);
    const report = await createReplayScanService(capture).run({});
    expect(Object.fromEntries(report.checks.map((c) => [c.id, c.status]))).toEqual(capture.recordedStatuses);
    expect(capture.recordedStatuses?.['security.disk-encryption']).toBe('pass');
    expect(capture.recordedStatuses?.['connection.quality']).toBe('skipped');
  });

  it('prints what it removed (kind, count, where) and what it kept, as text or JSON', async () => {
    const dir = join(work, 'capture');
    const { ctx, stdout } = context('linux');
    await runCli(['capture', '--out', dir, '--json'], [captureCommand(linuxAnswers, 'linux')], ctx);
    const review = JSON.parse(stdout()) as {
      removed: {
        total: number;
        byKind: Record<string, number>;
        where: { place: string; kind: string; count: number }[];
      };
      kept: { commands: string[]; files: string[]; environment: string[]; programs: string[] };
      written: string[];
    };
    expect(review.removed.byKind).toMatchObject({
      'ip-address': expect.any(Number),
      'mac-address': expect.any(Number),
    });
    expect(review.removed.where).toContainEqual({ place: 'pactl info (output)', kind: 'computer-name', count: 1 });
    expect(review.removed.where).toContainEqual({
      place: 'environment variable SSH_CONNECTION',
      kind: 'ip-address',
      count: 2,
    });
    expect(review.kept.commands).toContain('ip -j route get 1.1.1.1');
    expect(review.kept.files).toContain('/etc/passwd');
    // Only the variables the checks read are recorded: HOME was set but never asked for.
    expect(review.kept.environment).toEqual(['XDG_CURRENT_DESKTOP', 'SSH_CONNECTION']);
    expect(review.kept.programs).toEqual(['user sync helper', 'Dropbox']);
    expect(review.written).toContain('capture.json');

    const text = context('linux');
    await runCli(['capture', '--out', join(work, 'again')], [captureCommand(linuxAnswers, 'linux')], text.ctx);
    const printed = text.stdout();
    expect(printed).toMatch(/Removed before writing \(\d+ values/);
    expect(printed).toMatch(/IP addresses \(v4 and v6\): \d+\n\s+in .*ip -j route get 1\.1\.1\.1 \(output\)/);
    expect(printed).toMatch(/Kept as recorded/);
  });

  it('records the program list as names and categories only, without process ids', async () => {
    const dir = join(work, 'capture');
    await runCli(['capture', '--out', dir], [captureCommand(linuxAnswers, 'linux')], context('linux').ctx);
    const index = JSON.parse(readFileSync(join(dir, 'capture.json'), 'utf8')) as { programs: unknown };
    expect(index.programs).toEqual({
      rows: [
        { name: 'user sync helper', category: 'sync', closable: true },
        { name: 'Dropbox', category: 'sync', closable: true },
      ],
    });
  });

  it.skipIf(process.platform === 'win32')('writes files 0600 and folders 0700', async () => {
    const dir = join(work, 'capture');
    await runCli(['capture', '--out', dir], [captureCommand(linuxAnswers, 'linux')], context('linux').ctx);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const file of allFiles(dir)) expect(statSync(file).mode & 0o777).toBe(0o600);
    for (const sub of ['commands', 'files']) expect(statSync(join(dir, sub)).mode & 0o777).toBe(0o700);
  });
});

describe('capture: folders', () => {
  it('refuses a folder that is not empty unless --force, then replaces only its own files', async () => {
    const dir = join(work, 'capture');
    mkdirSync(join(dir, 'commands'), { recursive: true });
    writeFileSync(join(dir, 'capture.json'), '{}');
    writeFileSync(join(dir, 'commands', 'stale.out.txt'), 'old');
    writeFileSync(join(dir, 'expected.json'), '{"kept":true}');
    const refused = context('linux');
    expect(await runCli(['capture', '--out', dir], [captureCommand(linuxAnswers, 'linux')], refused.ctx)).toBe(2);
    expect(refused.stderr()).toMatch(/^readyroom capture: .* is not empty; .*--force.*\n$/);
    expect(readFileSync(join(dir, 'capture.json'), 'utf8')).toBe('{}');

    expect(
      await runCli(['capture', '--out', dir, '--force'], [captureCommand(linuxAnswers, 'linux')], context('linux').ctx),
    ).toBe(0);
    const names = allFiles(dir).map((f) => relative(dir, f).replace(/\\/g, '/'));
    expect(names).toContain('expected.json');
    expect(names).not.toContain('commands/stale.out.txt');
    expect(readFileSync(join(dir, 'expected.json'), 'utf8')).toBe('{"kept":true}');
    expect((await readCaptureFolder(dir)).readyroomVersion).toBe('9.9.9');
  });
});

describe('CLI usage errors: exit 2 with one line on stderr', () => {
  const fixtures = join(import.meta.dirname, '../../../fixtures');
  const cases: [string, string[], RegExp][] = [
    ['capture without --out', ['capture'], /--out DIR is required/],
    ['capture with an unknown option', ['capture', '--out', 'x', '--frobnicate'], /frobnicate/],
    ['capture with a stray argument', ['capture', '--out', 'x', 'extra'], /extra|positional/i],
    ['scan --replay of a missing folder', ['scan', '--replay', '/nonexistent/capture', '--json'], /cannot be opened/],
    [
      'scan --replay of a folder without capture.json',
      ['scan', '--replay', fixtures, '--json'],
      /has no capture\.json/,
    ],
    ['scan --replay with an empty folder name', ['scan', '--replay', '', '--json'], /needs the folder/],
    [
      'scan --replay together with --save',
      ['scan', '--replay', join(fixtures, 'captures/linux-hand-written'), '--save', '--client', 'AB12'],
      /--save cannot be used with --replay/,
    ],
  ];
  it.each(cases)('%s', async (_name, argv, message) => {
    const { ctx, stdout, stderr } = context('linux');
    const all = [...commands.filter((c) => c.name !== 'capture'), captureCommand(linuxAnswers, 'linux')];
    expect(await runCli(argv, all, ctx)).toBe(2);
    const text = stderr();
    expect(text).toMatch(message);
    expect(text.trimEnd().split('\n')).toHaveLength(1);
    expect(stdout()).toBe('');
  });

  it('exits 2 for a capture folder that breaks the format, naming the field', async () => {
    const dir = join(work, 'bad');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'capture.json'),
      JSON.stringify({
        format: 'readyroom.capture/1',
        readyroomVersion: 'hand-written',
        recordedAt: '2026-03-02T09:30:00Z',
        system: { platform: 'linux', release: '6.8', arch: 'x64' },
        commands: [{ argv: ['ip'], stdoutFile: '../../etc/passwd' }],
      }),
    );
    const { ctx, stderr } = context('linux');
    expect(await runCli(['scan', '--replay', dir, '--json'], commands, ctx)).toBe(2);
    expect(stderr()).toMatch(
      /^readyroom scan: capture\.json at commands\[0\]\.stdoutFile: must name a file inside the capture folder.*\n$/,
    );
  });

  it('refuses to capture on an OS it does not support', async () => {
    const { ctx, stderr } = context('aix');
    expect(await runCli(['capture', '--out', join(work, 'c')], [captureCommand(linuxAnswers, 'linux')], ctx)).toBe(2);
    expect(stderr()).toMatch(/Windows, macOS and Linux/);
  });
});
