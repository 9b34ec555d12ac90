import fc from 'fast-check';

import type { ExecResult } from '../../../../main/platform/exec';
import { unwrapPsArray } from '../../../../main/probes/platform/parsers/common-parsers';
import type { HostFiles, HostStats } from '../../../../main/probes/platform/platform-types';
import { execResult } from './probe-test-kit';

/**
 * Inputs that no OS tool would give as a readable answer: the "unreadable is never a pass" property
 * feeds these to every parser and probe. Sentences in other languages are error messages and banners
 * that tools print instead of their answer.
 */
export const otherLocaleWords = [
  'Das System kann die angegebene Datei nicht finden.',
  'Zugriff verweigert',
  'Accès refusé.',
  'El sistema no puede encontrar el archivo especificado.',
  'Impossibile trovare il file specificato.',
  'Die angegebene Energieeinstellung, Untergruppe oder das Energieschema ist nicht vorhanden.',
  '지정된 파일을 찾을 수 없습니다.',
  '系统找不到指定的文件。',
  'ファイルが見つかりません。',
  'Нет доступа.',
  'Operation not permitted',
  'command not found',
  'Es ist 1 Schnittstelle auf dem System vorhanden:',
  'Il existe 1 interface sur le système :',
] as const;

/** JSON that parses but has the wrong shape, including the PowerShell 5.1 array wrapper. */
export const unexpectedJson = [
  'null',
  '{}',
  '[]',
  '[{}]',
  '[[]]',
  '"1"',
  '0',
  'true',
  '[1,2]',
  '{"a":"1"}',
  '{"value":[],"Count":0}',
  '{"value":[null],"Count":1}',
  '{"value":{},"Count":1}',
] as const;

export const unreadableText: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.constantFrom(' ', '\n', '\r\n\r\n', '\ufeff'),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.constantFrom(...otherLocaleWords),
  fc.constantFrom(...unexpectedJson),
  fc.array(fc.constantFrom(...otherLocaleWords, ...unexpectedJson), { maxLength: 5 }).map((a) => a.join('\n')),
);

/** Keys that no parser looks for, so a random object can never spell a real answer by chance. */
const strayKey = fc.string({ maxLength: 6 }).map((k) => `zz${k}`);
const primitive = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(...otherLocaleWords),
);

/**
 * Values of the wrong shape: primitives, lists, objects without the expected keys, PowerShell wrappers.
 * An empty list (or the wrapper of one) is left out: it is the well-formed answer of a computer that has
 * none of the thing asked about (no battery, no program using the camera).
 */
export const unreadableValue: fc.Arbitrary<unknown> = fc
  .letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      primitive,
      fc.constant(undefined),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(strayKey, tie('value'), { maxKeys: 3 }),
      tie('value').map((v) => ({ value: [v], Count: 1 })),
    ),
  }))
  .value.filter((v) => {
    const list = unwrapPsArray(v);
    return !(Array.isArray(list) && list.length === 0);
  });

/** How a command can fail to give a readable answer. */
export const unreadableExec: fc.Arbitrary<Partial<ExecResult>> = fc.oneof(
  unreadableText.map((stdout) => ({ stdout })),
  fc
    .tuple(unreadableText, fc.constantFrom(1, 2, 3, 127, 255))
    .map(([stdout, code]) => ({ ok: false, stdout, code, stderr: 'error' })),
  unreadableText.map((stdout) => ({ ok: false, stdout, code: null, signal: 'SIGKILL', timedOut: true })),
  fc.constant({ ok: false, code: null, spawnError: 'ENOENT' }),
  fc.constant({ ok: false, code: null, spawnError: 'EACCES' }),
);

/** Host figures that cannot be true (no counter movement, inverted memory). */
export const impossibleStats: fc.Arbitrary<HostStats> = fc
  .constantFrom<[number, number, number, number]>(
    [Number.NaN, 4, 8, 4],
    [-3, 4, 8, 4],
    [12, 0, 8, 4],
    [12, 4, 0, 0],
    [12, 4, 4, 8],
    [Number.POSITIVE_INFINITY, 4, 8, 4],
  )
  .map(([cpu, cores, total, available]) => ({
    cpuBusyPercent: async () => cpu,
    cores: () => cores,
    memory: async () => ({ totalBytes: total * 1024 ** 3, availableBytes: available * 1024 ** 3 }),
  }));

/** Every command answers with the next of `answers` (cycling), whatever was asked. */
export function cyclingExec(answers: readonly Partial<ExecResult>[]) {
  let i = 0;
  return async () => execResult(answers[i++ % answers.length] ?? {});
}

/** Files that answer nothing readable: unreadable text or nothing, odd directory listings, no dates. */
export const unreadableFiles: fc.Arbitrary<HostFiles> = fc
  .record({
    texts: fc.array(fc.option(unreadableText, { nil: null }), { minLength: 1, maxLength: 6 }),
    listing: fc.option(
      fc.array(
        fc.string({ maxLength: 10 }).map((n) => `zz${n}`),
        { minLength: 1, maxLength: 4 },
      ),
      {
        nil: null,
      },
    ),
    exists: fc.boolean(),
  })
  .map(({ texts, listing, exists }) => {
    let i = 0;
    return {
      readText: async () => texts[i++ % texts.length] ?? null,
      listDir: async () => listing,
      exists: async () => exists,
      mtimeMs: async () => null,
    };
  });

/**
 * A cut-off copy of a real output. It always ends inside a line (a cut just after a newline would be a
 * well-formed, shorter answer, which is another machine state rather than damage).
 */
export function cutOff(text: string, fraction: number): string {
  const cut = text.slice(0, Math.floor(fraction * text.length));
  return cut.replace(/\r?\n$/, '');
}

type Path = readonly (string | number)[];

function paths(value: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  }
  return out;
}

function replaceAt(value: unknown, path: Path, make: (old: unknown) => unknown): unknown {
  if (path.length === 0) return make(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, make) : v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === head ? replaceAt(v, rest, make) : v] as const),
    );
  }
  return value;
}

function numbersToText(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(numbersToText);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, numbersToText(v)] as const));
  }
  return value;
}

export type Damage = 'null' | 'drop-key' | 'wrap' | 'object-for-list' | 'list-for-object' | 'numbers-as-text';

/** One kind of damage to a parsed JSON answer, at the node numbered `pick` (wrapping around). */
export function damageValue(value: unknown, damage: Damage, pick: number): unknown {
  if (damage === 'numbers-as-text') return numbersToText(value);
  const all = paths(value);
  const target = all[pick % all.length] ?? [];
  switch (damage) {
    case 'null':
      return replaceAt(value, target, () => null);
    case 'wrap':
      return replaceAt(value, target, (old) => (Array.isArray(old) ? { value: old, Count: old.length } : old));
    case 'object-for-list':
      return replaceAt(value, target, (old) => (Array.isArray(old) ? Object.assign({}, old) : old));
    case 'list-for-object':
      return replaceAt(value, target, (old) => (old && typeof old === 'object' && !Array.isArray(old) ? [old] : old));
    case 'drop-key': {
      const parent = target.slice(0, -1);
      const key = target[target.length - 1];
      if (typeof key !== 'string') return value;
      return replaceAt(value, parent, (old) =>
        old && typeof old === 'object' && !Array.isArray(old)
          ? Object.fromEntries(Object.entries(old).filter(([k]) => k !== key))
          : old,
      );
    }
  }
}

export const damageKind: fc.Arbitrary<Damage> = fc.constantFrom(
  'null',
  'drop-key',
  'wrap',
  'object-for-list',
  'list-for-object',
  'numbers-as-text',
);
