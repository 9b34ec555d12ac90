import { AppError } from '../../shared/errors';
import {
  applyProfileSave,
  clientProfilesRecord,
  clientProfilesRecordSchema,
  maxClientProfiles,
  summarizeProfile,
  type ClientProfile,
  type ClientProfileInput,
  type ClientProfileSummary,
  type DeletedProfile,
} from '../../shared/clients/client-profile';
import type { ClientProfileSaved, ClientProfileView } from '../../shared/ipc/clients.contract';
import { checkClientCode, clientCodeKey } from '../../shared/logs/client-code';
import { createLogger } from '../logging/logger';
import type { VaultService } from '../vault/vault-service';

const log = createLogger('clients');

/**
 * Per-client set-up (identity check, consent, code word, back-up phone, usual place, emergency
 * contact), kept only in the vault as the "client-profiles" record. Every call needs the vault
 * unlocked (LOCKED otherwise). Nothing about a client is logged: only counts and what happened.
 */
export interface ClientProfileService {
  list(): readonly ClientProfileSummary[];
  /** null when this code has no profile; the code word only when asked for. */
  get(clientCode: string, options?: { readonly withCodeWord?: boolean }): ClientProfileView | null;
  save(input: ClientProfileInput): ClientProfileSaved;
  /** Leaves a marker (the code and when) so that restoring an older backup does not bring it back. */
  delete(clientCode: string): { readonly deleted: boolean };
  /** An erasure request: the profile and any deletion marker go with the logs. Returns whether there was a profile. */
  removeClient(clientCode: string): boolean;
  /** Every code the record holds, deleted set-ups' markers included (for an export that blanks codes); throws when unreadable. */
  knownClientCodes(): readonly string[];
}

export interface ClientProfileServiceDeps {
  readonly vault: Pick<VaultService, 'readDocument' | 'writeDocument'>;
  readonly now?: () => Date;
}

export function toProfileView(profile: ClientProfile, withCodeWord: boolean): ClientProfileView {
  return { ...profile, codeWord: withCodeWord ? profile.codeWord : null, hasCodeWord: profile.codeWord !== '' };
}

export function createClientProfileService(deps: ClientProfileServiceDeps): ClientProfileService {
  const now = deps.now ?? (() => new Date());

  /**
   * The profiles in the vault. A record this version cannot read (a newer version's, or damaged by
   * hand) is refused rather than read as empty, so no save here ever replaces the profiles it holds.
   */
  function read(): { profiles: ClientProfile[]; deleted: DeletedProfile[] } {
    const stored = deps.vault.readDocument('client-profiles');
    if (stored === null) return { profiles: [], deleted: [] };
    const parsed = clientProfilesRecordSchema.safeParse(stored);
    if (!parsed.success)
      throw new AppError(
        'CORRUPT',
        'Your client set-ups are in a form this version of ReadyRoom cannot read, so nothing was changed. They are kept as they are.',
      );
    return { profiles: [...parsed.data.profiles], deleted: [...(parsed.data.deleted ?? [])] };
  }

  function write(profiles: readonly ClientProfile[], deleted: readonly DeletedProfile[]): void {
    deps.vault.writeDocument('client-profiles', clientProfilesRecord(profiles, deleted));
  }

  const find = (entries: readonly { readonly clientCode: string }[], code: string) => {
    const key = clientCodeKey(code);
    return entries.findIndex((p) => clientCodeKey(p.clientCode) === key);
  };

  /** Takes out the code's set-up; `marked`: leave a deletion marker, otherwise (an erasure) take out its marker too. */
  function remove(clientCode: string, marked: boolean): boolean {
    const { profiles, deleted } = read();
    const at = find(profiles, clientCode);
    const markerAt = find(deleted, clientCode);
    if (at < 0 && (marked || markerAt < 0)) return false;
    if (markerAt >= 0) deleted.splice(markerAt, 1);
    if (at >= 0) {
      const [gone] = profiles.splice(at, 1);
      if (marked) deleted.push({ clientCode: gone!.clientCode, deletedAt: now().toISOString() });
    }
    write(profiles, deleted);
    return at >= 0;
  }

  return {
    knownClientCodes() {
      const { profiles, deleted } = read();
      return [...profiles, ...deleted].map((entry) => entry.clientCode);
    },
    list() {
      return read()
        .profiles.map(summarizeProfile)
        .sort((a, b) => a.clientCode.localeCompare(b.clientCode, 'en-GB', { numeric: true }));
    },
    get(clientCode, options = {}) {
      const { profiles } = read();
      const found = profiles[find(profiles, clientCode)];
      return found ? toProfileView(found, options.withCodeWord === true) : null;
    },
    save(input) {
      // The same rule as a readiness log: a code a log would refuse is refused here too.
      const code = checkClientCode(input.clientCode);
      if (!code.valid) throw new AppError('BAD_REQUEST', code.error ?? 'Enter a client code.');
      const { profiles, deleted } = read();
      const at = find(profiles, code.code);
      if (at < 0 && profiles.length >= maxClientProfiles)
        throw new AppError('BAD_REQUEST', `ReadyRoom keeps at most ${maxClientProfiles} client set-ups.`);
      const { profile, changed } = applyProfileSave(
        profiles[at] ?? null,
        { ...input, clientCode: code.code },
        now().toISOString(),
      );
      if (changed.length > 0 || at < 0) {
        if (at < 0) profiles.push(profile);
        else profiles[at] = profile;
        // Set up again: the old deletion no longer applies.
        const markerAt = find(deleted, code.code);
        if (markerAt >= 0) deleted.splice(markerAt, 1);
        write(profiles, deleted);
        log.info(at < 0 ? 'client set-up added' : 'client set-up changed', { fields: changed.length });
      }
      return { profile: toProfileView(profile, false), changed };
    },
    delete(clientCode) {
      const deleted = remove(clientCode, true);
      if (deleted) log.info('client set-up deleted');
      return { deleted };
    },
    removeClient(clientCode) {
      const removed = remove(clientCode, false);
      if (removed) log.info('client set-up removed with an erasure');
      return removed;
    },
  };
}
