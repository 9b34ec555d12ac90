import { z } from 'zod';

import { automaticCheckIds, type AutomaticCheckId } from '../checks/check-ids';
import type { CheckResult } from '../checks/check-result';
import type { ScanReport } from '../checks/scan-report';
import { sessionPlatformIds } from '../session/platforms';
import { boundedText, channel, event } from './contract-kit';

/** A scan id as main hands it out (a UUID); kept loose enough for test doubles. */
export const scanIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

export const scanRequestSchema = z.strictObject({
  /** Run only these checks (e.g. "check again"). */
  only: z.array(z.enum(automaticCheckIds)).min(1).max(automaticCheckIds.length).optional(),
  /** The session platform, which decides the connection target and which programs are kept. */
  platform: z.enum(sessionPlatformIds).optional(),
  /** host[:port] for connection.quality when the platform is "other" or to override. */
  target: boundedText(260).optional(),
  /**
   * "Check again" within a readiness check: the whole scan whose record the new results update.
   * Main then times the same platform and target as that scan, whatever this request says.
   */
  recheckOf: scanIdSchema.optional(),
});
export type ScanRequest = z.output<typeof scanRequestSchema>;

/** Why ReadyRoom would contact an address: to time the connection, or for the speed test. */
export type HostPurpose = 'connection' | 'speed-test';

/**
 * An address ReadyRoom has not been allowed to contact yet. The checks that need it answer
 * "unknown" without contacting it; once the therapist allows it (settings:approve-host with
 * `target`), running those checks again contacts it.
 */
export interface HostApprovalRequest {
  /** "host:port", as settings:approve-host takes it. */
  readonly target: string;
  readonly host: string;
  readonly port: number;
  readonly purpose: HostPurpose;
  readonly checkIds: readonly AutomaticCheckId[];
}

export interface ScanStarted {
  readonly scanId: string;
  readonly checkIds: readonly AutomaticCheckId[];
  /** Addresses this scan did not contact because the therapist has not allowed them yet; empty when none. */
  readonly needsApproval?: readonly HostApprovalRequest[];
}

export const scanChannels = {
  /** Starts a scan; results stream as `scan:result` events, then `scan:finished`. */
  'scan:start': channel<ScanStarted>()(scanRequestSchema),
  /** Runs a scan and resolves with the whole report. */
  'scan:run': channel<ScanReport>()(scanRequestSchema),
} as const;

export const scanEvents = {
  'scan:result': event<{ readonly scanId: string; readonly result: CheckResult }>(),
  'scan:finished': event<{ readonly scanId: string; readonly durationMs: number }>(),
} as const;
