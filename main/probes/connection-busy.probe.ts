import type { ProgramCategory } from '../../shared/programs/program-types';
import { formatRate, listNames, outcome, round, unresolved } from './probe-kit';
import type { Probe } from './probe-types';

/** More than 1 Mbit/s either way before a call means something is streaming or syncing. */
export const busyThresholdBytesPerSec = 125_000;

/** Categories that typically move data in the background, named when the OS cannot attribute traffic. */
const heavyCategories: readonly ProgramCategory[] = ['sync', 'media', 'torrent'];

/** The guidance asks to keep the connection free for the session (ACTO guidance, 2020). */
export function createConnectionBusyProbe(windowMs = 500): Probe {
  return {
    id: 'connection.busy',
    async run({ facts, listPrograms, networkSampled }) {
      try {
        const route = await facts.route();
        if (route.state !== 'known') return unresolved(route, 'Could not tell which network connection to watch');
        const link = route.value.physical ?? route.value.primary;
        if (!link) return outcome('skipped', 'Not connected to any network.', route.evidence);
        const fact = await facts.networkActivity(link, windowMs);
        networkSampled();
        if (fact.state !== 'known') return unresolved(fact, 'Could not measure the traffic on this connection');
        const a = fact.value;
        const total = a.rxBytesPerSec + a.txBytesPerSec;
        const top = (a.topPrograms ?? []).filter((p) => p.bytesPerSec >= 10_000);
        const evidence = {
          ...fact.evidence,
          iface: a.iface,
          downloadKbitPerSec: round((a.rxBytesPerSec * 8) / 1000),
          uploadKbitPerSec: round((a.txBytesPerSec * 8) / 1000),
          windowMs: round(a.windowMs),
          programs: top.map((p) => ({ name: p.name, kbitPerSec: round((p.bytesPerSec * 8) / 1000) })),
        };
        const busy = Math.max(a.rxBytesPerSec, a.txBytesPerSec) >= busyThresholdBytesPerSec;
        if (!busy) return outcome('pass', `The connection is quiet (${formatRate(total)} in use).`, evidence);
        if (top.length > 0) {
          return outcome(
            'warn',
            `This computer is moving ${formatRate(total)} right now, mostly ${listNames(
              top.map((p) => p.name),
              3,
            )}.`,
            evidence,
          );
        }
        const suspects = await listPrograms()
          .then((rows) => rows.filter((r) => heavyCategories.includes(r.category)).map((r) => r.name))
          .catch(() => [] as string[]);
        const hint = suspects.length > 0 ? ` Possibly ${listNames(suspects, 3)}.` : '';
        return outcome(
          'warn',
          `This computer is moving ${formatRate(total)} right now: something is streaming or syncing.${hint}`,
          {
            ...evidence,
            possibleSources: suspects,
          },
        );
      } finally {
        networkSampled();
      }
    },
  };
}
