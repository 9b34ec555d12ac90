/**
 * Pure gating logic for `npm run lint:security`: turns Electronegativity's findings into a verdict.
 * No I/O here, so the rules can be unit-tested on fixture reports.
 */
import { z } from 'zod';

export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Severities that fail the gate unless allow-listed. */
export const BLOCKING_SEVERITIES: ReadonlySet<Severity> = new Set(['HIGH', 'MEDIUM']);

/** File name used for findings that are about the whole app, not one file (Electronegativity says "N/A"). */
export const GLOBAL_FILE = '(global)';

/**
 * Checks whose findings we grade higher than Electronegativity does.
 * It rates an explicit `nodeIntegration: true` as INFORMATIONAL, which would let it through the gate
 * whenever the window also sets contextIsolation; ReadyRoom never wants Node in a renderer.
 */
export const SEVERITY_OVERRIDES: Readonly<Record<string, Severity>> = {
  NODE_INTEGRATION_JS_CHECK: 'HIGH',
};

export type Finding = {
  check: string;
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** Electronegativity's own rating, kept when SEVERITY_OVERRIDES changed it. */
  reportedSeverity: Severity;
  confidence: string;
  manualReview: boolean;
  description: string;
  sample: string | undefined;
};

export type ParseError = { file: string; message: string };

export type AllowlistEntry = {
  check: string;
  file: string;
  reason: string;
  /** How many findings of this check in this file the entry covers (default 1), so a new one is noticed. */
  count: number;
};

export type Verdict = {
  /** HIGH/MEDIUM findings with no allowlist entry: these fail the gate. */
  blocking: Finding[];
  allowed: { finding: Finding; entry: AllowlistEntry }[];
  /** LOW/INFORMATIONAL findings: reported in the count only. */
  belowThreshold: Finding[];
  /** Allowlist entries that matched no finding: a warning, so the list does not rot. */
  stale: AllowlistEntry[];
  /** Entries that matched more findings than their count: the extra findings are in `blocking`. */
  exceeded: AllowlistEntry[];
  /** Files Electronegativity could not parse were not scanned at all, so they fail the gate too. */
  parseErrors: ParseError[];
  passed: boolean;
};

const severityName = z.enum(SEVERITIES);

// The shape of one issue returned by `require('@doyensec/electronegativity')(options)` in 1.10.3.
// Parsed strictly enough that a format change in a future version fails loudly instead of passing silently.
const rawIssueSchema = z.object({
  id: z.string().min(1),
  file: z.string().min(1),
  location: z.object({ line: z.number().int(), column: z.number().int() }),
  severity: z.object({ name: severityName }),
  confidence: z.object({ name: z.string() }),
  manualReview: z.boolean().optional(),
  description: z.string().optional(),
  sample: z.string().optional(),
});

const rawErrorSchema = z.object({
  file: z.string(),
  message: z.string(),
  tolerable: z.boolean(),
});

const rawResultSchema = z.object({
  issues: z.array(z.unknown()),
  errors: z.array(rawErrorSchema),
});

/** Makes a path relative-looking and POSIX, so allowlist keys are the same on every OS. */
export function normaliseFile(file: string): string {
  if (file === 'N/A' || file === '') return GLOBAL_FILE;
  return file.replace(/\\/g, '/').replace(/^\.\//, '');
}

/** Converts Electronegativity's JS-API result (issues and errors) into findings and parse errors. */
export function parseReport(raw: unknown): { findings: Finding[]; parseErrors: ParseError[] } {
  const result = rawResultSchema.parse(raw);
  const findings = result.issues.map((issue, index) => {
    const parsed = rawIssueSchema.safeParse(issue);
    if (!parsed.success) {
      throw new Error(`unexpected Electronegativity issue #${index}: ${z.prettifyError(parsed.error)}`);
    }
    const { id, file, location, severity, confidence, manualReview, description, sample } = parsed.data;
    const reported = severity.name;
    return {
      check: id,
      file: normaliseFile(file),
      line: location.line,
      column: location.column,
      severity: SEVERITY_OVERRIDES[id] ?? reported,
      reportedSeverity: reported,
      confidence: confidence.name,
      manualReview: manualReview ?? false,
      description: description ?? '',
      sample,
    } satisfies Finding;
  });
  const parseErrors = result.errors
    .filter((error) => !error.tolerable)
    .map((error) => ({ file: normaliseFile(error.file), message: error.message }));
  return { findings: dedupe(findings), parseErrors };
}

// Electronegativity reports some global checks once per dependent finding; keep one of each.
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = [finding.check, finding.file, finding.line, finding.column].join('\0');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const allowlistSchema = z
  .object({
    description: z.string().optional(),
    entries: z.array(
      z
        .object({
          check: z.string().regex(/^[A-Z0-9_]+$/, 'check must be an Electronegativity check id'),
          file: z.string().min(1),
          reason: z.string().trim().min(10, 'reason must explain why the finding is acceptable'),
          count: z.number().int().positive().optional(),
        })
        .strict(),
    ),
  })
  .strict();

/** Validates the allowlist file's content; throws a readable error on any problem. */
export function parseAllowlist(raw: unknown): AllowlistEntry[] {
  const parsed = allowlistSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`invalid Electronegativity allowlist: ${z.prettifyError(parsed.error)}`);
  }
  const entries = parsed.data.entries.map((entry) => ({
    check: entry.check,
    file: normaliseFile(entry.file),
    reason: entry.reason.trim(),
    count: entry.count ?? 1,
  }));
  const seen = new Set<string>();
  for (const entry of entries) {
    const key = keyOf(entry);
    if (seen.has(key)) {
      throw new Error(`invalid Electronegativity allowlist: duplicate entry ${entry.check} ${entry.file}`);
    }
    seen.add(key);
  }
  return entries;
}

function keyOf(item: { check: string; file: string }): string {
  return `${item.check}\0${item.file}`;
}

/** Applies the allowlist: HIGH and MEDIUM findings must each be listed (by check id and file) or the gate fails. */
export function evaluate(
  findings: readonly Finding[],
  allowlist: readonly AllowlistEntry[],
  parseErrors: readonly ParseError[] = [],
): Verdict {
  const byKey = new Map(allowlist.map((entry) => [keyOf(entry), entry]));
  const used = new Map<string, number>();
  const verdict: Verdict = {
    blocking: [],
    allowed: [],
    belowThreshold: [],
    stale: [],
    exceeded: [],
    parseErrors: [...parseErrors],
    passed: false,
  };
  for (const finding of findings) {
    const key = keyOf(finding);
    const entry = byKey.get(key);
    if (!BLOCKING_SEVERITIES.has(finding.severity)) {
      verdict.belowThreshold.push(finding);
      // A below-threshold finding still counts as a match, so its entry is not reported as stale.
      if (entry) used.set(key, used.get(key) ?? 0);
      continue;
    }
    const uses = used.get(key) ?? 0;
    if (entry && uses < entry.count) {
      used.set(key, uses + 1);
      verdict.allowed.push({ finding, entry });
    } else {
      verdict.blocking.push(finding);
      if (entry && !verdict.exceeded.includes(entry)) verdict.exceeded.push(entry);
    }
  }
  verdict.stale = allowlist.filter((entry) => !used.has(keyOf(entry)));
  verdict.passed = verdict.blocking.length === 0 && verdict.parseErrors.length === 0;
  return verdict;
}

function describe(finding: Finding): string {
  const where = finding.file === GLOBAL_FILE ? GLOBAL_FILE : `${finding.file}:${finding.line}:${finding.column}`;
  const graded =
    finding.severity === finding.reportedSeverity
      ? finding.severity
      : `${finding.severity} (reported ${finding.reportedSeverity})`;
  const review = finding.manualReview ? ', needs manual review' : '';
  return `${finding.check} ${graded}${review} at ${where}: ${finding.description}`;
}

/** A short human summary; lines for blocking items come first. */
export function formatSummary(
  verdict: Verdict,
  stats: { files: number; durationMs: number; blockedRequests: number },
): string {
  const lines: string[] = [];
  for (const finding of verdict.blocking) lines.push(`✗ ${describe(finding)}`);
  for (const error of verdict.parseErrors) lines.push(`✗ not scanned, parse error in ${error.file}: ${error.message}`);
  for (const entry of verdict.exceeded) {
    lines.push(`! allowlist entry ${entry.check} ${entry.file} covers ${entry.count}, more were found: review them`);
  }
  for (const entry of verdict.stale) {
    lines.push(`! stale allowlist entry ${entry.check} ${entry.file}: matches no finding, remove it`);
  }
  for (const { finding } of verdict.allowed) lines.push(`· allowed ${finding.check} at ${finding.file}`);
  const counts = [
    `${verdict.blocking.length} blocking`,
    `${verdict.allowed.length} allow-listed`,
    `${verdict.belowThreshold.length} low/informational`,
    `${verdict.stale.length} stale allowlist entries`,
  ].join(', ');
  const seconds = (stats.durationMs / 1000).toFixed(1);
  const offline = stats.blockedRequests > 0 ? `, ${stats.blockedRequests} network request(s) blocked` : '';
  lines.push(
    `Electronegativity: ${stats.files} files in ${seconds} s${offline}; ${counts} → ${verdict.passed ? 'PASS' : 'FAIL'}`,
  );
  return lines.join('\n');
}
