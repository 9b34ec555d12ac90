import type { CatalogEntry, WizardStep } from '../../../shared/catalog/catalog-types';
import { wizardSteps } from '../../../shared/catalog/catalog-types';
import { entriesForStep } from '../../../shared/catalog/catalog';
import { appliesTo } from '../../../shared/checks/outcome';
import type { Modality } from '../../../shared/session/platforms';

/** Heading and one-line introduction per step; the items themselves come from the catalog. */
export const stepCopy: Record<WizardStep, { readonly title: string; readonly intro: string }> = {
  session: {
    title: 'About this session',
    intro: 'A few details for the log. Use a code for your client, never their name.',
  },
  connection: {
    title: 'Internet connection',
    intro: 'A steady connection keeps the call clear and stops it freezing.',
  },
  programs: {
    title: 'Other programs',
    intro: 'Programs running in the background can slow the call down or pop up during the session.',
  },
  privacy: {
    title: 'Privacy and listening devices',
    intro: 'Make sure nothing and nobody else can listen in or see what they should not.',
  },
  media: {
    title: 'Camera, microphone and headphones',
    intro: 'A quick test now saves fixing equipment while your client waits.',
  },
  security: {
    title: 'Computer security',
    intro: 'Good habits that protect your clients\u2019 information, each with the steps to put it right.',
  },
  safeguarding: {
    title: 'Safeguarding and meeting set-up',
    intro: 'Things only you can confirm before your client joins.',
  },
  summary: {
    title: 'Summary',
    intro: 'Your readiness for this session, and what is left.',
  },
};

/**
 * The steps a session of this modality goes through: a checklist step with nothing that applies
 * (the camera and microphone step for text chat) is left out, so nothing counted is ever hidden.
 */
export function visibleSteps(modality: Modality): readonly WizardStep[] {
  return wizardSteps.filter(
    (step) => step === 'session' || step === 'summary' || entriesForStep(step).some((e) => appliesTo(e, modality)),
  );
}

/** Within a step: hands-on tests first, then what the computer checked, then what only the therapist can confirm. */
const kindOrder: Record<CatalogEntry['kind'], number> = { media: 0, automatic: 1, manual: 2 };

/** A step's catalog entries split into those that apply to this session and those that do not. */
export function stepEntries(
  step: WizardStep,
  modality: Modality,
): { shown: CatalogEntry[]; notNeeded: CatalogEntry[] } {
  const shown: CatalogEntry[] = [];
  const notNeeded: CatalogEntry[] = [];
  const entries = [...entriesForStep(step)].sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind]);
  for (const entry of entries) (appliesTo(entry, modality) ? shown : notNeeded).push(entry);
  return { shown, notNeeded };
}

export function nextStep(step: WizardStep, modality: Modality): WizardStep | null {
  const steps = visibleSteps(modality);
  return steps[steps.indexOf(step) + 1] ?? null;
}

export function previousStep(step: WizardStep, modality: Modality): WizardStep | null {
  const steps = visibleSteps(modality);
  const index = steps.indexOf(step);
  return index > 0 ? (steps[index - 1] ?? null) : null;
}
