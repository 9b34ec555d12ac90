import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { CheckStatus } from '../../../shared/checks/check-result';
import type { PlatformFacts } from '../../../main/probes/platform/platform-types';
import * as darwinParsers from '../../../main/probes/platform/parsers/darwin-parsers';
import * as linuxParsers from '../../../main/probes/platform/parsers/linux-parsers';
import * as win32Parsers from '../../../main/probes/platform/parsers/win32-parsers';
import * as win32Batch from '../../../main/probes/platform/win32-batch';
import { windowsBatchLineTag, windowsBatchParts } from '../../../main/probes/platform/win32-batch';
import { createProbes } from '../../../main/probes/probe-registry';
import { tryParseJson } from '../../../main/probes/platform/parsers/common-parsers';
import {
  cutOff,
  cyclingExec,
  damageKind,
  damageValue,
  impossibleStats,
  unreadableExec,
  unreadableFiles,
  unreadableText,
  unreadableValue,
  type Damage,
} from './helpers/adversarial';
import { osScenarios, scenarioExec, scenarioFiles, scenarioNow, type OsScenario } from './helpers/os-scenarios';
import { parserRegistry, type ParserCase } from './helpers/parser-registry';
import { platformDeps, probeContext } from './helpers/probe-test-kit';

/*
 * "Unreadable is never a pass", enforced: every parser and every probe, fed empty output, cut-off output,
 * garbage, other languages' words, JSON of the wrong shape (null, object for list and back, the PowerShell
 * 5.1 {value, Count} wrapper, numbers as text), failed exits, timeouts and missing commands.
 * Runs are kept modest so the whole file stays quick; a failure prints the seed that reproduces it.
 */
const parserRuns = 100;
const probeRuns = 40;

const modules = { win32: win32Parsers, darwin: darwinParsers, linux: linuxParsers, 'win32-batch': win32Batch };

describe('every exported parser is registered for the property test', () => {
  it.each(Object.entries(modules))('%s', (name, mod) => {
    const registry = parserRegistry[name as keyof typeof parserRegistry];
    const exported = Object.entries(mod)
      .filter(([, v]) => typeof v === 'function' || name !== 'win32-batch')
      .filter(([key]) => name !== 'win32-batch' || key.startsWith('parse'))
      .map(([key]) => key)
      .sort();
    expect(Object.keys(registry).sort()).toEqual(exported);
    for (const [key, entry] of Object.entries(registry)) {
      if ('exempt' in entry) expect(entry.exempt.length, `${name}.${key} needs a reason`).toBeGreaterThan(20);
    }
  });
});

/** Damaged copies of an answer: cut off (text) or one kind of shape damage (parsed JSON). */
function damaged(input: 'text' | 'value', baseline: unknown, fraction: number, damage: Damage, pick: number): unknown {
  if (input === 'value') return damageValue(baseline, damage, pick);
  const text = String(baseline);
  const json = tryParseJson(text);
  // JSON text may also keep its syntax and lose its shape.
  if (json !== undefined && pick % 2 === 0) return `${JSON.stringify(damageValue(json, damage, pick))}\n`;
  return cutOff(text, fraction);
}

describe('parsers never read unreadable input as safe', () => {
  for (const [moduleName, registry] of Object.entries(parserRegistry)) {
    for (const [name, entry] of Object.entries(registry)) {
      if ('exempt' in entry) continue;
      const c = entry as ParserCase & { run: (x: unknown) => unknown; safe: (r: unknown) => boolean };
      it(`${moduleName}.${name}: unreadable input`, () => {
        fc.assert(
          fc.property(c.input === 'text' ? unreadableText : unreadableValue, (input) => !c.safe(c.run(input))),
          { numRuns: parserRuns },
        );
      });
      if (!c.unsafeBaselines?.length) continue;
      it(`${moduleName}.${name}: damaged copies of unsafe answers stay unsafe`, () => {
        for (const baseline of c.unsafeBaselines ?? []) expect(c.safe(c.run(baseline))).toBe(false);
        fc.assert(
          fc.property(
            fc.nat({ max: (c.unsafeBaselines?.length ?? 1) - 1 }),
            fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
            damageKind,
            fc.nat(),
            (which, fraction, damage, pick) =>
              !c.safe(c.run(damaged(c.input, c.unsafeBaselines?.[which], fraction, damage, pick))),
          ),
          { numRuns: parserRuns },
        );
      });
    }
  }
});

const probes = createProbes({
  busyWindowMs: 1,
  headroomWindowMs: 1,
  quality: { samples: 1, intervalMs: 1, lateMarginMs: 5, maxWaitMs: 5, lookupTimeoutMs: 5 },
  now: () => scenarioNow,
});

/** Every check's status on these facts, with the program list empty (so only the OS answers decide). */
async function statuses(scenario: OsScenario, facts: PlatformFacts): Promise<Map<string, CheckStatus>> {
  const context = probeContext({ os: scenario.os, facts, listPrograms: async () => [] });
  const results = await Promise.all(probes.map(async (p) => [p.id, (await p.run(context)).status] as const));
  return new Map(results);
}

/** The checks that passed, except those the scenario allows (they read nothing these inputs change). */
function passed(scenario: OsScenario, result: Map<string, CheckStatus>): string[] {
  return [...result].filter(([id, status]) => status === 'pass' && !(id in scenario.mayPass)).map(([id]) => id);
}

describe('probes never pass on unreadable answers', () => {
  for (const scenario of osScenarios) {
    const deps = (overrides: Parameters<typeof platformDeps>[0]) =>
      platformDeps({ env: scenario.env, homeDir: scenario.homeDir, now: () => scenarioNow, ...overrides });

    it(`${scenario.os} (${scenario.name}): the unsafe baseline itself has no passing check`, async () => {
      const stats = await fc.sample(impossibleStats, 1)[0];
      const facts = scenario.create(deps({ exec: scenarioExec(scenario), files: scenarioFiles(scenario), stats }));
      expect(passed(scenario, await statuses(scenario, facts))).toEqual([]);
    });

    it(`${scenario.os}: no check passes when every command and file answers unreadably`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(unreadableExec, { minLength: 1, maxLength: 6 }),
          unreadableFiles,
          impossibleStats,
          async (answers, files, stats) => {
            const facts = scenario.create(deps({ exec: cyclingExec(answers), files, stats }));
            expect(passed(scenario, await statuses(scenario, facts))).toEqual([]);
          },
        ),
        { numRuns: probeRuns },
      );
    });

    it(`${scenario.os}: no check passes on damaged copies of the unsafe answers`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
          damageKind,
          fc.nat(),
          fc.boolean(),
          impossibleStats,
          async (fraction, damage, pick, shapeNotCut, stats) => {
            const damageText = (text: string) => {
              if (text.includes(`"readyroom":"${windowsBatchLineTag}"`))
                return damageBatch(text, fraction, damage, pick, shapeNotCut);
              const json = tryParseJson(text);
              if (json !== undefined && shapeNotCut) return `${JSON.stringify(damageValue(json, damage, pick))}\n`;
              return cutOff(text, fraction);
            };
            const exec = scenarioExec(scenario, (_key, answer) =>
              typeof answer === 'string'
                ? damageText(answer)
                : { ...answer, stdout: damageText(answer.stdout ?? ''), stderr: damageText(answer.stderr ?? '') },
            );
            const files = scenarioFiles(scenario, (path, text) =>
              scenario.cutFile(path) ? cutOff(text, fraction) : text,
            );
            const facts = scenario.create(deps({ exec, files, stats }));
            expect(passed(scenario, await statuses(scenario, facts))).toEqual([]);
          },
        ),
        { numRuns: probeRuns },
      );
    });
  }

  const windows = osScenarios.find((s) => s.os === 'win32');
  it('win32: no check passes when every part of the batch arrives with an unreadable value', async () => {
    if (!windows) throw new Error('the Windows scenario is missing');
    await fc.assert(
      fc.asyncProperty(
        fc.array(unreadableValue, { minLength: windowsBatchParts.length, maxLength: windowsBatchParts.length }),
        impossibleStats,
        async (values, stats) => {
          const stdout = windowsBatchParts
            .map((part, i) =>
              JSON.stringify({ readyroom: windowsBatchLineTag, part, ms: 10 * i, value: values[i] ?? null }),
            )
            .join('\r\n');
          const facts = windows.create(
            platformDeps({
              exec: cyclingExec([{ stdout: `${stdout}\r\n` }]),
              stats,
              env: windows.env,
              now: () => scenarioNow,
            }),
          );
          expect(passed(windows, await statuses(windows, facts))).toEqual([]);
        },
      ),
      { numRuns: probeRuns },
    );
  });
});

/** A damaged Windows batch: cut off anywhere, or one part's value damaged in shape. */
function damageBatch(text: string, fraction: number, damage: Damage, pick: number, shapeNotCut: boolean): string {
  if (!shapeNotCut) return cutOff(text, fraction);
  // Lines end in "\n" (assembled from a capture) or "\r\n" (as PowerShell prints them); either is kept.
  const lines = text.split('\n');
  const target = pick % Math.max(1, lines.length - 1);
  return lines
    .map((line, i) => {
      const parsed = tryParseJson(line) as { value?: unknown } | undefined;
      if (i !== target || !parsed || !('value' in parsed)) return line;
      return JSON.stringify({ ...parsed, value: damageValue(parsed.value, damage, Math.floor(pick / lines.length)) });
    })
    .join('\n');
}
