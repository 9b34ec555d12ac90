import { createContext, useContext } from 'react';

import type { WizardStep } from '../../../shared/catalog/catalog-types';
import type { OsName } from '../../../shared/platform';

export interface WizardContextValue {
  /** The computer's OS, to pick the right fix steps; null until known. */
  readonly os: OsName | null;
  /** Moves to a step (in the quick check: opens the full check at that step). */
  readonly goToStep: (step: WizardStep) => void;
}

export const WizardContext = createContext<WizardContextValue>({ os: null, goToStep: () => undefined });

export function useWizardContext(): WizardContextValue {
  return useContext(WizardContext);
}
