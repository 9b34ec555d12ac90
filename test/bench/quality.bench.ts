/**
 * Connection-verdict benchmark: `npm run -s bench:quality -- --target HOST:PORT [--runs N] [--json]`.
 * Runs the real connection.quality probe (real TCP connects) N times against one target and counts the
 * grades, so the verdict on a real impaired link can be compared with the design's error rates.
 * `--serve HOST:PORT` instead starts a TCP server that accepts and closes connections (run it inside a
 * network namespace; docs/performance.md shows the set-up). Nothing here needs root itself.
 */
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';

import { createMemorySink, setLogSink } from '../../main/logging/logger';
import { createConnectionQualityProbe } from '../../main/probes/connection-quality.probe';
import { percentile } from '../../main/probes/net/quality-sampler';
import { systemLookup, tcpConnect } from '../../main/probes/net/tcp-connect';
import type { ProbeContext } from '../../main/probes/probe-types';
import { parseHostTarget } from '../../shared/session/host-target';
import { defaultSettings } from '../../shared/settings/settings';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    runs: { type: 'string' },
    target: { type: 'string' },
    serve: { type: 'string' },
    seconds: { type: 'string' },
  },
  strict: true,
});

async function serve(where: string): Promise<void> {
  const at = parseHostTarget(where);
  if (!at) throw new Error('--serve needs HOST:PORT');
  const server = createServer((s) => {
    s.on('error', () => undefined);
    s.destroy();
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(at.port, at.host, resolve));
  process.stderr.write(`serving on ${where}\n`);
  // Stops by itself, so a forgotten server does not linger.
  setTimeout(() => server.close(), Number(values.seconds ?? 600) * 1000).unref();
}

async function measure(target: string, runs: number): Promise<void> {
  setLogSink(createMemorySink());
  const probe = createConnectionQualityProbe();
  const grades: Record<string, number> = {};
  const lost: number[] = [];
  const durations: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const context = {
      os: 'linux',
      target,
      platform: 'other',
      settings: defaultSettings,
      quality: { connect: tcpConnect, lookup: systemLookup, now: () => performance.now() },
      signal: new AbortController().signal,
    } as unknown as ProbeContext;
    const started = performance.now();
    const r = await probe.run(context);
    durations.push(Math.round(performance.now() - started));
    grades[r.status] = (grades[r.status] ?? 0) + 1;
    lost.push(Number(r.evidence.lost ?? -1));
    process.stderr.write(`run ${i + 1}/${runs}: ${r.status} (${String(r.evidence.lost)} lost)\n`);
  }
  const result = {
    target,
    runs,
    grades,
    lostPerRun: lost,
    durationP50Ms: percentile(durations, 50),
    durationP95Ms: percentile(durations, 95),
  };
  if (!values.json) process.stdout.write(`${JSON.stringify(grades)}\n`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (values.serve) void serve(values.serve);
else if (values.target) void measure(values.target, Number(values.runs ?? 20));
else process.stderr.write('Give --target HOST:PORT (or --serve HOST:PORT).\n');
