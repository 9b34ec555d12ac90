import type { AttentionItem, Outcome } from '../logs/readiness-log';
import { channel, noRequest } from './contract-kit';

export interface HomeLastCheck {
  readonly at: string;
  readonly outcome: Outcome;
  /** What needed attention, with the catalog's titles; null while the vault is locked (only time and outcome are kept outside it). */
  readonly attention: readonly (AttentionItem & { readonly title: string })[] | null;
}

export interface HomeNextSession {
  readonly startUtc: string;
  /** "Mon 30 Mar, 14:00" on this computer's clock. */
  readonly when: string;
  readonly clientCode: string | null;
  readonly platform: string;
}

export interface HomeSummary {
  readonly locked: boolean;
  readonly lastCheck: HomeLastCheck | null;
  readonly nextSession: HomeNextSession | null;
  /** Practice-review items due now (titles from the catalog; no notes, so shown even while locked). */
  readonly reviewDue: readonly { readonly id: string; readonly title: string }[];
  /** Open incidents still awaiting a decision about reporting: id and deadline (ISO instant) only, so shown even while locked. */
  readonly openIncidents: readonly { readonly id: string; readonly deadline: string }[];
}

export const homeChannels = {
  'home:summary': channel<HomeSummary>()(noRequest),
} as const;
