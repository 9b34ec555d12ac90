import { create } from 'zustand';

import type { CountryCode } from '../../shared/geo/countries';
import { registerStoreReset } from './reset-stores';

/** What the crisis card needs about the session being prepared; filled by the wizard's client step. */
export type SessionSafety = {
  readonly clientCode: string | null;
  /**
   * The country chosen on a card used apart from a check (none being prepared, or another client).
   * For the check's client the country today is the check's `clientCountry` alone (see crisis-card).
   */
  readonly country: CountryCode | null;
  /** The therapist's words for the client's location today, e.g. "at home, Leeds". */
  readonly locationToday: string;
  readonly backupPhone: string;
  /** The local emergency contact from the client's set-up, "name or role, phone"; empty when none. */
  readonly emergencyContact: string;
};

type SessionSafetyState = SessionSafety & {
  update(next: Partial<SessionSafety>): void;
  clear(): void;
};

const initial: SessionSafety = {
  clientCode: null,
  country: null,
  locationToday: '',
  backupPhone: '',
  emergencyContact: '',
};

/** Held in memory only: the crisis card reads it, nothing writes it to disk. */
export const useSessionSafetyStore = create<SessionSafetyState>()((set) => ({
  ...initial,
  update: (next) => set(next),
  clear: () => set(initial),
}));

registerStoreReset(() => useSessionSafetyStore.setState(initial));
