import { describe, expect, it } from 'vitest';

import { programsBackgroundProbe } from '../../../main/probes/programs-background.probe';
import { probeContext, row } from './helpers/probe-test-kit';

describe('programs.background', () => {
  it('passes when nothing needs closing', async () => {
    expect((await programsBackgroundProbe.run(probeContext())).status).toBe('pass');
  });

  it('warns, naming programs with their category, and leaves remote-access tools and assistants to their own checks', async () => {
    const r = await programsBackgroundProbe.run(
      probeContext({
        listPrograms: async () => [
          row('Dropbox', 'sync'),
          row('Google Chrome', 'browser'),
          row('TeamViewer', 'remote-access'),
          row('Alexa', 'assistant'),
        ],
      }),
    );
    expect(r.status).toBe('warn');
    expect(r.summary).toBe('2 programs worth closing: Dropbox (sync and backup) and Google Chrome (web browser).');
    expect(r.evidence.programs).toHaveLength(2);
  });

  it('passes the session platform to the programs service', async () => {
    const seen: unknown[] = [];
    const { createScanService } = await import('../../../main/probes/scan-service');
    const { defaultSettings } = await import('../../../shared/settings/settings');
    const service = createScanService({
      os: 'linux',
      exec: async () => ({
        ok: false,
        stdout: '',
        stderr: '',
        code: null,
        signal: null,
        timedOut: false,
        spawnError: 'ENOENT',
        durationMs: 0,
      }),
      listPrograms: async (opts) => {
        seen.push(opts);
        return [];
      },
      getSettings: () => defaultSettings,
      probes: [programsBackgroundProbe],
    });
    await service.run({ platform: 'google-meet' });
    expect(seen).toEqual([{ platform: 'google-meet' }]);
  });

  it('is unknown when the program list cannot be read', async () => {
    const r = await programsBackgroundProbe.run(
      probeContext({ listPrograms: async () => Promise.reject(new Error('boom')) }),
    );
    expect(r.status).toBe('unknown');
  });
});
