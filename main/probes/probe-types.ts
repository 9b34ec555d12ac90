import type { AutomaticCheckId } from '../../shared/checks/check-ids';
import type { CheckStatus } from '../../shared/checks/check-result';
import type { JsonObject } from '../../shared/json';
import type { OsName } from '../../shared/platform';
import type { ProgramRow } from '../../shared/programs/program-types';
import type { SessionPlatformId } from '../../shared/session/platforms';
import type { Settings } from '../../shared/settings/settings';
import type { QualityDeps } from './net/quality-sampler';
import type { ThroughputDeps } from './net/throughput';
import type { PlatformFacts } from './platform/platform-types';

/** What a probe decides; the engine adds the id, the catalog fix and the duration. */
export interface ProbeOutcome {
  readonly status: CheckStatus;
  readonly summary: string;
  readonly evidence: JsonObject;
}

/** Everything a probe may use; shared by all probes of one scan. */
export interface ProbeContext {
  /** null on an OS ReadyRoom does not support (every fact is then unknown). */
  readonly os: OsName | null;
  readonly facts: PlatformFacts;
  readonly settings: Settings;
  readonly platform: SessionPlatformId;
  /** host[:port] typed by the user for connection.quality, if any. */
  readonly target: string | undefined;
  /** The programs service's listing, fetched once per scan. */
  listPrograms(): Promise<readonly ProgramRow[]>;
  readonly quality: QualityDeps;
  readonly throughput: ThroughputDeps;
  /** Settles once connection.busy has sampled the traffic, so a speed test does not measure itself. */
  readonly networkQuiet: Promise<void>;
  /** Called by connection.busy once its sample is taken (or it gave up). */
  networkSampled(): void;
  /** Aborted when the probe ran out of time or the scan was cancelled. */
  readonly signal: AbortSignal;
}

export interface Probe {
  readonly id: AutomaticCheckId;
  /** Overrides the default per-probe timeout (connection.throughput needs longer). */
  readonly timeoutMs?: number;
  /**
   * The probe first waits for `networkQuiet`; its time limit then starts only once that wait is over,
   * and from then on only its own limit (not the scan budget) stops it.
   */
  readonly timerStartsAfterNetworkQuiet?: boolean;
  run(context: ProbeContext): Promise<ProbeOutcome>;
}
