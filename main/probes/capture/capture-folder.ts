import { chmod, lstat, mkdir, readdir, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join, sep } from 'node:path';

import type { JsonValue } from '../../../shared/json';
import { assembleBatchStdout, splitBatchStdout } from './capture-batch';
import { CaptureError, parseCaptureIndex, type CaptureIndex } from './capture-format';
import {
  captureFormatId,
  captureIndexName,
  type BatchPart,
  type CaptureData,
  type CommandRecord,
  type FileRecord,
} from './capture-types';

const maxIndexBytes = 16 * 1024 * 1024;
const maxFileBytes = 32 * 1024 * 1024;

/** Our own names in a capture folder; `--force` replaces these and nothing else. */
export const captureOwnNames = [captureIndexName, 'commands', 'files'] as const;

const defaultHome = { linux: '/home/user', darwin: '/Users/user', win32: 'C:\\Users\\user' } as const;

/** Reads and validates a capture folder. Reads nothing outside `dir`; throws CaptureError with a one-line reason. */
export async function readCaptureFolder(dir: string): Promise<CaptureData> {
  let root: string;
  try {
    root = await realpath(dir);
    if (!(await stat(root)).isDirectory()) throw new CaptureError(`${dir} is not a folder.`);
  } catch (error) {
    if (error instanceof CaptureError) throw error;
    throw new CaptureError(`The capture folder ${dir} cannot be opened.`);
  }
  const indexText = await readInside(root, captureIndexName, maxIndexBytes, `${dir} has no ${captureIndexName}`);
  let raw: unknown;
  try {
    raw = JSON.parse(stripBom(indexText));
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message.split('\n')[0]})` : '';
    throw new CaptureError(`${captureIndexName} is not valid JSON${detail}.`);
  }
  return fromIndex(parseCaptureIndex(raw), (rel) => readInside(root, rel, maxFileBytes, `${rel} is missing`));
}

/** Reads `rel` under `root`, refusing anything that resolves outside it (a symlink out, say). */
async function readInside(root: string, rel: string, limit: number, missing: string): Promise<string> {
  const full = join(root, ...rel.split('/'));
  let resolved: string;
  try {
    resolved = await realpath(full);
  } catch {
    throw new CaptureError(`${missing}.`);
  }
  if (resolved !== root && !resolved.startsWith(root + sep)) {
    throw new CaptureError(`${rel} points outside the capture folder.`);
  }
  const info = await stat(resolved);
  if (!info.isFile()) throw new CaptureError(`${rel} is not a file.`);
  if (info.size > limit) throw new CaptureError(`${rel} is larger than ${Math.round(limit / 1024 / 1024)} MB.`);
  return readFile(resolved, 'utf8');
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

async function fromIndex(index: CaptureIndex, read: (rel: string) => Promise<string>): Promise<CaptureData> {
  const text = async (inline: string | undefined, file: string | undefined) =>
    file !== undefined ? read(file) : (inline ?? '');

  const commands: CommandRecord[] = [];
  for (const c of index.commands ?? []) {
    let batch: BatchPart[] | undefined;
    if (c.batch) {
      batch = [];
      for (const p of c.batch) {
        const ms = p.ms ?? 0;
        if (p.error !== undefined) batch.push({ part: p.part, ms, error: p.error });
        else if (p.textFile !== undefined) batch.push({ part: p.part, ms, value: await read(p.textFile) });
        else if (p.valueFile !== undefined) {
          const source = await read(p.valueFile);
          try {
            batch.push({ part: p.part, ms, value: JSON.parse(stripBom(source)) as JsonValue });
          } catch {
            throw new CaptureError(`${p.valueFile} (batch part "${p.part}") is not valid JSON.`);
          }
        } else batch.push({ part: p.part, ms, value: (p.value ?? null) as JsonValue });
      }
    }
    const spawnError = c.spawnError ?? null;
    commands.push({
      argv: c.argv ?? null,
      exitCode: c.exitCode === undefined ? (spawnError ? null : 0) : c.exitCode,
      signal: c.signal ?? null,
      timedOut: c.timedOut ?? false,
      spawnError,
      ms: c.ms ?? 0,
      stdout: batch ? assembleBatchStdout(batch) : await text(c.stdout, c.stdoutFile),
      stderr: await text(c.stderr, c.stderrFile),
      ...(batch ? { batch } : {}),
    });
  }

  const files: FileRecord[] = [];
  for (const f of index.files ?? []) {
    const content = f.textFile !== undefined ? await read(f.textFile) : f.text;
    files.push({
      path: f.path,
      ...(content !== undefined ? { text: content } : {}),
      ...(f.list !== undefined ? { list: f.list } : {}),
      ...(f.mtime !== undefined ? { mtimeMs: typeof f.mtime === 'number' ? f.mtime : Date.parse(f.mtime) } : {}),
      ...(f.exists !== undefined ? { exists: f.exists } : {}),
    });
  }

  const platform = index.system.platform;
  return {
    readyroomVersion: index.readyroomVersion,
    recordedAt: new Date(index.recordedAt).toISOString(),
    ...(index.source !== undefined ? { source: index.source } : {}),
    ...(index.notes !== undefined ? { notes: index.notes } : {}),
    system: index.system,
    homeDir: index.homeDir ?? defaultHome[platform],
    ownPids: index.ownPids ?? [],
    env: index.env ?? {},
    commands,
    files,
    systemInfo: index.systemInfo ?? {},
    stats: index.stats ?? {},
    ...(index.programs !== undefined ? { programs: index.programs } : {}),
    ...(index.recordedStatuses !== undefined ? { recordedStatuses: index.recordedStatuses } : {}),
    ...(index.redacted !== undefined ? { redacted: index.redacted } : {}),
  };
}

/** True when `dir` is missing or empty. */
export async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

export interface WriteCaptureOptions {
  /** Replace an earlier capture in a folder that is not empty (only our own names are removed). */
  readonly force?: boolean;
}

/**
 * Writes a capture as plain files a person can read (capture.json first, outputs as text files),
 * files 0600 and folders 0700. Returns the written paths, relative to `dir`.
 */
export async function writeCaptureFolder(
  dir: string,
  data: CaptureData,
  options: WriteCaptureOptions = {},
): Promise<string[]> {
  const existing = await lstat(dir).catch(() => null);
  if (existing && !existing.isDirectory()) throw new CaptureError(`${dir} exists and is not a folder.`);
  if (existing && !(await isEmptyOrMissing(dir))) {
    if (!options.force) throw new CaptureError(`${dir} is not empty; choose an empty folder or add --force.`);
    for (const name of captureOwnNames) await rm(join(dir, name), { recursive: true, force: true });
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700).catch(() => undefined);

  const written: string[] = [];
  const made = new Set<string>();
  const put = async (rel: string, content: string) => {
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i += 1) {
      const sub = parts.slice(0, i).join('/');
      if (!made.has(sub)) {
        await mkdir(join(dir, ...sub.split('/')), { recursive: true, mode: 0o700 });
        made.add(sub);
      }
    }
    await writeFile(join(dir, ...parts), content, { mode: 0o600, flag: 'wx' });
    written.push(rel);
  };

  const index = await toIndex(data, put);
  await put(captureIndexName, `${prettyJson(index)}\n`);
  return written;
}

/** JSON with two-space indents, but anything that fits on one line (an argv, a short record) kept on one line. */
export function prettyJson(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const compact = oneLine(value);
  if (indent !== '' && compact.length + indent.length <= 110) return compact;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${prettyJson(v, inner)}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${prettyJson(v, inner)}`).join(',\n')}\n${indent}}`;
}

function oneLine(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length === 0
    ? '{}'
    : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`).join(', ')} }`;
}

/** Short text stays in the index; anything longer or with several lines goes to its own file. */
function fitsInline(text: string): boolean {
  return text.length <= 100 && !text.replace(/\r?\n$/, '').includes('\n');
}

function slug(text: string): string {
  const cleaned = text
    .toLowerCase()
    .replace(/\.(exe|txt|json|conf)$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return cleaned || 'item';
}

function baseOf(path: string): string {
  return basename(path.replace(/\\/g, '/'));
}

async function toIndex(data: CaptureData, put: (rel: string, content: string) => Promise<void>) {
  const width = (n: number) => String(n).padStart(Math.max(2, String(n).length), '0');
  const commands: Record<string, unknown>[] = [];
  for (const [i, c] of data.commands.entries()) {
    const name = `${width(i + 1)}-${slug(c.argv ? baseOf(c.argv[0] ?? 'command') : 'powershell')}`;
    const entry: Record<string, unknown> = {};
    if (c.argv) entry.argv = c.argv;
    if (c.spawnError) entry.spawnError = c.spawnError;
    else entry.exitCode = c.exitCode;
    if (c.signal) entry.signal = c.signal;
    if (c.timedOut) entry.timedOut = true;
    entry.ms = Math.round(c.ms);
    const parts = c.batch ?? (c.stdout ? splitBatchStdout(c.stdout) : null);
    if (parts) {
      const folder = `commands/${name}`;
      const out: Record<string, unknown>[] = [];
      for (const p of parts) {
        if ('error' in p) out.push({ part: p.part, ms: p.ms, error: p.error });
        else if (typeof p.value === 'string' && !fitsInline(p.value)) {
          await put(`${folder}/${slug(p.part)}.txt`, p.value);
          out.push({ part: p.part, ms: p.ms, textFile: `${folder}/${slug(p.part)}.txt` });
        } else if (JSON.stringify(p.value).length > 200) {
          await put(`${folder}/${slug(p.part)}.json`, `${prettyJson(p.value)}\n`);
          out.push({ part: p.part, ms: p.ms, valueFile: `${folder}/${slug(p.part)}.json` });
        } else out.push({ part: p.part, ms: p.ms, value: p.value });
      }
      entry.batch = out;
    } else if (c.stdout !== '' || !c.spawnError) {
      if (fitsInline(c.stdout)) entry.stdout = c.stdout;
      else {
        await put(`commands/${name}.out.txt`, c.stdout);
        entry.stdoutFile = `commands/${name}.out.txt`;
      }
    }
    if (c.stderr !== '') {
      if (fitsInline(c.stderr)) entry.stderr = c.stderr;
      else {
        await put(`commands/${name}.err.txt`, c.stderr);
        entry.stderrFile = `commands/${name}.err.txt`;
      }
    }
    commands.push(entry);
  }

  const files: Record<string, unknown>[] = [];
  for (const [i, f] of data.files.entries()) {
    const entry: Record<string, unknown> = { path: f.path };
    if (f.text !== undefined) {
      if (fitsInline(f.text)) entry.text = f.text;
      else {
        const rel = `files/${width(i + 1)}-${slug(baseOf(f.path))}.txt`;
        await put(rel, f.text);
        entry.textFile = rel;
      }
    }
    if (f.list !== undefined) entry.list = f.list;
    if (f.mtimeMs !== undefined) entry.mtime = new Date(f.mtimeMs).toISOString();
    if (f.exists !== undefined) entry.exists = f.exists;
    files.push(entry);
  }

  return {
    format: captureFormatId,
    readyroomVersion: data.readyroomVersion,
    recordedAt: data.recordedAt,
    ...(data.source !== undefined ? { source: data.source } : {}),
    ...(data.notes !== undefined ? { notes: data.notes } : {}),
    system: data.system,
    homeDir: data.homeDir,
    ownPids: data.ownPids,
    env: data.env,
    ...(data.redacted !== undefined ? { redacted: data.redacted } : {}),
    ...(data.recordedStatuses !== undefined ? { recordedStatuses: data.recordedStatuses } : {}),
    systemInfo: data.systemInfo,
    stats: data.stats,
    ...(data.programs !== undefined ? { programs: data.programs } : {}),
    commands,
    files,
  };
}
