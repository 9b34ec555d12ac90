import { describe, expect, it } from 'vitest';

import { createCaptureRecorder } from '../../../../main/probes/capture/capture-recorder';
import {
  createReplayClock,
  createReplayExec,
  createReplayFiles,
  createReplayPrograms,
  createReplayScanService,
  createReplayStats,
  replayNetwork,
} from '../../../../main/probes/capture/capture-replay';
import { assembleBatchStdout } from '../../../../main/probes/capture/capture-batch';
import { automaticCheckIds } from '../../../../shared/checks/check-ids';
import { fakeStats, nullSystemInfo, row, tableExec, tableFiles } from '../helpers/probe-test-kit';
import { captureOf, command } from './capture-test-kit';

describe('replaying commands', () => {
  it('answers by exact argv, repeated runs in recorded order, and a run beyond them as not recorded', async () => {
    const exec = createReplayExec(
      captureOf({
        commands: [command(['/usr/bin/ss', '-tinpH'], 'first\n'), command(['/usr/bin/ss', '-tinpH'], 'second\n')],
      }),
    );
    const outputs = [];
    for (let i = 0; i < 2; i += 1) outputs.push((await exec('/usr/bin/ss', ['-tinpH'])).stdout);
    expect(outputs).toEqual(['first\n', 'second\n']);
    expect(await exec('/usr/bin/ss', ['-tinpH'])).toMatchObject({ ok: false, stdout: '', spawnError: 'ENOENT' });
  });

  it('matches a bare program name written by hand to the full path the probe runs, and the other way round', async () => {
    const exec = createReplayExec(
      captureOf({ commands: [command(['ip', '-j', 'route'], 'bare'), command(['/usr/sbin/netstat', '-rn'], 'full')] }),
    );
    expect((await exec('/usr/bin/ip', ['-j', 'route'])).stdout).toBe('bare');
    expect((await exec('netstat', ['-rn'])).stdout).toBe('full');
    // Arguments must match exactly.
    expect((await exec('/usr/bin/ip', ['-j', 'route', 'get'])).spawnError).toBe('ENOENT');
  });

  it('answers a command the capture lacks like a tool that is not installed', async () => {
    expect(await createReplayExec(captureOf())('/usr/bin/fuser', ['/dev/video0'])).toEqual({
      ok: false,
      stdout: '',
      stderr: '',
      code: null,
      signal: null,
      timedOut: false,
      spawnError: 'ENOENT',
      durationMs: 0,
    });
  });

  it('replays exit codes, time-outs and errors as recorded', async () => {
    const exec = createReplayExec(
      captureOf({
        commands: [
          command(['systemctl', 'is-active', 'ufw'], 'inactive\n', { exitCode: 3 }),
          command(['slow'], '', { timedOut: true, exitCode: null, signal: 'SIGKILL', ms: 3700 }),
        ],
      }),
    );
    expect(await exec('systemctl', ['is-active', 'ufw'])).toMatchObject({ ok: false, code: 3, stdout: 'inactive\n' });
    expect(await exec('slow', [])).toMatchObject({ ok: false, timedOut: true, signal: 'SIGKILL', durationMs: 3700 });
  });

  it('gives a Windows batch written without argv to any powershell.exe, whatever its folder or case', async () => {
    const stdout = assembleBatchStdout([{ part: 'os', ms: 1, value: { UBR: 1 } }]);
    const exec = createReplayExec(
      captureOf({
        system: { platform: 'win32', release: '10.0', arch: 'x64' },
        commands: [{ ...command(['x'], stdout), argv: null }],
      }),
    );
    expect(
      (await exec('C:\\WINDOWS\\Sysnative\\WindowsPowerShell\\v1.0\\PowerShell.exe', ['-Command', '-'])).stdout,
    ).toBe(stdout);
    expect((await exec('C:\\Windows\\System32\\netsh.exe', [])).spawnError).toBe('ENOENT');
  });
});

describe('replaying files, figures, programs and time', () => {
  it('plays repeated reads of one file in order, then nothing; lists folders; reads what the capture lacks as missing', async () => {
    const files = createReplayFiles([
      { path: '/sys/rx', text: '1\n' },
      { path: '/sys/rx', text: '2\n' },
      { path: '/sys/class/power_supply', list: ['AC'] },
      { path: '/var/lib/clamav/daily.cld', mtimeMs: 1000 },
      { path: '/etc/ufw', exists: true },
      { path: '/etc/firewalld', exists: false },
      { path: '/etc/unreadable' },
    ]);
    expect([await files.readText('/sys/rx'), await files.readText('/sys/rx'), await files.readText('/sys/rx')]).toEqual(
      ['1\n', '2\n', null],
    );
    expect(await files.listDir('/sys/class/power_supply')).toEqual(['AC']);
    expect(await files.listDir('/sys/class/power_supply')).toEqual(['AC']);
    expect(await files.mtimeMs('/var/lib/clamav/daily.cld')).toBe(1000);
    expect(await files.exists('/etc/ufw')).toBe(true);
    expect(await files.exists('/sys/rx')).toBe(true);
    expect(await files.exists('/etc/firewalld')).toBe(false);
    expect(await files.exists('/etc/unreadable')).toBe(false);
    expect(await files.readText('/etc/passwd')).toBeNull();
    expect(await files.listDir('/etc/ufw')).toBeNull();
    expect(await files.mtimeMs('/etc/passwd')).toBeNull();
  });

  it('throws for figures the capture lacks, so the check that needs them is unknown', async () => {
    const stats = createReplayStats({});
    expect(() => stats.cores()).toThrow(/number of processor cores/);
    await expect(stats.cpuBusyPercent(100)).rejects.toThrow(/how busy/);
    await expect(stats.memory()).rejects.toThrow(/memory/);
  });

  it('lists recorded programs without process ids, and fails when the capture has no list', async () => {
    const rows = await createReplayPrograms({ rows: [{ name: 'Dropbox', category: 'sync' }] })();
    expect(rows).toEqual([
      {
        id: 'p_replay0000',
        name: 'Dropbox',
        category: 'sync',
        pids: [],
        closable: true,
        reason: 'Recorded in a capture.',
      },
    ]);
    await expect(createReplayPrograms(undefined)()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(createReplayPrograms({ error: 'Could not list.' })()).rejects.toThrow('Could not list.');
  });

  it('starts its clock at the recording time and moves it on when waiting, without real time passing', async () => {
    const clock = createReplayClock('2026-03-02T09:30:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-03-02T09:30:00.000Z');
    await clock.sleep(1500);
    expect(clock.now().toISOString()).toBe('2026-03-02T09:30:01.500Z');
  });

  it('has no network to offer', async () => {
    await expect(replayNetwork.quality.lookup('example.org', 100)).rejects.toThrow(/does not use the network/);
    await expect(replayNetwork.throughput.fetch('https://example.org/')).rejects.toThrow(/does not use the network/);
  });
});

describe('a replayed scan', () => {
  it('skips the live-network checks with the reason, and runs at the recorded time with the readyroom.scan/1 shape', async () => {
    const report = await createReplayScanService(captureOf()).run({});
    expect(report.schema).toBe('readyroom.scan/1');
    expect(report.startedAt).toBe('2026-03-02T09:30:00.000Z');
    expect(report.platform).toBe('linux');
    expect(report.checks.map((c) => c.id)).toEqual(automaticCheckIds);
    for (const id of ['connection.quality', 'connection.throughput']) {
      expect(report.checks.find((c) => c.id === id)).toMatchObject({
        status: 'skipped',
        summary: expect.stringMatching(/replayed from a capture.*live network/),
      });
    }
  });

  it('never passes a check whose answers the capture lacks', async () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const report = await createReplayScanService(captureOf({ system: { platform, release: '1', arch: 'x64' } })).run(
        {},
      );
      expect(report.checks.filter((c) => c.status === 'pass').map((c) => c.id)).toEqual([]);
      expect(report.checks.filter((c) => c.status === 'unknown').length).toBeGreaterThan(10);
    }
  });

  it('reproduces what the live scan said on the same answers (record, then replay)', async () => {
    const exec = tableExec({
      'ip -j route get 1.1.1.1': '[{"dst":"1.1.1.1","dev":"eth0","flags":[]}]',
      'ip -j route show default': '[{"dst":"default","gateway":"192.0.2.1","dev":"eth0","flags":[]}]',
      'systemctl is-active ufw': 'active\n',
      'findmnt -J -o SOURCE,FSTYPE /': '{"filesystems":[{"source":"/dev/sda2","fstype":"ext4"}]}',
      'lsblk -J -s -o NAME,TYPE,FSTYPE /dev/sda2': '{"blockdevices":[{"name":"sda2","type":"part","fstype":"ext4"}]}',
    });
    const files = tableFiles(
      {
        '/sys/class/net/eth0/device': '',
        '/sys/class/net/eth0/statistics/rx_bytes': '100\n',
        '/sys/class/net/eth0/statistics/tx_bytes': '100\n',
        '/etc/ufw/ufw.conf': 'ENABLED=yes\n',
        '/etc/os-release': 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n',
        '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\nuser:x:1000:1000::/home/user:/bin/bash\n',
      },
      { '/sys/class/power_supply': [] },
    );
    const recorder = createCaptureRecorder({
      exec,
      files,
      stats: fakeStats,
      systemInfo: nullSystemInfo,
      env: { XDG_CURRENT_DESKTOP: 'XFCE' },
      homeDir: '/home/user',
      ownPids: () => [42],
      listPrograms: async () => [row('Dropbox', 'sync')],
      now: () => new Date('2026-03-02T09:30:00Z'),
    });
    const { createScanService } = await import('../../../../main/probes/scan-service');
    const { createProbes } = await import('../../../../main/probes/probe-registry');
    const { withoutLiveNetwork } = await import('../../../../main/probes/capture/live-network');
    const { defaultSettings } = await import('../../../../shared/settings/settings');
    const s = recorder.sources;
    const live = await createScanService({
      os: 'linux',
      ...s,
      getSettings: () => defaultSettings,
      sleep: async () => undefined,
      probes: withoutLiveNetwork(createProbes({ now: s.now }), 'skipped'),
    }).run({});
    const capture = recorder.finish({
      readyroomVersion: 'test',
      system: { platform: 'linux', release: '6', arch: 'x64' },
    });
    const replayed = await createReplayScanService(capture).run({});
    const statuses = (r: typeof live) => Object.fromEntries(r.checks.map((c) => [c.id, c.status]));
    expect(statuses(replayed)).toEqual(statuses(live));
    expect(statuses(replayed)).toMatchObject({
      'security.firewall': 'pass',
      'security.disk-encryption': 'fail',
      'programs.background': 'warn',
      'security.os-support': 'pass',
    });
    // The recorder kept only what was asked for.
    expect(Object.keys(capture.env)).toEqual(['XDG_CURRENT_DESKTOP', 'SSH_CONNECTION', 'SSH_CLIENT', 'XRDP_SESSION']);
    expect(capture.programs).toEqual({ rows: [{ name: 'Dropbox', category: 'sync', closable: true }] });
    expect(capture.ownPids).toEqual([42]);
    expect(capture.recordedAt).toBe('2026-03-02T09:30:00.000Z');
    // Both traffic samples are kept, though they are the same: a replay answers each recorded read once.
    expect(capture.files.filter((f) => f.path.endsWith('rx_bytes'))).toEqual([
      { path: '/sys/class/net/eth0/statistics/rx_bytes', text: '100\n' },
      { path: '/sys/class/net/eth0/statistics/rx_bytes', text: '100\n' },
    ]);
  });

  // A capture with one traffic sample replayed it twice, which read as a quiet connection: a pass from nothing.
  it.each([
    [
      'linux',
      [
        command(['ip', '-j', 'route', 'get', '1.1.1.1'], '[{"dst":"1.1.1.1","dev":"eth0","flags":[]}]\n'),
        command(['ip', '-j', 'route', 'show', 'default'], '[{"dst":"default","dev":"eth0","flags":[]}]\n'),
      ],
      [
        { path: '/sys/class/net/eth0/device', exists: true },
        { path: '/sys/class/net/eth0/statistics/rx_bytes', text: '1843200000\n' },
        { path: '/sys/class/net/eth0/statistics/tx_bytes', text: '204800000\n' },
      ],
    ],
    [
      'darwin',
      [
        command(
          ['netstat', '-rn', '-f', 'inet'],
          'Routing tables\n\nInternet:\nDestination        Gateway            Flags               Netif Expire\ndefault            192.0.2.1          UGScg                 en0\n',
        ),
        command(['networksetup', '-listallhardwareports'], '\nHardware Port: Wi-Fi\nDevice: en0\n'),
        command(
          ['netstat', '-ibn', '-I', 'en0'],
          'Name       Mtu   Network       Address            Ipkts Ierrs     Ibytes    Opkts Oerrs     Obytes  Coll\nen0        1500  <Link#11>   02:00:00:00:00:01 18273645     0 21987654321  9182736     0 1234567890     0\n',
        ),
      ],
      [],
    ],
  ] as const)(
    'does not invent a second traffic sample on %s: one recorded sample is not a quiet link',
    async (platform, commands, files) => {
      const report = await createReplayScanService(
        captureOf({ system: { platform, release: '1', arch: 'x64' }, commands, files }),
      ).run({ only: ['connection.type', 'connection.busy'] });
      expect(report.checks.find((c) => c.id === 'connection.type')?.status).not.toBe('unknown');
      expect(report.checks.find((c) => c.id === 'connection.busy')).toMatchObject({ status: 'unknown' });
    },
  );
});
