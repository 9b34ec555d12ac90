import type { FixAdvice } from '../checks/check-result';
import type { OsName } from '../platform';
import type { Modality } from '../session/platforms';

export const checkKinds = ['automatic', 'media', 'manual'] as const;
export type CheckKind = (typeof checkKinds)[number];

/** What a failure means for the overall outcome: a blocker makes the computer "Not ready". */
export type Severity = 'blocker' | 'advice';

export const checkCategories = [
  'connection',
  'computer',
  'programs',
  'privacy',
  'audio',
  'media',
  'security',
  'room',
  'safeguarding',
] as const;
export type CheckCategory = (typeof checkCategories)[number];

/** The wizard's steps, in order; each catalog entry names the step it is shown in. */
export const wizardSteps = [
  'session',
  'connection',
  'programs',
  'privacy',
  'media',
  'security',
  'safeguarding',
  'summary',
] as const;
export type WizardStep = (typeof wizardSteps)[number];

export interface CatalogEntry {
  readonly id: string;
  readonly category: CheckCategory;
  readonly step: WizardStep;
  readonly kind: CheckKind;
  readonly severity: Severity;
  /** Short title, e.g. "Firewall is on". */
  readonly title: string;
  /** One or two plain sentences on why it matters, in our own words. */
  readonly why: string;
  /** Where the advice comes from, e.g. "ACTO guidance, 2020" or "NCSC". */
  readonly source: string;
  /** How to fix it, per OS; `any` applies where no OS-specific steps exist. */
  readonly fix: Partial<Record<OsName | 'any', FixAdvice>>;
  /** For manual items: the statement the therapist confirms. */
  readonly confirm?: string;
  /** Modalities the check applies to; all when absent. */
  readonly modalities?: readonly Modality[];
  /**
   * False for items that are about this session's client and so can never be "not applicable"
   * (their location, their emergency contacts). Any other item may be marked so, with a reason.
   */
  readonly notApplicable?: false;
  /**
   * For manual items confirmed for one client at a time: the statement with `{client}` where the
   * client code goes. The quick check asks these one by one, never in a "confirm all".
   */
  readonly confirmForClient?: string;
}
