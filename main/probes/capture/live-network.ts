import type { AutomaticCheckId } from '../../../shared/checks/check-ids';
import type { Probe } from '../probe-types';

/** Checks that measure the live network; a capture cannot hold them, so they are skipped when recording or replaying. */
export const liveNetworkCheckIds: readonly AutomaticCheckId[] = ['connection.quality', 'connection.throughput'];

/** The same probes, with the live-network ones answering `skipped` with `reason` instead of sending anything. */
export function withoutLiveNetwork(probes: readonly Probe[], reason: string): Probe[] {
  return probes.map((probe) =>
    liveNetworkCheckIds.includes(probe.id)
      ? {
          id: probe.id,
          run: async () => ({ status: 'skipped', summary: reason, evidence: { reason: 'needs the live network' } }),
        }
      : probe,
  );
}
