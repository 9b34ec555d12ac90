import { isAppError } from '../../shared/errors';
import {
  programCategoryLabels,
  type CloseResult,
  type ProgramRow,
  type ReopenResult,
} from '../../shared/programs/program-types';
import type { CliContext } from './cli-types';
import { exitCodes } from './cli-types';
import { describeError } from '../logging/logger';
import type { ProgramsService } from '../programs/programs-service';

export interface ProgramsServiceOptions {
  readonly dataDir: string;
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Builds the service from the CLI's context; tests pass their own factory. */
export type ProgramsServiceFactory = (options: ProgramsServiceOptions) => ProgramsService;

/** Options every programs command accepts. */
export const dataDirOption = { 'data-dir': { type: 'string' } } as const;

/**
 * Runs one programs command: builds the service and turns expected failures into exit codes
 * (2 for an unknown, stale or malformed id; 1 when the programs could not be read).
 */
export async function runWithPrograms(
  context: CliContext,
  options: { readonly dataDir: string | undefined; readonly json: boolean },
  factory: ProgramsServiceFactory,
  task: (service: ProgramsService) => Promise<number>,
): Promise<number> {
  let service: ProgramsService;
  try {
    service = factory({
      dataDir: options.dataDir ?? context.defaultDataDir,
      platform: context.platform,
      env: context.env,
    });
  } catch (error) {
    return fail(
      context,
      options.json,
      'UNAVAILABLE',
      error instanceof Error ? error.message : describeError(error),
      exitCodes.failed,
    );
  }
  try {
    return await task(service);
  } catch (error) {
    if (!isAppError(error)) throw error;
    const usage = error.code === 'NOT_FOUND' || error.code === 'STALE' || error.code === 'BAD_REQUEST';
    return fail(context, options.json, error.code, error.message, usage ? exitCodes.usage : exitCodes.failed);
  }
}

function fail(context: CliContext, json: boolean, code: string, message: string, exitCode: number): number {
  if (json) context.io.stdout(`${JSON.stringify({ error: { code, message } })}\n`);
  context.io.stderr(`${message}\n`);
  return exitCode;
}

export function formatProgramRows(rows: readonly ProgramRow[]): string {
  if (rows.length === 0) return 'Nothing to close: none of the programs ReadyRoom looks for is running.\n';
  const lines = [
    `${rows.length === 1 ? 'One program' : `${rows.length} programs`} worth a look before your session:`,
    '',
  ];
  for (const row of rows) {
    lines.push(
      `  ${row.name} (${programCategoryLabels[row.category]})${row.closable ? '' : ' - ReadyRoom will not close this one'}`,
    );
    lines.push(`    ${row.reason}`);
    if (row.closable) lines.push(`    To close it: close ${row.id}`);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

const outcomeLabels: Record<CloseResult['outcome'], string> = {
  closed: 'closed',
  'still-running': 'still running',
  refused: 'not closed',
  gone: 'already closed',
};

export function formatCloseResults(results: readonly CloseResult[]): string {
  return results.map((r) => `${r.name ?? r.id}: ${outcomeLabels[r.outcome]}. ${r.message}\n`).join('');
}

export function formatReopenResults(results: readonly ReopenResult[]): string {
  if (results.length === 0) return 'Nothing to reopen: ReadyRoom has not closed any programs.\n';
  return results
    .map((r) => `${r.name}: ${r.outcome === 'reopened' ? 'reopened' : 'not reopened'}. ${r.message}\n`)
    .join('');
}
