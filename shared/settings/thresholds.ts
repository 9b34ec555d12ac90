import { z } from 'zod';

import {
  connectionThresholdSourceNames,
  defaultConnectionThresholds,
  type ConnectionThresholds,
} from '../checks/connection-grading';

/**
 * The numeric limits the automatic checks judge against, which a therapist or clinic IT may set
 * for their own circumstances. Each has a default, a range outside which a value is nonsense, and
 * where the default comes from; the limits in force go into each check's evidence in the log.
 */
export interface ThresholdSpec {
  /** Plain words for the screen and error messages. */
  readonly label: string;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  /** 1 for whole numbers. */
  readonly step: number;
  readonly default: number;
  /** Where the default comes from, named for the screen. */
  readonly source: string;
}

const wifiSource =
  "ReadyRoom's choice, around the −67 dBm that Wi-Fi designers commonly give as the least for calls (MetaGeek Wi-Fi guidance)";
const lockSource =
  "ReadyRoom's choice, stricter than the 15 minutes of the US Defense Department's Windows security guide (DISA STIG)";
const headroomSource = "ReadyRoom's own choice: enough spare for a video call's picture and sound";

const connectionDefaults = defaultConnectionThresholds;

/** Every threshold, grouped by the check that uses it. */
export const thresholdSpecs = {
  connection: {
    roundTripWarnMs: {
      label: 'Connection: needs attention when the round trip is longer than',
      unit: 'ms',
      min: 20,
      max: 1000,
      step: 1,
      default: connectionDefaults.rttMs.warnFrom,
      source: connectionThresholdSourceNames.rttMs,
    },
    roundTripFailMs: {
      label: 'Connection: a problem when the round trip is longer than',
      unit: 'ms',
      min: 50,
      max: 2000,
      step: 1,
      default: connectionDefaults.rttMs.failFrom,
      source: connectionThresholdSourceNames.rttMs,
    },
    jitterWarnMs: {
      label: 'Connection: needs attention when jitter is more than',
      unit: 'ms',
      min: 5,
      max: 300,
      step: 1,
      default: connectionDefaults.jitterMs.warnFrom,
      source: connectionThresholdSourceNames.jitterMs,
    },
    jitterFailMs: {
      label: 'Connection: a problem when jitter is more than',
      unit: 'ms',
      min: 10,
      max: 500,
      step: 1,
      default: connectionDefaults.jitterMs.failFrom,
      source: connectionThresholdSourceNames.jitterMs,
    },
    // One lost attempt in 60 is 1.7 %: a limit under 2 % would fail a link for a single lost attempt.
    lossFailPercent: {
      label: 'Connection: a problem when more attempts are lost than',
      unit: '%',
      min: 2,
      max: 30,
      step: 1,
      default: Math.round(connectionDefaults.loss.failFrom * 100),
      source: connectionThresholdSourceNames.loss,
    },
  },
  wifi: {
    warnBelowDbm: {
      label: 'Wi-Fi signal: needs attention below',
      unit: 'dBm',
      min: -95,
      max: -30,
      step: 1,
      default: -60,
      source: wifiSource,
    },
    failBelowDbm: {
      label: 'Wi-Fi signal: a problem below',
      unit: 'dBm',
      min: -95,
      max: -30,
      step: 1,
      default: -70,
      source: wifiSource,
    },
  },
  battery: {
    failBelowPercent: {
      label: 'Battery: a problem when running on battery below',
      unit: '%',
      min: 5,
      max: 95,
      step: 1,
      default: 30,
      source: "ReadyRoom's choice; NHS video-consultation advice is to charge the battery or keep the charger nearby",
    },
  },
  headroom: {
    cpuBusyWarnPercent: {
      label: 'Processor: needs attention when busier than',
      unit: '%',
      min: 30,
      max: 99,
      step: 1,
      default: 80,
      source: headroomSource,
    },
    memoryWarnBelowGb: {
      label: 'Memory: needs attention when less is free than',
      unit: 'GB',
      min: 0.25,
      max: 32,
      step: 0.25,
      default: 1,
      source: headroomSource,
    },
    memoryWarnBelowPercent: {
      label: 'Memory: needs attention when a smaller share is free than',
      unit: '%',
      min: 1,
      max: 50,
      step: 1,
      default: 10,
      source: headroomSource,
    },
  },
  screenLock: {
    warnAfterMinutes: {
      label: 'Screen lock: needs attention when it locks later than',
      unit: 'minutes',
      min: 1,
      max: 60,
      step: 1,
      default: 10,
      source: lockSource,
    },
    failAfterMinutes: {
      label: 'Screen lock: a problem when it locks later than',
      unit: 'minutes',
      min: 1,
      max: 240,
      step: 1,
      default: 20,
      source: lockSource,
    },
  },
} as const satisfies Record<string, Record<string, ThresholdSpec>>;

type Specs = typeof thresholdSpecs;
export type ThresholdGroup = keyof Specs;
export type Thresholds = { readonly [G in ThresholdGroup]: { readonly [K in keyof Specs[G]]: number } };

/** `wifi.warnBelowDbm` and so on: the names clinic IT uses with `settings set thresholds.<name>`. */
export type ThresholdPath = { [G in ThresholdGroup]: `${G}.${keyof Specs[G] & string}` }[ThresholdGroup];

export const thresholdGroups = Object.keys(thresholdSpecs) as ThresholdGroup[];

export function thresholdEntries(): { readonly path: ThresholdPath; readonly spec: ThresholdSpec }[] {
  return thresholdGroups.flatMap((group) =>
    Object.entries(thresholdSpecs[group]).map(([key, spec]) => ({
      path: `${group}.${key}` as ThresholdPath,
      spec: spec as ThresholdSpec,
    })),
  );
}

export function getThresholdSpec(path: string): ThresholdSpec | undefined {
  const [group, key] = path.split('.');
  const specs = thresholdSpecs[group as ThresholdGroup] as Record<string, ThresholdSpec> | undefined;
  return key && specs && Object.hasOwn(specs, key) ? specs[key] : undefined;
}

export const defaultThresholds = Object.fromEntries(
  thresholdGroups.map((group) => [
    group,
    Object.fromEntries(Object.entries(thresholdSpecs[group]).map(([key, spec]) => [key, spec.default])),
  ]),
) as Thresholds;

const formatNumber = (n: number) => (n < 0 ? `−${Math.abs(n)}` : String(n));

/** "−60 dBm", "10 minutes": a threshold value as the screen shows it. */
export function formatThreshold(spec: ThresholdSpec, value: number): string {
  if (spec.unit === '%') return `${formatNumber(value)} %`;
  const unit = value === 1 && spec.unit.endsWith('s') ? spec.unit.slice(0, -1) : spec.unit;
  return `${formatNumber(value)} ${unit}`;
}

/** The one-line message for a value outside the sensible range. */
export function rangeMessage(spec: ThresholdSpec): string {
  const kind = spec.step === 1 ? 'a whole number' : `a number in steps of ${spec.step}`;
  return `${spec.label} must be ${kind} from ${formatThreshold(spec, spec.min)} to ${formatThreshold(spec, spec.max)}.`;
}

function valueSchema(spec: ThresholdSpec) {
  return z
    .number({ error: rangeMessage(spec) })
    .min(spec.min, { error: rangeMessage(spec) })
    .max(spec.max, { error: rangeMessage(spec) })
    .refine((n) => Number.isInteger(Math.round((n / spec.step) * 1e6) / 1e6), { error: rangeMessage(spec) });
}

function groupSchema<G extends ThresholdGroup>(group: G) {
  const shape = Object.fromEntries(
    Object.entries(thresholdSpecs[group]).map(([key, spec]) => [key, valueSchema(spec as ThresholdSpec)]),
  ) as { [K in keyof Specs[G]]: ReturnType<typeof valueSchema> };
  return z.strictObject(shape);
}

/** Pairs where one limit must not cross the other, with the message when it does. */
const orderRules: readonly {
  readonly group: ThresholdGroup;
  readonly looser: string;
  readonly stricter: string;
  /** True when the values are in order. */
  readonly ok: (looser: number, stricter: number) => boolean;
  readonly message: string;
}[] = [
  {
    group: 'connection',
    looser: 'roundTripWarnMs',
    stricter: 'roundTripFailMs',
    ok: (warn, fail) => fail >= warn,
    message: 'The round-trip "problem" limit must be at or above the "needs attention" limit.',
  },
  {
    group: 'connection',
    looser: 'jitterWarnMs',
    stricter: 'jitterFailMs',
    ok: (warn, fail) => fail >= warn,
    message: 'The jitter "problem" limit must be at or above the "needs attention" limit.',
  },
  {
    group: 'wifi',
    looser: 'warnBelowDbm',
    stricter: 'failBelowDbm',
    ok: (warn, fail) => fail <= warn,
    message: 'The Wi-Fi "problem" limit must be at or below the "needs attention" limit.',
  },
  {
    group: 'screenLock',
    looser: 'warnAfterMinutes',
    stricter: 'failAfterMinutes',
    ok: (warn, fail) => fail >= warn,
    message: 'The screen-lock "problem" limit must be at or above the "needs attention" limit.',
  },
];

/** The thresholds, validated field by field and for their order; messages are one plain sentence each. */
export const thresholdsSchema = z
  .strictObject({
    connection: groupSchema('connection'),
    wifi: groupSchema('wifi'),
    battery: groupSchema('battery'),
    headroom: groupSchema('headroom'),
    screenLock: groupSchema('screenLock'),
  })
  .superRefine((value, ctx) => {
    for (const rule of orderRules) {
      const group = value[rule.group] as Record<string, number>;
      const looser = group[rule.looser];
      const stricter = group[rule.stricter];
      if (looser !== undefined && stricter !== undefined && !rule.ok(looser, stricter)) {
        ctx.addIssue({ code: 'custom', message: rule.message, path: [rule.group, rule.stricter] });
      }
    }
  }) satisfies z.ZodType<Thresholds>;

/**
 * Keeps each valid value of a stored copy and uses the default for the rest; a group whose
 * limits cross falls back to its defaults as a whole. One bad value costs only itself.
 */
export function sanitizeThresholds(raw: unknown): Thresholds {
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const out: Record<string, Record<string, number>> = {};
  for (const group of thresholdGroups) {
    const stored = source[group];
    const given = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
    const values: Record<string, number> = {};
    for (const [key, spec] of Object.entries(thresholdSpecs[group]) as [string, ThresholdSpec][]) {
      const parsed = valueSchema(spec).safeParse(given[key]);
      values[key] = parsed.success ? parsed.data : spec.default;
    }
    out[group] = values;
  }
  for (const rule of orderRules) {
    const group = out[rule.group] as Record<string, number>;
    if (!rule.ok(group[rule.looser] as number, group[rule.stricter] as number)) {
      out[rule.group] = { ...(defaultThresholds[rule.group] as Record<string, number>) };
    }
  }
  return out as unknown as Thresholds;
}

/** Whether each threshold of a group is its default: written into evidence beside the limits. */
export function usesDefaults(group: ThresholdGroup, thresholds: Thresholds): boolean {
  const current = thresholds[group] as Record<string, number>;
  return Object.entries(defaultThresholds[group]).every(([key, value]) => current[key] === value);
}

/** The limits of one group as evidence: the values in force and whether they were changed in Settings. */
export function limitsEvidence(group: ThresholdGroup, thresholds: Thresholds): Record<string, number | boolean> {
  return { ...(thresholds[group] as Record<string, number>), changedInSettings: !usesDefaults(group, thresholds) };
}

/** The connection limits in force, in the form the connection grading takes. */
export function connectionThresholds(thresholds: Thresholds): ConnectionThresholds {
  const c = thresholds.connection;
  const lossShare = c.lossFailPercent / 100;
  return {
    rttMs: { warnFrom: c.roundTripWarnMs, failFrom: c.roundTripFailMs },
    jitterMs: { warnFrom: c.jitterWarnMs, failFrom: c.jitterFailMs },
    loss: { warnFrom: lossShare, failFrom: lossShare },
  };
}
