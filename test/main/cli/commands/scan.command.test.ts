import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { createCliServices } from '../../../../main/cli/cli-services';
import { UsageError, type CliContext } from '../../../../main/cli/cli-types';
import { createScanCommand, formatScanTable, parseScanArgs } from '../../../../main/cli/commands/scan.command';
import type { Probe } from '../../../../main/probes/probe-types';
import type { ScanService } from '../../../../main/probes/scan-service';
import type { ScanRequest } from '../../../../shared/ipc/scan.contract';
import { probesOnlyScanService } from '../../probes/helpers/probe-test-kit';

function context(): CliContext & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: (t) => void out.push(t),
      stderr: (t) => void err.push(t),
      stdin: Readable.from([]),
      interactive: false,
    },
    env: {},
    defaultDataDir: '/tmp/readyroom-test',
    platform: 'linux',
  };
}

const fixed = (id: Probe['id'], status: 'pass' | 'warn' | 'fail' | 'unknown' | 'skipped'): Probe => ({
  id,
  run: async () => ({ status, summary: `${id} is ${status}.`, evidence: { seen: true } }),
});

function fakeService(probes: Probe[], seen: ScanRequest[] = []): ScanService {
  const real = probesOnlyScanService(probes);
  return {
    checkIds: real.checkIds,
    approvalsNeeded: real.approvalsNeeded,
    run: (request, options) => {
      seen.push(request);
      return real.run(request, options);
    },
  };
}

describe('scan command', () => {
  it('prints the report as JSON in the documented shape and exits 0 without failures', async () => {
    const ctx = context();
    const cmd = createScanCommand({
      createScanService: () => fakeService([fixed('connection.type', 'pass'), fixed('security.firewall', 'warn')]),
    });
    expect(await cmd.run(['--json'], ctx)).toBe(0);
    const report = JSON.parse(ctx.out.join(''));
    expect(Object.keys(report)).toEqual(['schema', 'startedAt', 'durationMs', 'platform', 'checks']);
    expect(report.schema).toBe('readyroom.scan/1');
    expect(Object.keys(report.checks[0])).toEqual(['id', 'status', 'summary', 'evidence', 'fix', 'durationMs']);
    expect(report.checks[1]).toMatchObject({
      id: 'security.firewall',
      status: 'warn',
      fix: { steps: expect.any(Array) },
    });
  });

  it('exits 1 when any check fails', async () => {
    const cmd = createScanCommand({
      createScanService: () => fakeService([fixed('security.firewall', 'fail'), fixed('computer.power', 'unknown')]),
    });
    expect(await cmd.run([], context())).toBe(1);
  });

  it('does not count unknown as a failure, nor as a pass', async () => {
    const ctx = context();
    const cmd = createScanCommand({ createScanService: () => fakeService([fixed('computer.power', 'unknown')]) });
    expect(await cmd.run([], ctx)).toBe(0);
    expect(ctx.out.join('')).toContain('Could not check');
    expect(ctx.out.join('')).toContain('0 OK');
  });

  it('says on stderr how many checks could not be run and that unknown is not a pass', async () => {
    const ctx = context();
    const cmd = createScanCommand({
      createScanService: () =>
        fakeService([
          fixed('computer.power', 'unknown'),
          fixed('security.firewall', 'unknown'),
          fixed('connection.type', 'pass'),
        ]),
    });
    expect(await cmd.run([], ctx)).toBe(0);
    expect(ctx.err.join('')).toBe(
      '2 checks could not be run: unknown is not a pass, so check them yourself before the session.\n',
    );
    expect(ctx.out.join('')).not.toContain('unknown is not a pass');
  });

  it('prints nothing extra on stderr with --json, or when every check gave an answer', async () => {
    const json = context();
    await createScanCommand({ createScanService: () => fakeService([fixed('computer.power', 'unknown')]) }).run(
      ['--json'],
      json,
    );
    expect(json.err).toEqual([]);
    expect(JSON.parse(json.out.join('')).checks[0].status).toBe('unknown');
    const answered = context();
    await createScanCommand({
      createScanService: () => fakeService([fixed('computer.power', 'pass'), fixed('security.firewall', 'skipped')]),
    }).run([], answered);
    expect(answered.err).toEqual([]);
  });

  it('prints a readable table with fix steps under problems', async () => {
    const ctx = context();
    const cmd = createScanCommand({
      createScanService: () => fakeService([fixed('security.firewall', 'fail'), fixed('connection.type', 'pass')]),
    });
    await cmd.run([], ctx);
    const text = ctx.out.join('');
    expect(text).toMatch(/OK\s+Connected by cable\s+connection\.type is pass\./);
    expect(text).toMatch(/Problem\s+Firewall is on\s+security\.firewall is fail\./);
    expect(text).toMatch(/1\. Install a firewall manager/);
    expect(text).toContain('1 OK, 0 need attention, 1 problem, 0 could not be checked, 0 not needed.');
  });

  it('passes --only, --target and --platform to the scan', async () => {
    const seen: ScanRequest[] = [];
    const cmd = createScanCommand({
      createScanService: () =>
        fakeService([fixed('connection.type', 'pass'), fixed('connection.quality', 'pass')], seen),
    });
    await cmd.run(
      [
        '--only',
        'connection.quality,connection.type',
        '--target',
        'meet.example.org:443',
        '--platform',
        'google-meet',
        '--json',
      ],
      context(),
    );
    expect(seen).toEqual([
      { only: ['connection.quality', 'connection.type'], target: 'meet.example.org:443', platform: 'google-meet' },
    ]);
  });

  it.each([
    [['--only', 'nope'], /Unknown check id: nope/],
    [['--only', ','], /at least one/],
    [['--target', 'bad host'], /--target/],
    [['--platform', 'myspace'], /Unknown platform/],
    [['--platform', 'skype'], /Skype closed in May 2025 and can no longer be chosen/],
    [['--colour'], /Unknown option/],
    [['extra'], /Unexpected argument|positional/i],
  ])('rejects %j as a usage error', async (argv, message) => {
    const cmd = createScanCommand({ createScanService: () => fakeService([]) });
    const run = cmd.run(argv, context());
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(cmd.run(argv, context())).rejects.toThrow(message);
  });

  it('prints usage for --help without scanning', async () => {
    const ctx = context();
    let built = false;
    const cmd = createScanCommand({
      createScanService: () => {
        built = true;
        return fakeService([]);
      },
    });
    expect(await cmd.run(['--help'], ctx)).toBe(0);
    expect(built).toBe(false);
    expect(ctx.out.join('')).toContain('Usage: readyroom scan');
  });

  it('hands the report and extra options to an after-scan hook (for --save later)', async () => {
    const ctx = context();
    const saved: unknown[] = [];
    const cmd = createScanCommand({
      createScanService: () => fakeService([fixed('connection.type', 'pass')]),
      extraOptions: { save: { type: 'boolean' }, client: { type: 'string' } },
      afterScan: async (report, options) => {
        saved.push({ checks: report.checks.length, options });
        return 'Saved to the vault.';
      },
    });
    expect(await cmd.run(['--save', '--client', 'C-042', '--json'], ctx)).toBe(0);
    expect(saved).toEqual([{ checks: 1, options: { save: true, client: 'C-042' } }]);
    expect(ctx.err.join('')).toContain('Saved to the vault.');
  });

  it('parses arguments into a validated request', () => {
    expect(parseScanArgs(['--only', 'security.firewall,security.firewall']).request).toEqual({
      only: ['security.firewall'],
    });
  });

  it('builds the real scan service for this computer through the composition root', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'readyroom-scan-'));
    try {
      const service = createCliServices(context(), dataDir).scan;
      const report = await service.run({ only: ['security.user-accounts'] });
      expect(report.checks).toHaveLength(1);
      expect(report.platform).toBe('linux');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('formats an empty report', () => {
    expect(
      formatScanTable({
        schema: 'readyroom.scan/1',
        startedAt: new Date(0).toISOString(),
        durationMs: 0,
        platform: 'linux',
        checks: [],
      }),
    ).toContain('0 checks');
  });

  it('shows judgements saved with the scan beside what ReadyRoom saw, in text and JSON, never as OK', async () => {
    const at = '2026-03-15T09:00:00.000Z';
    const judgements = [
      { id: 'security.firewall', kind: 'confirmed', note: 'Seen in Windows Security', at },
      { id: 'computer.power', kind: 'not-applicable', reason: 'managed-by-clinic', at, remembered: true },
    ] as const;
    const make = () =>
      createScanCommand({
        createScanService: () => fakeService([fixed('security.firewall', 'unknown'), fixed('computer.power', 'fail')]),
        afterScan: async () => ({ message: 'Saved.', judgements }),
      });
    const text = context();
    await make().run([], text);
    const out = text.out.join('');
    expect(out).toMatch(/Could not check, checked by you\s+Firewall is on/);
    expect(out).toContain('You checked this yourself: Seen in Windows Security.');
    expect(out).toMatch(/Problem, not applicable\s+/);
    expect(out).toContain("Not applicable (Managed by my clinic's IT) (kept for this computer in Settings).");
    const json = context();
    await make().run(['--json'], json);
    const report = JSON.parse(json.out.join(''));
    expect(report.checks.find((c: { id: string }) => c.id === 'security.firewall').status).toBe('unknown');
    expect(report.judgements).toEqual(judgements);
  });

  it('checks the extra options before scanning, so a mistake costs no scan', async () => {
    const seen: ScanRequest[] = [];
    const cmd = createScanCommand({
      createScanService: () => fakeService([fixed('security.firewall', 'pass')], seen),
      extraOptions: { confirm: { type: 'string', multiple: true } },
      beforeScan: (options) => {
        if (options.confirm) throw new UsageError('--confirm needs --save.');
      },
    });
    await expect(cmd.run(['--confirm', 'a', '--confirm', 'b'], context())).rejects.toThrow(/needs --save/);
    expect(seen).toEqual([]);
  });
});
