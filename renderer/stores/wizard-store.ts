import { create } from 'zustand';

import type { WizardStep } from '../../shared/catalog/catalog-types';
import type { JudgementInput } from '../../shared/checks/judgement';
import type { Modality, SessionPlatformId } from '../../shared/session/platforms';
import { registerStoreReset } from './reset-stores';

export interface SessionDetails {
  readonly clientCode: string;
  /** Local date and time as an `<input type="datetime-local">` holds it (YYYY-MM-DDTHH:mm). */
  readonly sessionAt: string;
  readonly platform: SessionPlatformId;
  /** Only used for "other". */
  readonly platformHost: string;
  readonly modality: Modality;
  /** The client's country for this session (ISO alpha-2), as the therapist confirmed it; absent when not said. */
  readonly clientCountry?: string;
  /** The answer to "is the client in the usual place today?" (only asked when the client has a set-up). */
  readonly clientPlace?: 'usual' | 'changed';
}

export type SaveState =
  | { readonly status: 'idle' }
  | { readonly status: 'saving' }
  | { readonly status: 'saved'; readonly logId: string }
  /** `rerun`: main no longer has the scan's results; the checks must run again before saving. */
  | { readonly status: 'failed'; readonly message: string; readonly rerun?: boolean };

export type EndState =
  | { readonly status: 'idle' }
  | { readonly status: 'ending' }
  | { readonly status: 'ended'; readonly endedAt: string }
  | { readonly status: 'failed'; readonly message: string };

type WizardState = {
  readonly step: WizardStep;
  readonly session: SessionDetails;
  /** Whether the session details were filled from settings, so defaults are applied once. */
  readonly initialised: boolean;
  readonly confirmations: Readonly<Record<string, boolean>>;
  /** The therapist's own judgements for this session ("checked by you", "not applicable"), by item id. */
  readonly judgements: Readonly<Record<string, JudgementInput>>;
  readonly note: string;
  readonly save: SaveState;
  readonly end: EndState;
  /** Set once the therapist chose to reopen programs (or not) after the session. */
  readonly reopenHandled: boolean;
  initialise(details: SessionDetails): void;
  updateSession(patch: Partial<SessionDetails>): void;
  goTo(step: WizardStep): void;
  confirm(id: string, confirmed: boolean): void;
  confirmAll(ids: readonly string[]): void;
  judge(judgement: JudgementInput): void;
  /** Takes a judgement back: the item is again as ReadyRoom saw it. */
  unjudge(id: string): void;
  setNote(note: string): void;
  setSave(save: SaveState): void;
  setEnd(end: EndState): void;
  setReopenHandled(): void;
  /** Clears everything for the next session's check. */
  reset(): void;
};

const initial = {
  step: 'session' as WizardStep,
  session: { clientCode: '', sessionAt: '', platform: 'zoom', platformHost: '', modality: 'video' } as SessionDetails,
  initialised: false,
  confirmations: {},
  judgements: {},
  note: '',
  save: { status: 'idle' } as SaveState,
  end: { status: 'idle' } as EndState,
  reopenHandled: false,
};

/** One readiness check in progress: where the therapist is, what they entered and confirmed. */
export const useWizardStore = create<WizardState>()((set) => ({
  ...initial,
  initialise: (session) => set((s) => (s.initialised ? s : { session, initialised: true })),
  updateSession: (patch) => set((s) => ({ session: { ...s.session, ...patch } })),
  goTo: (step) => set({ step }),
  confirm: (id, confirmed) => set((s) => ({ confirmations: { ...s.confirmations, [id]: confirmed } })),
  confirmAll: (ids) =>
    set((s) => {
      const confirmations = { ...s.confirmations };
      for (const id of ids) confirmations[id] = true;
      return { confirmations };
    }),
  judge: (judgement) => set((s) => ({ judgements: { ...s.judgements, [judgement.id]: judgement } })),
  unjudge: (id) =>
    set((s) => {
      const { [id]: _removed, ...rest } = s.judgements;
      return { judgements: rest };
    }),
  setNote: (note) => set({ note }),
  setSave: (save) => set({ save }),
  setEnd: (end) => set({ end }),
  setReopenHandled: () => set({ reopenHandled: true }),
  reset: () => set(initial),
}));

registerStoreReset(() => useWizardStore.getState().reset());
