import { describe, expect, it } from 'vitest';

import { createDarwinFacts, darwinCommands as c } from '../../../../main/probes/platform/darwin';
import { createLinuxFacts, rebootAnnouncers } from '../../../../main/probes/platform/linux';
import { createWin32Facts, defaultWin32Options } from '../../../../main/probes/platform/win32';
import { powershellArgs, powershellPath, windowsBatchLineTag } from '../../../../main/probes/platform/win32-batch';
import { createComputerUpdatesProbe } from '../../../../main/probes/computer-updates.probe';
import {
  captureFile,
  capturedBatchParts,
  platformDeps,
  probeContext,
  tableExec,
  tableFiles,
} from '../helpers/probe-test-kit';

/* The per-OS answers of the issue-14 checks where they combine several sources. */

const now = new Date('2026-03-02T13:20:00Z');
const timers = captureFile('linux-listeners-ubuntu', 'pasted/systemctl-list-timers.txt');
/** The real Ubuntu timer list with apt's install timer due in 30 minutes. */
const installSoon = timers.replace(/20h left {6}(n\/a\s+n\/a\s+apt-daily-upgrade)/, '30min left    $1');

describe('Linux updates', () => {
  const facts = (files: Record<string, string>, list = timers) =>
    createLinuxFacts(
      platformDeps({
        now: () => now,
        exec: tableExec({ 'systemctl list-timers --all --no-pager': list }),
        files: tableFiles(files, {
          '/etc/apt/apt.conf.d': Object.keys(files)
            .filter((f) => f.includes('apt.conf.d/'))
            .map((f) => f.split('/').pop() ?? ''),
        }),
      }),
    );
  const debian = { '/var/lib/dpkg/status': '', [rebootAnnouncers[1] ?? '']: '' };

  it('plans the restart unattended-upgrades makes after its next run when Automatic-Reboot is "now"', async () => {
    const linux = facts(
      {
        ...debian,
        '/run/reboot-required': '*** System restart required ***\n',
        '/etc/apt/apt.conf.d/20auto-upgrades': 'APT::Periodic::Unattended-Upgrade "1";\n',
        '/etc/apt/apt.conf.d/50unattended-upgrades': 'Unattended-Upgrade::Automatic-Reboot "true";\n',
      },
      installSoon,
    );
    const probe = createComputerUpdatesProbe(() => now);
    const result = await probe.run(probeContext({ facts: linux }));
    expect(result.status).toBe('fail');
    expect(result.summary).toContain('automatic restart after the update installation is due in 30 minutes');
  });

  it('leaves the install timer out when unattended upgrades are off (apt’s default)', async () => {
    const fact = await facts({ ...debian }, installSoon).updates();
    expect(fact).toMatchObject({ state: 'known', value: { pending: [], scheduled: [], unread: [] } });
  });

  it('cannot tell about a restart where nothing writes /run/reboot-required', async () => {
    const fact = await facts({ '/var/lib/dpkg/status': '' }).updates();
    expect(fact.state === 'known' && fact.value.unread[0]).toMatch(/nothing on this computer announces it/);
  });

  it('reads only the apt files about automatic updates (others can hold proxy passwords)', async () => {
    const read: string[] = [];
    const files = tableFiles(
      { ...debian },
      { '/etc/apt/apt.conf.d': ['01proxy', '20auto-upgrades', '50unattended-upgrades'] },
    );
    const spy = { ...files, readText: async (p: string) => (read.push(p), files.readText(p)) };
    await createLinuxFacts(platformDeps({ files: spy })).updates();
    expect(read.filter((p) => p.startsWith('/etc/apt'))).toEqual([
      '/etc/apt/apt.conf.d/20auto-upgrades',
      '/etc/apt/apt.conf.d/50unattended-upgrades',
    ]);
  });
});

describe('Linux headsets', () => {
  const sinks =
    'Sink #52\n\tName: bluez_output.02_00_00_00_00_02.1\n\tProperties:\n\t\tdevice.bus = "bluetooth"\n\t\tdevice.description = "Buds"\n';
  it('reports a Bluetooth output that UPower gives no charge for as a headset of unknown charge', async () => {
    const linux = createLinuxFacts(platformDeps({ exec: tableExec({ 'pactl list sinks': sinks }) }));
    expect(await linux.headsets()).toMatchObject({
      state: 'known',
      value: { headsets: [{ name: 'Buds', percent: null }] },
    });
  });

  it('is unknown when neither UPower nor the sound server answers', async () => {
    expect((await createLinuxFacts(platformDeps()).headsets()).state).toBe('unknown');
  });
});

describe('macOS screen recording', () => {
  const library = '/Users/user/Library';
  const folder = `${library}/ScreenRecordings`;
  const mac = (dirs: Record<string, readonly string[]>, texts: Record<string, string> = {}) =>
    createDarwinFacts(platformDeps({ homeDir: '/Users/user', files: tableFiles(texts, { [library]: [], ...dirs }) }));

  it('finds a recording in progress by its file in the recordings folder', async () => {
    expect(await mac({ [folder]: ['.Recording 1.mov'] }).recording()).toMatchObject({
      value: { signals: [{ certainty: 'recording' }] },
    });
    expect(await mac({ [folder]: [] }).recording()).toMatchObject({ value: { signals: [], unread: [] } });
    // The file is proof enough, whatever else was read.
    const onlyFolder = tableFiles({}, { [folder]: ['.Recording 1.mov'] });
    expect(
      await createDarwinFacts(platformDeps({ homeDir: '/Users/user', files: onlyFolder })).recording(),
    ).toMatchObject({ value: { signals: [{ certainty: 'recording' }] } });
  });

  it('reads no recordings folder in the user’s Library as no recording', async () => {
    expect(await mac({}).recording()).toMatchObject({ value: { signals: [], unread: [] } });
  });

  it('cannot tell from a missing recordings folder when the user’s Library was not found either', async () => {
    // What a replay of a capture that never looked there sees, or a scan with the wrong home folder.
    const files = tableFiles({});
    const fact = await createDarwinFacts(platformDeps({ homeDir: '/Users/user', files })).recording();
    expect(fact).toMatchObject({ value: { signals: [], unread: ['whether macOS is recording the screen'] } });
  });

  it('says it could not tell when the folder is there but cannot be listed', async () => {
    const files = tableFiles({ [folder]: '' }, { [library]: [] });
    const fact = await createDarwinFacts(platformDeps({ homeDir: '/Users/user', files })).recording();
    expect(fact).toMatchObject({ value: { unread: ['whether macOS is recording the screen'] } });
  });

  it('reads Time Machine as set up but not running from its preferences, hourly when no interval is set', async () => {
    const exec = tableExec({
      [`${c.tmutil} status`]: 'Backup session status:\n{\n    Running = 0;\n}\n',
      [`${c.defaults} read /Library/Preferences/com.apple.TimeMachine AutoBackup`]: '1\n',
      [`${c.defaults} read /Library/Preferences/com.apple.TimeMachine AutoBackupInterval`]: {
        ok: false,
        code: 1,
        stderr: 'The domain/default pair of (x, AutoBackupInterval) does not exist\n',
      },
    });
    const fact = await createDarwinFacts(platformDeps({ exec })).backgroundTasks();
    expect(fact).toMatchObject({ value: { tasks: [{ name: 'Time Machine backup', everyMinutes: 60 }], unread: [] } });
  });
});

const unsafeWindowsParts = await capturedBatchParts('windows11-listeners-unsafe');

describe('Windows updates', () => {
  const ps = [powershellPath({ SystemRoot: 'C:\\Windows' }), ...powershellArgs].join(' ');
  const parts = unsafeWindowsParts;
  const batch = (updates: unknown) =>
    `${JSON.stringify({ readyroom: windowsBatchLineTag, part: 'updates', ms: 1, value: updates })}\r\n`;

  it('ignores a scheduled restart that is long past (a left-over value, not a plan)', async () => {
    const stale = { ...(parts.updates as object), state: { ScheduledRebootTime: 133000000000000000 } };
    const facts = createWin32Facts(
      platformDeps({ exec: tableExec({ [ps]: batch(stale) }), env: { SystemRoot: 'C:\\Windows' }, now: () => now }),
      defaultWin32Options,
    );
    expect(await facts.updates()).toMatchObject({ value: { restartNeeded: true, scheduled: [] } });
  });
});
