import { describe, expect, it } from 'vitest';

import { osNames } from '../../../shared/platform';
import {
  appNameFromBundle,
  customEntries,
  isNeverSuggested,
  isProtectedProcess,
  matchProgram,
  normaliseProgramName,
  processNames,
  type ProcessFacts,
} from '../../../shared/programs/program-matching';
import { programCategories } from '../../../shared/programs/program-types';
import { getProgramCatalogEntry, programCatalog, protectedProcesses } from '../../../shared/programs/programs.catalog';
import { sessionPlatforms } from '../../../shared/session/platforms';

const proc = (extra: Partial<ProcessFacts>): ProcessFacts => ({
  pid: 100,
  ppid: 1,
  name: 'x',
  exe: null,
  startKey: '1',
  appBundle: null,
  flatpakId: null,
  snapName: null,
  ...extra,
});

describe('program catalog', () => {
  const required = {
    sync: [
      'Dropbox',
      'OneDrive',
      'Google Drive',
      'iCloud Drive',
      'Box Drive',
      'MEGA',
      'pCloud Drive',
      'Nextcloud',
      'ownCloud',
      'Syncthing',
      'Resilio Sync',
      'Sync.com',
      'Backblaze',
      'Carbonite',
    ],
    browser: ['Google Chrome', 'Microsoft Edge', 'Firefox', 'Safari', 'Brave', 'Opera', 'Vivaldi', 'Arc'],
    assistant: ['Alexa', 'Cortana'],
    chat: ['Slack', 'Discord', 'WhatsApp', 'Telegram', 'Signal', 'Messenger'],
    media: ['Spotify', 'Apple Music', 'Steam', 'Epic Games Launcher', 'Battle.net'],
    torrent: ['qBittorrent', 'Transmission', 'µTorrent', 'Deluge'],
    'remote-access': ['TeamViewer', 'AnyDesk', 'Chrome Remote Desktop', 'VNC server', 'Splashtop'],
    recorder: [
      'OBS Studio',
      'Loom',
      'Camtasia',
      'ShareX',
      'Bandicam',
      'ScreenFlow',
      'Snagit',
      'Audio Hijack',
      'SimpleScreenRecorder',
      'Kazam',
      'vokoscreenNG',
      'recordMyDesktop',
      'Audacity',
      'Otter',
      'Fireflies',
      'Fathom',
      'tl;dv',
      'Read AI',
      'Granola',
      'Krisp',
    ],
    video: ['Zoom', 'Microsoft Teams', 'Webex', 'Skype', 'VSee'],
  } as const;

  it.each(Object.entries(required))('has every %s program the guidance names', (category, names) => {
    for (const name of names) {
      expect(programCatalog.find((e) => e.name === name)?.category, name).toBe(category);
    }
  });

  it('has unique ids, a known category, a reason and at least one process name per entry', () => {
    expect(new Set(programCatalog.map((e) => e.id)).size).toBe(programCatalog.length);
    for (const entry of programCatalog) {
      expect(programCategories).toContain(entry.category);
      expect(entry.why.length, entry.id).toBeGreaterThan(20);
      expect(Object.values(entry.processes).flat().length, entry.id).toBeGreaterThan(0);
    }
  });

  it('says for every recorder whether it records while running or only may record, and only recorders say it', () => {
    for (const entry of programCatalog) {
      if (entry.category === 'recorder') expect(['running', 'may'], entry.id).toContain(entry.records);
      else expect(entry.records, entry.id).toBeUndefined();
    }
    // Tools with other uses are never taken as proof of a recording.
    for (const id of ['audacity', 'ffmpeg', 'obs', 'quicktime', 'snipping-tool', 'krisp']) {
      expect(getProgramCatalogEntry(id)?.records, id).toBe('may');
    }
  });

  it('knows recorders on every OS, and never takes the playback tools behind the Linux recorders for recorders', () => {
    for (const os of osNames) {
      expect(
        programCatalog.filter((e) => e.category === 'recorder' && (e.processes[os]?.length ?? 0) > 0).length,
        os,
      ).toBeGreaterThan(4);
    }
    const linuxNames = programCatalog.flatMap((e) => e.processes.linux ?? []);
    for (const player of ['aplay', 'pacat', 'pw-cat', 'pw-play']) expect(linuxNames).not.toContain(player);
  });

  it('links every installable session platform to a catalog entry', () => {
    for (const platform of sessionPlatforms) {
      if (platform.programId) expect(getProgramCatalogEntry(platform.programId)?.category, platform.id).toBeDefined();
    }
  });

  it('never names a protected process as a program to close', () => {
    for (const os of osNames) {
      const denied = new Set(protectedProcesses[os].map(normaliseProgramName));
      for (const entry of programCatalog) {
        for (const name of entry.processes[os] ?? [])
          expect(denied.has(normaliseProgramName(name)), `${entry.id} ${name}`).toBe(false);
      }
    }
  });

  it('protects the processes the issue names on each OS', () => {
    expect(protectedProcesses.win32).toEqual(
      expect.arrayContaining(['explorer.exe', 'dwm.exe', 'csrss.exe', 'winlogon.exe']),
    );
    expect(protectedProcesses.darwin).toEqual(expect.arrayContaining(['WindowServer', 'loginwindow', 'Dock']));
    expect(protectedProcesses.linux).toEqual(
      expect.arrayContaining(['systemd', 'Xorg', 'Xwayland', 'gnome-shell', 'plasmashell']),
    );
  });
});

describe('program matching', () => {
  it('compares names without case or .exe / .app', () => {
    expect(normaliseProgramName('  OneDrive.EXE ')).toBe('onedrive');
    expect(normaliseProgramName('Slack.app')).toBe('slack');
  });

  it('matches Windows image names regardless of case', () => {
    expect(matchProgram(proc({ name: 'ONEDRIVE.EXE', exe: 'C:\\x\\OneDrive.exe' }), 'win32', programCatalog)?.id).toBe(
      'onedrive',
    );
  });

  it('maps macOS helpers to their app by the outer .app folder', () => {
    const helper = proc({
      name: 'Slack Helper (Renderer)',
      exe: '/Applications/Slack.app/Contents/Frameworks/Slack Helper (Renderer).app/Contents/MacOS/Slack Helper (Renderer)',
      appBundle: '/Applications/Slack.app',
    });
    expect(processNames(helper, 'darwin')).toEqual(['slack']);
    expect(matchProgram(helper, 'darwin', programCatalog)?.id).toBe('slack');
    expect(appNameFromBundle('/Applications/zoom.us.app/')).toBe('zoom.us');
  });

  it('matches Linux programs by executable file name, by a 15-character process name, or by Flatpak id', () => {
    expect(
      matchProgram(proc({ name: 'Isolated Web Co', exe: '/usr/lib/firefox-esr/firefox-esr' }), 'linux', programCatalog)
        ?.id,
    ).toBe('firefox');
    expect(matchProgram(proc({ name: 'transmission-da', exe: null }), 'linux', programCatalog)?.id).toBe(
      'transmission',
    );
    expect(
      matchProgram(
        proc({ name: 'spotify', exe: '/app/extra/bin/spotify', flatpakId: 'com.spotify.Client' }),
        'linux',
        programCatalog,
      )?.id,
    ).toBe('spotify');
    expect(matchProgram(proc({ name: 'bash', exe: '/usr/bin/bash' }), 'linux', programCatalog)).toBeNull();
  });

  it('does not match a program on an OS the catalog has no names for', () => {
    expect(matchProgram(proc({ name: 'Safari', exe: '/usr/bin/Safari' }), 'linux', programCatalog)).toBeNull();
  });

  it('protects pid 1 everywhere, pids up to 4 on Windows, and denylisted names even under another path', () => {
    expect(isProtectedProcess(proc({ pid: 1, name: 'anything' }), 'linux')).toBe(true);
    expect(isProtectedProcess(proc({ pid: 4, name: 'System' }), 'win32')).toBe(true);
    expect(isProtectedProcess(proc({ name: 'Explorer.EXE', exe: 'C:\\Windows\\explorer.exe' }), 'win32')).toBe(true);
    expect(isProtectedProcess(proc({ name: 'gnome-shell', exe: '/tmp/x/gnome-shell' }), 'linux')).toBe(true);
    expect(
      isProtectedProcess(
        proc({
          name: 'Dock',
          exe: '/System/Library/CoreServices/Dock.app/Contents/MacOS/Dock',
          appBundle: '/System/Library/CoreServices/Dock.app',
        }),
        'darwin',
      ),
    ).toBe(true);
    expect(isProtectedProcess(proc({ name: 'slack', exe: '/usr/bin/slack' }), 'linux')).toBe(false);
  });

  it('turns unknown "always suggest" names into entries, skipping names the catalog knows and duplicates', () => {
    const entries = customEntries(['KeePassXC', 'keepassxc', 'Spotify', 'dropbox.exe', '  '], 'win32');
    expect(entries).toEqual([
      {
        id: 'custom:keepassxc',
        name: 'KeePassXC',
        category: 'other',
        why: expect.stringMatching(/always suggest/),
        processes: { win32: ['KeePassXC'] },
      },
    ]);
    expect(matchProgram(proc({ name: 'KeePassXC.exe' }), 'win32', entries)?.id).toBe('custom:keepassxc');
  });

  it('honours "never suggest" by program name or process name', () => {
    const spotify = getProgramCatalogEntry('spotify');
    if (!spotify) throw new Error('catalog lost spotify');
    expect(isNeverSuggested(spotify, ['spotify'], 'linux')).toBe(true);
    expect(isNeverSuggested(spotify, ['Spotify.exe'], 'win32')).toBe(true);
    expect(isNeverSuggested(spotify, ['Slack'], 'win32')).toBe(false);
    expect(isNeverSuggested(spotify, [], 'win32')).toBe(false);
  });
});
