import { lstat } from 'node:fs/promises';

import { toOsName } from '../../../shared/platform';
import type { Settings } from '../../../shared/settings/settings';
import { CaptureError } from '../../probes/capture/capture-format';
import { isEmptyOrMissing, writeCaptureFolder } from '../../probes/capture/capture-folder';
import { createCaptureRecorder, type RecordedSources } from '../../probes/capture/capture-recorder';
import {
  commandLabel,
  redactCapture,
  RedactionError,
  redactionKinds,
  type KnownIdentifiers,
  type RedactionReport,
} from '../../probes/capture/capture-redaction';
import type { CaptureData, CaptureSystem } from '../../probes/capture/capture-types';
import { withoutLiveNetwork } from '../../probes/capture/live-network';
import { createProbes } from '../../probes/probe-registry';
import { createScanService } from '../../probes/scan-service';
import { parseCommandArgs } from '../cli-args';
import { exitCodes, UsageError, type CliCommand, type CliContext } from '../cli-types';

/** What a capture records from: this computer's live sources (tests pass their own). */
export interface CaptureLive extends RecordedSources {
  readonly system: CaptureSystem;
  readonly getSettings: () => Settings;
  /** The names to remove wherever they occur (user, full name, computer). */
  identify(): Promise<KnownIdentifiers>;
}

export interface CaptureCommandDeps {
  readonly appVersion: string;
  live(context: CliContext, options: { dataDir: string }): CaptureLive | Promise<CaptureLive>;
}

export const captureNetworkReason =
  'Not run while recording a capture: this check needs the live network, which a capture cannot hold.';

const usage = `Usage: readyroom capture --out DIR [--force] [--source TEXT] [--note TEXT] [--json] [--data-dir DIR]

Runs the automatic checks on this computer and records what they read: every command with its
output and exit code, every file, the few system figures, the names of running programs worth
closing, and the OS version. The checks that need the live network are not run. Another computer
can then run the same checks on these answers: \`scan --replay DIR\` (see docs/capture.md).

Before anything is written, what identifies you or your network is replaced with stand-ins of the
same shape: user and computer names, Wi-Fi network names, MAC and IP addresses, serial numbers, home
folder paths, other computers' names, Windows account ids and e-mail addresses. The command then
lists what it removed (kinds, counts and where; never the values) and what it kept, so you can look
through the folder before you send it to anyone.

  --out DIR        The folder to write (created; must be empty).
  --force          Replace an earlier capture in DIR (only capture.json, commands/ and files/).
  --source TEXT    Where this capture comes from, e.g. "clinic laptop, Windows 11, May 2026".
  --note TEXT      Anything else worth knowing (what looked wrong).
  --json           Print the review as JSON.
  --data-dir DIR   ReadyRoom's data folder (settings used for the scan).

Exit code: 0 when the capture was written, 1 when it could not be (nothing is written then),
2 for bad arguments or a folder that is not empty.`;

export function createCaptureCommand(deps: CaptureCommandDeps): CliCommand {
  return {
    name: 'capture',
    summary: 'Record what the checks read on this computer (redacted), for replay elsewhere.',
    usage,
    async run(argv, context) {
      const { values } = parseCommandArgs(
        argv,
        {
          out: { type: 'string' },
          force: { type: 'boolean' },
          source: { type: 'string' },
          note: { type: 'string' },
          json: { type: 'boolean' },
          'data-dir': { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
        false,
      );
      if (values.help) {
        context.io.stdout(`${usage}\n`);
        return exitCodes.ok;
      }
      const out = values.out;
      if (typeof out !== 'string' || out.trim() === '') {
        throw new UsageError('--out DIR is required: the folder to write the capture into.');
      }
      const existing = await lstat(out).catch(() => null);
      if (existing && !existing.isDirectory()) throw new UsageError(`${out} exists and is not a folder.`);
      if (!values.force && !(await isEmptyOrMissing(out))) {
        throw new UsageError(
          `${out} is not empty; choose an empty folder, or add --force to replace the capture in it.`,
        );
      }
      const os = toOsName(context.platform);
      if (!os) throw new UsageError(`capture works on Windows, macOS and Linux, not on "${context.platform}".`);

      const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : context.defaultDataDir;
      const live = await deps.live(context, { dataDir });
      const recorder = createCaptureRecorder(live);
      const s = recorder.sources;
      const scan = createScanService({
        os,
        exec: s.exec,
        files: s.files,
        stats: s.stats,
        systemInfo: s.systemInfo,
        env: s.env,
        homeDir: s.homeDir,
        ownPids: s.ownPids,
        listPrograms: s.listPrograms,
        getSettings: live.getSettings,
        now: s.now,
        probes: withoutLiveNetwork(createProbes({ now: s.now }), captureNetworkReason),
      });
      const report = await scan.run({});
      const recorded = recorder.finish({
        readyroomVersion: deps.appVersion,
        system: live.system,
        ...(typeof values.source === 'string' ? { source: values.source } : {}),
        ...(typeof values.note === 'string' ? { notes: values.note } : {}),
        recordedStatuses: Object.fromEntries(report.checks.map((c) => [c.id, c.status])),
      });

      let redacted: { capture: CaptureData; report: RedactionReport };
      try {
        redacted = redactCapture(recorded, await live.identify());
      } catch (error) {
        if (error instanceof RedactionError) {
          context.io.stderr(`readyroom capture: ${error.message} Please report this.\n`);
          return exitCodes.failed;
        }
        throw error;
      }
      let written: string[];
      try {
        written = await writeCaptureFolder(out, redacted.capture, { force: values.force === true });
      } catch (error) {
        if (error instanceof CaptureError) throw new UsageError(error.message);
        throw error;
      }
      const review = captureReview(redacted.capture, redacted.report, written);
      context.io.stdout(
        values.json ? `${JSON.stringify({ folder: out, ...review }, null, 2)}\n` : formatReview(out, review),
      );
      return exitCodes.ok;
    },
  };
}

export interface CaptureReview {
  readonly written: readonly string[];
  readonly removed: RedactionReport;
  readonly kept: {
    readonly commands: readonly string[];
    readonly files: readonly string[];
    readonly environment: readonly string[];
    readonly programs: readonly string[];
    readonly other: readonly string[];
  };
}

/** What the reviewer needs: what was removed (kinds, counts, where) and everything that was kept. */
export function captureReview(
  capture: CaptureData,
  removed: RedactionReport,
  written: readonly string[],
): CaptureReview {
  const programs = capture.programs && 'rows' in capture.programs ? capture.programs.rows.map((r) => r.name) : [];
  return {
    written,
    removed,
    kept: {
      commands: [...new Set(capture.commands.map((c) => commandLabel(c.argv)))],
      files: [...new Set(capture.files.map((f) => f.path))],
      environment: Object.entries(capture.env).map(([name, value]) => (value === null ? `${name} (not set)` : name)),
      programs,
      other: [
        `the OS (${capture.system.platform} ${capture.system.release}, ${capture.system.arch}) and the ReadyRoom version`,
        'processor count and load, memory, battery and Wi-Fi signal figures',
        'names of devices, network interfaces and programs, and settings values, as the outputs give them',
        'what each check said (pass, warn, fail, unknown, skipped)',
      ],
    },
  };
}

function formatReview(dir: string, review: CaptureReview): string {
  const lines = [
    `Capture written to ${dir} (${review.written.length} files, readable text: start with capture.json).`,
    '',
  ];
  const { removed, kept } = review;
  if (removed.total === 0) lines.push('Nothing that identifies you or your network was found in what the checks read.');
  else {
    lines.push(`Removed before writing (${removed.total} values, each replaced by a stand-in of the same shape):`);
    for (const kind of Object.keys(redactionKinds) as (keyof typeof redactionKinds)[]) {
      const count = removed.byKind[kind];
      if (!count) continue;
      const places = removed.where
        .filter((w) => w.kind === kind)
        .map((w) => `${w.place} (${w.count})`)
        .join('; ');
      lines.push(`  ${redactionKinds[kind]}: ${count}`, `      in ${places}`);
    }
    const none = (Object.keys(redactionKinds) as (keyof typeof redactionKinds)[]).filter((k) => !removed.byKind[k]);
    if (none.length > 0) lines.push(`  None found of: ${none.map((k) => redactionKinds[k]).join('; ')}.`);
  }
  lines.push('', 'Kept as recorded (please look through these before you send the folder):');
  const list = (title: string, items: readonly string[]) => {
    lines.push(`  ${title} (${items.length}):`);
    for (const item of items) lines.push(`      ${item}`);
  };
  list('Commands run, with their output', kept.commands);
  list('Files and folders looked at', kept.files);
  list('Environment variables read', kept.environment);
  list('Programs worth closing (names only)', kept.programs);
  for (const other of kept.other) lines.push(`  Also ${other}`);
  lines.push('', 'Replay it anywhere with: npm run -s cli -- scan --replay <folder> --json', '');
  return lines.join('\n');
}
