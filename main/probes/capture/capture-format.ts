import { z } from 'zod';

import { automaticCheckIds } from '../../../shared/checks/check-ids';
import { checkStatuses } from '../../../shared/checks/check-result';
import { osNames } from '../../../shared/platform';
import { programCategories } from '../../../shared/programs/program-types';
import { captureFormatId, captureIndexName } from './capture-types';

/** A capture that cannot be used, with a one-line reason naming the field. */
export class CaptureError extends Error {
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' '));
    this.name = 'CaptureError';
  }
}

/** A file named in the index: relative, forward slashes, no "..": it must stay inside the capture folder. */
export function isSafeRelativePath(path: string): boolean {
  if (!/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(path)) return false;
  return path.split('/').every((segment) => segment !== '.' && segment !== '..');
}

const relativeFile = z.string().max(300).refine(isSafeRelativePath, {
  message: 'must name a file inside the capture folder (a relative path with "/", no "..")',
});

const note = z.string().max(2000).optional();

const batchPartSchema = z
  .strictObject({
    part: z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, 'must be a part name such as "wifi" or "os"'),
    ms: z.number().int().nonnegative().optional(),
    value: z.json().optional(),
    valueFile: relativeFile.optional(),
    textFile: relativeFile.optional(),
    error: z.string().min(1).max(300).optional(),
    note,
  })
  .superRefine((part, ctx) => {
    const given = [part.value, part.valueFile, part.textFile, part.error].filter((v) => v !== undefined).length;
    if (given !== 1) {
      ctx.addIssue({ code: 'custom', message: 'needs exactly one of "value", "valueFile", "textFile" or "error"' });
    }
  });

const commandSchema = z
  .strictObject({
    argv: z.array(z.string().max(10_000)).min(1).max(500).optional(),
    exitCode: z.number().int().nullable().optional(),
    signal: z.string().max(32).nullable().optional(),
    timedOut: z.boolean().optional(),
    spawnError: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]{1,31}$/, 'must be an error code such as "ENOENT"')
      .optional(),
    ms: z.number().nonnegative().optional(),
    stdout: z.string().optional(),
    stdoutFile: relativeFile.optional(),
    stderr: z.string().optional(),
    stderrFile: relativeFile.optional(),
    batch: z.array(batchPartSchema).max(500).optional(),
    note,
  })
  .superRefine((c, ctx) => {
    const outputs = [c.stdout, c.stdoutFile, c.batch].filter((v) => v !== undefined).length;
    if (outputs > 1)
      ctx.addIssue({ code: 'custom', message: 'give the output once: "stdout", "stdoutFile" or "batch"' });
    if (c.stderr !== undefined && c.stderrFile !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'give the error output once: "stderr" or "stderrFile"' });
    }
    if (c.argv === undefined && c.batch === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['argv'],
        message: 'is required (only a Windows "batch" may leave it out)',
      });
    }
    if (c.spawnError !== undefined && (outputs > 0 || c.exitCode !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: 'a command that could not start ("spawnError") has no output or exit code',
      });
    }
  });

const fileSchema = z
  .strictObject({
    path: z.string().min(1).max(4096),
    text: z.string().optional(),
    textFile: relativeFile.optional(),
    list: z.array(z.string().max(1000)).max(100_000).optional(),
    mtime: z.union([z.number(), z.iso.datetime({ offset: true })]).optional(),
    exists: z.boolean().optional(),
    note,
  })
  .superRefine((f, ctx) => {
    if (f.text !== undefined && f.textFile !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'give the contents once: "text" or "textFile"' });
    }
    const content = [f.text, f.textFile, f.list, f.mtime].some((v) => v !== undefined);
    if (f.exists === false && content) {
      ctx.addIssue({ code: 'custom', message: '"exists": false cannot have contents, a listing or a time' });
    }
  });

const finite = z.number().refine(Number.isFinite, 'must be a number');

/** The on-disk index (capture.json), version readyroom.capture/1. */
export const captureIndexSchema = z.strictObject({
  format: z.literal(captureFormatId),
  readyroomVersion: z.string().min(1).max(100),
  recordedAt: z.iso.datetime({ offset: true }),
  source: z.string().max(2000).optional(),
  notes: z.string().max(20_000).optional(),
  system: z.strictObject({
    platform: z.enum(osNames),
    release: z.string().max(200),
    version: z.string().max(500).optional(),
    arch: z.string().max(50),
  }),
  homeDir: z.string().min(1).max(1000).optional(),
  ownPids: z.array(z.number().int().positive()).max(1000).optional(),
  env: z
    .record(
      z.string().regex(/^[A-Za-z_][A-Za-z0-9_()]*$/, 'must be an environment variable name'),
      z.string().max(32_768).nullable(),
    )
    .optional(),
  commands: z.array(commandSchema).max(5000).optional(),
  files: z.array(fileSchema).max(50_000).optional(),
  systemInfo: z
    .strictObject({
      battery: z
        .strictObject({ hasBattery: z.boolean(), percent: finite.nullable(), acConnected: z.boolean() })
        .nullable()
        .optional(),
      wifiConnections: z
        .array(
          z.strictObject({ iface: z.string().max(200), signalLevel: finite.nullable(), quality: finite.nullable() }),
        )
        .max(100)
        .nullable()
        .optional(),
      mem: z.strictObject({ total: finite, available: finite }).nullable().optional(),
    })
    .optional(),
  stats: z
    .strictObject({
      cores: z.number().int().positive().optional(),
      cpuBusyPercent: z.number().min(0).max(100).optional(),
      memory: z.strictObject({ totalBytes: finite, availableBytes: finite }).optional(),
    })
    .optional(),
  programs: z
    .union([
      z.strictObject({
        rows: z
          .array(
            z.strictObject({
              name: z.string().min(1).max(200),
              category: z.enum(programCategories),
              closable: z.boolean().optional(),
            }),
          )
          .max(1000),
      }),
      z.strictObject({ error: z.string().min(1).max(500) }),
    ])
    .optional(),
  recordedStatuses: z.partialRecord(z.enum(automaticCheckIds), z.enum(checkStatuses)).optional(),
  redacted: z.record(z.string().max(40), z.number().int().nonnegative()).optional(),
});
export type CaptureIndex = z.output<typeof captureIndexSchema>;

/** Validates a parsed capture.json; a wrong or missing version gets its own plain message. */
export function parseCaptureIndex(raw: unknown): CaptureIndex {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new CaptureError(`${captureIndexName} must hold a JSON object.`);
  }
  const format = (raw as Record<string, unknown>).format;
  if (format === undefined) {
    throw new CaptureError(`${captureIndexName} has no "format" field, so it is not a ReadyRoom capture.`);
  }
  if (format !== captureFormatId) {
    const shown = typeof format === 'string' ? `"${format.slice(0, 40)}"` : 'not a string';
    throw new CaptureError(`${captureIndexName} is in format ${shown}; this ReadyRoom reads ${captureFormatId}.`);
  }
  const parsed = captureIndexSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? formatIssuePath(issue.path) : '';
  throw new CaptureError(`${captureIndexName}${where ? ` at ${where}` : ''}: ${issue?.message ?? 'not valid'}.`);
}

function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}
