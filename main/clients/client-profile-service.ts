import { AppError } from '../../shared/errors';
import {
  applyProfileSave,
  clientProfilesRecordSchema,
  clientProfilesVersion,
  maxClientProfiles,
  summarizeProfile,
  type ClientProfile,
  type ClientProfileInput,
  type ClientProfileSummary,
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
  delete(clientCode: string): { readonly deleted: boolean };
  /** An erasure request: the profile goes with the logs. Returns whether there was one. */
  removeClient(clientCode: string): boolean;
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
  function read(): ClientProfile[] {
    const stored = deps.vault.readDocument('client-profiles');
    if (stored === null) return [];
    const parsed = clientProfilesRecordSchema.safeParse(stored);
    if (!parsed.success)
      throw new AppError(
        'CORRUPT',
        'Your client set-ups are in a form this version of ReadyRoom cannot read, so nothing was changed. They are kept as they are.',
      );
    return [...parsed.data.profiles];
  }

  function write(profiles: readonly ClientProfile[]): void {
    deps.vault.writeDocument('client-profiles', { version: clientProfilesVersion, profiles });
  }

  const find = (profiles: readonly ClientProfile[], code: string) => {
    const key = clientCodeKey(code);
    return profiles.findIndex((p) => clientCodeKey(p.clientCode) === key);
  };

  function remove(clientCode: string): boolean {
    const profiles = read();
    const at = find(profiles, clientCode);
    if (at < 0) return false;
    profiles.splice(at, 1);
    write(profiles);
    return true;
  }

  return {
    list() {
      return read()
        .map(summarizeProfile)
        .sort((a, b) => a.clientCode.localeCompare(b.clientCode, 'en-GB', { numeric: true }));
    },
    get(clientCode, options = {}) {
      const profiles = read();
      const found = profiles[find(profiles, clientCode)];
      return found ? toProfileView(found, options.withCodeWord === true) : null;
    },
    save(input) {
      // The same rule as a readiness log: a code a log would refuse is refused here too.
      const code = checkClientCode(input.clientCode);
      if (!code.valid) throw new AppError('BAD_REQUEST', code.error ?? 'Enter a client code.');
      const profiles = read();
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
        write(profiles);
        log.info(at < 0 ? 'client set-up added' : 'client set-up changed', { fields: changed.length });
      }
      return { profile: toProfileView(profile, false), changed };
    },
    delete(clientCode) {
      const deleted = remove(clientCode);
      if (deleted) log.info('client set-up deleted');
      return { deleted };
    },
    removeClient(clientCode) {
      const removed = remove(clientCode);
      if (removed) log.info('client set-up removed with an erasure');
      return removed;
    },
  };
}
