import type { AutomaticCheckId } from '../../shared/checks/check-ids';
import type { HostApprovalRequest, HostPurpose, ScanRequest } from '../../shared/ipc/scan.contract';
import { builtInTargetKeys, portProblem, publicHostProblem, targetKey } from '../../shared/network/network-address';
import type { HostTarget } from '../../shared/session/host-target';
import type { SessionPlatformId } from '../../shared/session/platforms';
import type { Settings } from '../../shared/settings/settings';
import { qualityTarget } from './connection-quality.probe';
import { checkTestUrl } from './net/throughput';
import type { ProbeOutcome } from './probe-types';

/** One address a scan would contact, and for which check. */
interface Contact {
  readonly checkId: AutomaticCheckId;
  readonly target: HostTarget;
  readonly purpose: HostPurpose;
  /** Named in the scan request rather than by the platform or Settings. */
  readonly fromRequest: boolean;
}

export interface HostGateOptions {
  /**
   * True for requests from the window: its target, like the addresses in Settings, is contacted
   * only once the therapist approved it. The command line's --target was typed by the user: false.
   */
  readonly targetNeedsApproval: boolean;
}

export interface HostGate {
  /** Outcomes for the checks that must not run, by check id. */
  readonly refused: ReadonlyMap<AutomaticCheckId, ProbeOutcome>;
  /** The addresses the therapist could allow, with the checks waiting for each. */
  readonly needsApproval: readonly HostApprovalRequest[];
}

/** The addresses the selected checks would contact, resolved exactly as the probes resolve them. */
function contactsOf(
  request: ScanRequest,
  settings: Settings,
  platform: SessionPlatformId,
  selected: ReadonlySet<AutomaticCheckId>,
): Contact[] {
  const contacts: Contact[] = [];
  if (selected.has('connection.quality')) {
    const resolved = qualityTarget({ target: request.target, platform, settings });
    if (resolved.ok && resolved.source !== 'platform') {
      contacts.push({
        checkId: 'connection.quality',
        target: resolved.target,
        purpose: 'connection',
        fromRequest: resolved.source === 'target',
      });
    }
  }
  const { enabled, downloadUrl, uploadUrl } = settings.throughput;
  if (selected.has('connection.throughput') && enabled) {
    for (const text of [downloadUrl, uploadUrl]) {
      const checked = text.trim() === '' ? null : checkTestUrl(text.trim());
      if (!checked?.ok) continue;
      const host = checked.url.hostname.replace(/^\[(.*)\]$/, '$1');
      const port = Number(checked.url.port || (checked.url.protocol === 'https:' ? 443 : 80));
      contacts.push({
        checkId: 'connection.throughput',
        target: { host, port },
        purpose: 'speed-test',
        fromRequest: false,
      });
    }
  }
  return contacts;
}

/**
 * Decides, before a scan, which addresses it may contact: the platforms' own hosts always; an
 * address the therapist approved once; the command line's --target. Anything else is not
 * contacted: an address on this computer or a private network is refused outright, any other
 * waits for the therapist's approval, and the checks that needed it answer "unknown" saying why.
 */
export function gateHosts(
  request: ScanRequest,
  settings: Settings,
  platform: SessionPlatformId,
  selected: ReadonlySet<AutomaticCheckId>,
  options: HostGateOptions,
): HostGate {
  const refused = new Map<AutomaticCheckId, ProbeOutcome>();
  const waiting = new Map<string, HostApprovalRequest>();
  for (const contact of contactsOf(request, settings, platform, selected)) {
    const key = targetKey(contact.target);
    if (contact.fromRequest && !options.targetNeedsApproval) continue;
    if (builtInTargetKeys.has(key)) continue;
    const problem = publicHostProblem(contact.target.host);
    const port = portProblem(contact.target.port);
    if (problem || port) {
      const reason = problem
        ? `ReadyRoom did not contact ${key}: that address ${problem}`
        : `ReadyRoom did not contact ${key}. ${port}`;
      refused.set(contact.checkId, {
        status: 'unknown',
        summary: reason,
        evidence: { notContacted: key, reason: 'address not on the internet' },
      });
      continue;
    }
    if (settings.approvedHosts.includes(key)) continue;
    const what = contact.purpose === 'connection' ? 'time the connection to it' : 'run the speed test with it';
    refused.set(contact.checkId, {
      status: 'unknown',
      summary: `ReadyRoom has not been allowed to contact ${key} yet, so it did not ${what}.`,
      evidence: { notContacted: key, reason: 'waiting for approval' },
    });
    const seen = waiting.get(key);
    waiting.set(key, {
      target: key,
      host: contact.target.host,
      port: contact.target.port,
      purpose: seen?.purpose ?? contact.purpose,
      checkIds: [...new Set([...(seen?.checkIds ?? []), contact.checkId])],
    });
  }
  return { refused, needsApproval: [...waiting.values()] };
}
