import type { JsonValue } from '../../../shared/json';
import type { BatchPart } from './capture-types';

/** The tag on every line the Windows PowerShell batch prints (one JSON line per part). */
export const batchLineTag = 'batch/2';

/**
 * The batch's stdout for these parts, one line each, exactly as the batch script prints it:
 * `{"readyroom":"batch/2","part":"<name>","ms":<int>,"value":<JSON>}` or `…,"error":"<Type> 0x<HRESULT>"}`.
 */
export function assembleBatchStdout(parts: readonly BatchPart[]): string {
  return parts
    .map((p) =>
      JSON.stringify(
        'error' in p
          ? { readyroom: batchLineTag, part: p.part, ms: Math.round(p.ms), error: p.error }
          : { readyroom: batchLineTag, part: p.part, ms: Math.round(p.ms), value: p.value },
      ),
    )
    .map((line) => `${line}\n`)
    .join('');
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Splits a recorded batch stdout back into parts, or null when it holds anything else (a warning
 * line, another format, an extra field): then it is kept as raw text so nothing is lost.
 */
export function splitBatchStdout(stdout: string): BatchPart[] | null {
  const lines = stdout.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) return null;
  const parts: BatchPart[] = [];
  for (const line of lines) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return null;
    }
    if (!isRecord(parsed) || parsed.readyroom !== batchLineTag) return null;
    const { part, ms } = parsed;
    if (typeof part !== 'string' || typeof ms !== 'number' || !Number.isInteger(ms)) return null;
    const keys = Object.keys(parsed).sort().join(',');
    if (keys === 'ms,part,readyroom,value') parts.push({ part, ms, value: parsed.value as JsonValue });
    else if (keys === 'error,ms,part,readyroom' && typeof parsed.error === 'string') {
      parts.push({ part, ms, error: parsed.error });
    } else return null;
  }
  return parts;
}
