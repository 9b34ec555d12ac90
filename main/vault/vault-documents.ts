import { join } from 'node:path';

import type { DocumentMerger } from '../../shared/vault/document-merge';
import { createLogger } from '../logging/logger';
import type { VaultContext } from './vault-context';
import { EnvelopeError, openEnvelope, sealEnvelope, type EnvelopeContext } from './vault-envelope';
import { toWriteError } from './vault-errors';
import type { Quarantine } from './vault-quarantine';
import type { Session, Sessions } from './vault-session';

const log = createLogger('vault');

/** Names of the small records kept beside the logs; each is one file, so the list is closed. */
export const vaultDocumentNames = ['schedule-clients', 'practice-review', 'incidents', 'client-profiles'] as const;
export type VaultDocumentName = (typeof vaultDocumentNames)[number];

/**
 * The documents a backup carries. Not 'schedule-clients': it holds only the client codes of
 * scheduled sessions, whose times live outside the vault in schedule.json, which no backup
 * carries; restored alone, those codes would belong to no session.
 */
export const backedUpDocumentNames = [
  'practice-review',
  'incidents',
  'client-profiles',
] as const satisfies readonly VaultDocumentName[];
export type BackedUpDocumentName = (typeof backedUpDocumentNames)[number];

/** How a restore adds each backed-up document to ours; given by the composition root, so the vault knows no domain. */
export type DocumentMergers = Readonly<Record<BackedUpDocumentName, DocumentMerger>>;

export const isBackedUpDocument = (name: string): name is BackedUpDocumentName =>
  (backedUpDocumentNames as readonly string[]).includes(name);

/**
 * Small encrypted records that are not readiness logs (the client codes of scheduled sessions, the
 * practice review): one sealed JSON file each in `documents/`, written atomically under the data
 * key, re-encrypted with the months when the data key changes. A file that cannot be opened is
 * moved to quarantine unchanged and read as absent, so the feature starts again empty rather than
 * failing; the logs are never affected.
 */
export interface VaultDocuments {
  /** The parsed JSON, or null when there is none (or it could not be read and was set aside). */
  read(s: Session, name: VaultDocumentName): unknown;
  write(s: Session, name: VaultDocumentName, value: unknown): void;
}

export const documentContext = (name: string, vaultId: string): EnvelopeContext => ({
  kind: 'document',
  id: name,
  vaultId,
});

export function documentPath(documentsDir: string, name: string): string {
  return join(documentsDir, `${name}.json`);
}

export function createVaultDocuments(ctx: VaultContext, sessions: Sessions, quarantine: Quarantine): VaultDocuments {
  const { fs, paths } = ctx;
  return {
    read(s, name) {
      const path = documentPath(paths.documentsDir, name);
      const bytes = fs.read(path);
      if (bytes === null) return null;
      try {
        return JSON.parse(openEnvelope(s.dek, documentContext(name, s.slots.vaultId), bytes.toString('utf8')));
      } catch (error) {
        if (!(error instanceof EnvelopeError) && !(error instanceof SyntaxError)) throw error;
        log.warn('a vault record could not be read; set aside', { record: name });
        if (s.readOnly === null) quarantine.moveAside(path, `${name}.json`, 'unreadable');
        return null;
      }
    },
    write(s, name, value) {
      sessions.confirmLock(s);
      try {
        fs.mkdir(paths.documentsDir);
        fs.writeAtomic(
          documentPath(paths.documentsDir, name),
          sealEnvelope(s.dek, documentContext(name, s.slots.vaultId), JSON.stringify(value)),
        );
      } catch (error) {
        throw toWriteError(error);
      }
    },
  };
}
