import { create } from 'zustand';

import type { ProblemLink } from '../../shared/tray/quick-check-notice';
import { registerStoreReset } from './reset-stores';
import { useWizardStore } from './wizard-store';

type ProblemLinkState = {
  /** The check a tray notification asked to show; cleared once the step has shown it. */
  readonly checkId: string | null;
  /** Opens the full check at the step holding this problem. */
  open(problem: ProblemLink): void;
  shown(): void;
};

const initial = { checkId: null };

/** Where a click on the tray's quick-check notification leads: the first problem it found. */
export const useProblemLinkStore = create<ProblemLinkState>()((set) => ({
  ...initial,
  open(problem) {
    useWizardStore.getState().goTo(problem.step);
    set({ checkId: problem.checkId });
  },
  shown: () => set({ checkId: null }),
}));

registerStoreReset(() => useProblemLinkStore.setState(initial));
