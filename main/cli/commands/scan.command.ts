import { getCatalogEntry } from '../../../shared/catalog/catalog';
import { automaticCheckIds, isAutomaticCheckId } from '../../../shared/checks/check-ids';
import { statusLabels, type CheckResult } from '../../../shared/checks/check-result';
import { judgementKindLabels, type Judgement } from '../../../shared/checks/judgement';
import type { ScanReport } from '../../../shared/checks/scan-report';
import { scanRequestSchema, type ScanRequest } from '../../../shared/ipc/scan.contract';
import { parseHostTarget } from '../../../shared/session/host-target';
import { isSessionPlatformId, platformChoiceError, sessionPlatformIds } from '../../../shared/session/platforms';
import type { ScanService } from '../../probes/scan-service';
import { parseCommandArgs } from '../cli-args';
import { judgementText } from '../judgement-args';
import {
  exitCodes,
  UsageError,
  type CliCommand,
  type CliContext,
  type CliOptionSpecs,
  type CliOptionValues,
} from '../cli-types';

/** What saving a scan reports back: a line for stderr, and the judgements saved with it (shown with the checks). */
export interface AfterScanOutcome {
  readonly message: string;
  readonly judgements: readonly Judgement[];
}

export interface ScanCommandDeps {
  /** Builds the scan service for this run (with the parsed extra options); the CLI's comes from its composition root. */
  createScanService(context: CliContext, options: CliOptionValues): ScanService | Promise<ScanService>;
  /** Usage text for the extra options, shown after the scan's own. */
  readonly extraUsage?: string;
  /** Extra options another command layer adds (e.g. `--save`, `--client`), parsed with the rest. */
  readonly extraOptions?: CliOptionSpecs;
  /** Checks the extra options before the scan runs, so a mistake costs no scan (throws UsageError). */
  beforeScan?(options: CliOptionValues, context: CliContext): void;
  /**
   * Called with the finished report and the parsed extra options, before printing (e.g. to save it
   * to the vault). Its message, if any, goes to stderr.
   */
  afterScan?(
    report: ScanReport,
    options: CliOptionValues,
    context: CliContext,
  ): Promise<string | void | AfterScanOutcome>;
}

const usage = `Usage: readyroom scan [--json] [--only id,id] [--target host[:port]] [--platform id]

Runs the automatic readiness checks on this computer.

  --json                 Print the report as JSON (schema readyroom.scan/1).
  --only id,id           Run only these checks. Ids: ${automaticCheckIds.join(', ')}.
  --target host[:port]   Time the connection to this host instead of the video platform's.
  --platform id          The session platform: ${sessionPlatformIds.join(', ')}.
                         For jane and other, the address in Settings (or --target) is timed.
                         Skype closed in May 2025 and can no longer be chosen.

Exit code: 0 when no check failed, 1 when any check failed, 2 for bad arguments.
Checks that could not be run are not failures, but they are not passes either: without --json, a line
on stderr says how many there were.`;

/** Parses and validates the command line into a scan request. */
export function parseScanArgs(
  argv: readonly string[],
  extraOptions: CliOptionSpecs = {},
): {
  request: ScanRequest;
  json: boolean;
  help: boolean;
  extra: Record<string, string | boolean | string[] | undefined>;
} {
  const { values } = parseCommandArgs(
    argv,
    {
      json: { type: 'boolean' },
      only: { type: 'string' },
      target: { type: 'string' },
      platform: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...extraOptions,
    },
    false,
  );
  const v = values as Record<string, string | boolean | string[] | undefined>;
  const onlyText = typeof v.only === 'string' ? v.only : undefined;
  const only = onlyText
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (onlyText !== undefined && (!only || only.length === 0)) {
    throw new UsageError('--only needs at least one check id.');
  }
  const unknownIds = (only ?? []).filter((id) => !isAutomaticCheckId(id));
  if (unknownIds.length > 0) {
    throw new UsageError(`Unknown check id: ${unknownIds.join(', ')}. Known ids: ${automaticCheckIds.join(', ')}.`);
  }
  const target = typeof v.target === 'string' ? v.target : undefined;
  if (target !== undefined && !parseHostTarget(target)) {
    throw new UsageError('--target must be a host name or IP address, optionally with :port.');
  }
  const platform = typeof v.platform === 'string' ? v.platform : undefined;
  if (platform !== undefined && !isSessionPlatformId(platform)) throw new UsageError(platformChoiceError(platform));
  const parsed = scanRequestSchema.safeParse({
    ...(only ? { only: [...new Set(only)] } : {}),
    ...(platform ? { platform } : {}),
    ...(target ? { target } : {}),
  });
  if (!parsed.success) throw new UsageError('The scan options are not valid.');
  const extra: Record<string, string | boolean | string[] | undefined> = {};
  for (const key of Object.keys(extraOptions)) extra[key] = v[key];
  return { request: parsed.data, json: v.json === true, help: v.help === true, extra };
}

/** `readyroom scan`: a readable table, or the report as JSON with --json. */
export function createScanCommand(deps: ScanCommandDeps): CliCommand {
  const fullUsage = deps.extraUsage ? `${usage}\n\n${deps.extraUsage}` : usage;
  return {
    name: 'scan',
    summary: 'Run the automatic readiness checks on this computer.',
    usage: fullUsage,
    // Checks only look; --save writes a log.
    changesNothing: (argv) => !argv.includes('--save'),
    async run(argv, context) {
      const args = parseScanArgs(argv, deps.extraOptions);
      if (args.help) {
        context.io.stdout(`${fullUsage}\n`);
        return exitCodes.ok;
      }
      deps.beforeScan?.(args.extra, context);
      const service = await deps.createScanService(context, args.extra);
      const scanned = await service.run(args.request);
      const after = deps.afterScan
        ? await deps.afterScan(scanned, { ...args.extra, platform: args.request.platform }, context)
        : undefined;
      const note = typeof after === 'object' ? after.message : after;
      // Judgements saved with the scan are shown beside what ReadyRoom saw, never in its place.
      const judgements = typeof after === 'object' ? after.judgements : [];
      const report: ScanReport = judgements.length > 0 ? { ...scanned, judgements } : scanned;
      if (args.json) context.io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      else context.io.stdout(formatScanTable(report));
      if (note) context.io.stderr(`${note}\n`);
      // The exit code only counts failures, so say plainly that unknown checks are not passes.
      const unknown = args.json ? '' : unknownNotice(report);
      if (unknown) context.io.stderr(`${unknown}\n`);
      return report.checks.some((c) => c.status === 'fail') ? exitCodes.failed : exitCodes.ok;
    },
  };
}

/** The report as a plain-text table, with the fix steps under each problem. */
export function formatScanTable(report: ScanReport): string {
  const judged = new Map((report.judgements ?? []).map((j) => [j.id, j]));
  const rows = report.checks.map((c) => {
    const j = judged.get(c.id);
    return {
      c,
      // "Could not check, checked by you": what ReadyRoom saw first, then the therapist's word.
      label: j ? `${statusLabels[c.status]}, ${judgementKindLabels[j.kind].toLowerCase()}` : statusLabels[c.status],
      title: getCatalogEntry(c.id)?.title ?? c.id,
      extra: j ? judgementText(j) : '',
    };
  });
  const labelWidth = Math.max(...rows.map((r) => r.label.length), 6);
  const titleWidth = Math.max(...rows.map((r) => r.title.length), 5);
  const lines = [
    `ReadyRoom scan: ${report.checks.length} checks in ${(report.durationMs / 1000).toFixed(1)} s (${report.platform})`,
    '',
    `${'Result'.padEnd(labelWidth)}  ${'Check'.padEnd(titleWidth)}  Details`,
    `${'-'.repeat(labelWidth)}  ${'-'.repeat(titleWidth)}  ${'-'.repeat(7)}`,
  ];
  for (const { c, label, title, extra } of rows) {
    lines.push(`${label.padEnd(labelWidth)}  ${title.padEnd(titleWidth)}  ${c.summary}`);
    if (extra) lines.push(`${' '.repeat(labelWidth + 2)}  ${extra}`);
    if (c.status === 'fail' && c.fix && !judged.has(c.id)) {
      c.fix.steps.forEach((step, i) => lines.push(`${' '.repeat(labelWidth + 2)}  ${i + 1}. ${step}`));
    }
  }
  lines.push('', tally(report.checks));
  return `${lines.join('\n')}\n`;
}

/** One line for stderr when some checks could not be run; empty when every check gave an answer. */
export function unknownNotice(report: ScanReport): string {
  const count = report.checks.filter((c) => c.status === 'unknown').length;
  if (count === 0) return '';
  const what = count === 1 ? '1 check could not be run' : `${count} checks could not be run`;
  return `${what}: unknown is not a pass, so check ${count === 1 ? 'it' : 'them'} yourself before the session.`;
}

function tally(checks: readonly CheckResult[]): string {
  const count = (s: CheckResult['status']) => checks.filter((c) => c.status === s).length;
  const parts = [
    `${count('pass')} OK`,
    `${count('warn')} need attention`,
    `${count('fail')} ${count('fail') === 1 ? 'problem' : 'problems'}`,
    `${count('unknown')} could not be checked`,
    `${count('skipped')} not needed`,
  ];
  return `${parts.join(', ')}.`;
}
