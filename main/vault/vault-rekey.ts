import { join } from 'node:path';

import { AppError } from '../../shared/errors';
import { createLogger, describeError } from '../logging/logger';
import type { KeyFiles } from './key-files';
import {
  createKeychainSlot,
  createPassphraseSlot,
  createRecoverySlot,
  type KeySlots,
  type KeychainSlot,
} from './key-slots';
import { isPeriod } from './log-ids';
import type { MonthFiles } from './month-files';
import { generateRecoveryKey } from './recovery-key';
import type { VaultContext } from './vault-context';
import { deriveSubkey, randomKey, wipe } from './vault-crypto';
import {
  authenticateEnvelopeBlocks,
  EnvelopeError,
  indexBindingField,
  openEnvelope,
  peekEnvelopeIv,
  sealEnvelope,
  type EnvelopeContext,
} from './vault-envelope';
import { toWriteError } from './vault-errors';
import { indexOfMonth, serializeIndex, serializeMonth } from './vault-records';
import type { Session, Sessions } from './vault-session';
import { documentContext, documentPath, vaultDocumentNames, type VaultDocuments } from './vault-documents';

const log = createLogger('vault');

/**
 * A new data key: every month re-encrypted under it, so a key file and passphrase someone kept
 * from before open nothing saved from now on. Crash-safe in three steps:
 *
 * 1. every month (logs and index) and the erasure key are sealed under the new key into `rekey/`;
 * 2. the key file is written naming the new key: the commit point;
 * 3. the staged files replace the live ones, and `rekey/` goes.
 *
 * Whichever key file is in force decides what a crash left: at the next unlock a staged file
 * that opens with that key is moved into place (the commit happened), and one that does not is
 * removed (it did not). Either way every month opens with the key in force.
 */
export interface VaultRekey {
  /** Replaces the data key and the recovery key (which wraps it); returns the new recovery key. */
  newDataKey(s: Session, passphrase: string, prove: (s: Session, passphrase: string) => Promise<void>): Promise<string>;
  /** Before a session starts: finishes or undoes a new data key a crash interrupted. */
  finishInterrupted(dek: Buffer, vaultId: string): void;
  /** The key erasure records are filed under: from its file when there is one, else derived from the data key. */
  loadErasureKey(dek: Buffer, vaultId: string): Buffer;
}

const erasureKeyContext = (vaultId: string): EnvelopeContext => ({ kind: 'keys', id: 'erasure', vaultId });

export function createVaultRekey(
  ctx: VaultContext,
  sessions: Sessions,
  keyFiles: KeyFiles,
  months: MonthFiles,
  documents: VaultDocuments,
): VaultRekey {
  const { fs, paths } = ctx;
  const staged = {
    logs: join(paths.rekeyDir, 'logs'),
    index: join(paths.rekeyDir, 'index'),
    erasureKey: join(paths.rekeyDir, 'erasure-key.json'),
    documents: join(paths.rekeyDir, 'documents'),
  };

  /** Every staged file with the live file it replaces and how to check it. */
  function stagedFiles(vaultId: string): { from: string; to: string; context: EnvelopeContext }[] {
    const out: { from: string; to: string; context: EnvelopeContext }[] = [];
    for (const kind of ['logs', 'index'] as const) {
      for (const name of fs.list(staged[kind])) {
        const period = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
        if (!isPeriod(period)) continue;
        out.push({
          from: join(staged[kind], name),
          to: kind === 'logs' ? months.logsPath(period) : months.indexPath(period),
          context: { kind, id: period, vaultId },
        });
      }
    }
    for (const name of fs.list(staged.documents)) {
      const id = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
      if (!(vaultDocumentNames as readonly string[]).includes(id)) continue;
      out.push({
        from: join(staged.documents, name),
        to: documentPath(paths.documentsDir, id),
        context: documentContext(id, vaultId),
      });
    }
    if (fs.size(staged.erasureKey) !== null)
      out.push({ from: staged.erasureKey, to: paths.erasureKeyFile, context: erasureKeyContext(vaultId) });
    return out;
  }

  function opensWith(dek: Buffer, context: EnvelopeContext, path: string): boolean {
    const blocks = fs.readBlocks(path);
    if (blocks === null) return false;
    try {
      authenticateEnvelopeBlocks(dek, context, blocks);
      return true;
    } catch (error) {
      if (error instanceof EnvelopeError) return false;
      throw error;
    }
  }

  /** The emptied staging folders; temp files of an interrupted write in them go too. */
  function removeStaging(): void {
    for (const dir of [staged.logs, staged.index, staged.documents]) {
      for (const name of fs.list(dir)) fs.remove(join(dir, name));
      fs.removeDir(dir);
    }
    for (const name of fs.list(paths.rekeyDir)) fs.remove(join(paths.rekeyDir, name));
    fs.removeDir(paths.rekeyDir);
  }

  /** Step 3: the staged files that open with this key replace the live ones; the others were never committed. */
  function finish(dek: Buffer, vaultId: string): number {
    let moved = 0;
    for (const file of stagedFiles(vaultId)) {
      if (opensWith(dek, file.context, file.from)) {
        fs.replace(file.from, file.to);
        moved += 1;
      } else {
        fs.remove(file.from);
      }
    }
    removeStaging();
    return moved;
  }

  function loadErasureKey(dek: Buffer, vaultId: string): Buffer {
    const bytes = fs.read(paths.erasureKeyFile);
    if (bytes === null) return deriveSubkey(dek, vaultId, 'erasure records');
    try {
      const json = openEnvelope(dek, erasureKeyContext(vaultId), bytes.toString('utf8'));
      const parsed = JSON.parse(json) as { erasureKey?: unknown };
      const key = typeof parsed.erasureKey === 'string' ? Buffer.from(parsed.erasureKey, 'base64') : null;
      if (key?.length === 32) return key;
    } catch (error) {
      if (!(error instanceof EnvelopeError) && !(error instanceof SyntaxError)) throw error;
    }
    // Unreadable: erasure records made before the data key changed no longer match, so a restore
    // may offer those logs again; everything else works.
    log.warn('the erasure key file could not be read; using the key derived from the data key');
    return deriveSubkey(dek, vaultId, 'erasure records');
  }

  /** Step 1 for one month: its logs and a fresh index, sealed under the new key. */
  function stageMonth(s: Session, newDek: Buffer, period: string): boolean {
    // A month that cannot be read under the old key either is set aside, as any unreadable month is.
    const month = months.readUncachedOrSetAside(s, period);
    if (month === null) return false;
    const vaultId = s.slots.vaultId;
    const logsText = sealEnvelope(newDek, { kind: 'logs', id: period, vaultId }, serializeMonth(month));
    fs.writeAtomic(join(staged.logs, `${period}.json`), logsText);
    const logsIv = peekEnvelopeIv(Buffer.from(logsText.slice(0, 1024), 'utf8'));
    fs.writeAtomic(
      join(staged.index, `${period}.json`),
      sealEnvelope(
        newDek,
        { kind: 'index', id: period, vaultId },
        serializeIndex(indexOfMonth(month)),
        logsIv ? { [indexBindingField]: logsIv } : {},
      ),
    );
    return true;
  }

  /** Step 1 for the small records: each one that opens is sealed again under the new key (one that does not stays set aside). */
  function stageDocuments(s: Session, newDek: Buffer): void {
    for (const name of vaultDocumentNames) {
      const value = documents.read(s, name);
      if (value === null) continue;
      fs.writeAtomic(
        documentPath(staged.documents, name),
        sealEnvelope(newDek, documentContext(name, s.slots.vaultId), JSON.stringify(value)),
      );
    }
  }

  return {
    loadErasureKey,

    finishInterrupted(dek, vaultId) {
      if (fs.list(paths.rekeyDir).length === 0) {
        fs.removeDir(paths.rekeyDir);
        return;
      }
      const moved = finish(dek, vaultId);
      if (moved > 0) log.warn('finished replacing the data key after an interruption', { files: moved });
      else log.info('removed the files of a data key change that never took effect');
    },

    async newDataKey(s, passphrase, prove) {
      sessions.confirmLock(s);
      await prove(s, passphrase);
      const newDek = randomKey();
      const recovery = generateRecoveryKey();
      const vaultId = s.slots.vaultId;
      try {
        // Leftovers of an attempt that never took effect (the key file still names the old key).
        finish(s.dek, vaultId);
        for (const dir of [staged.logs, staged.index, staged.documents]) fs.mkdir(dir);
        let monthCount = 0;
        for (const period of ctx.periodsOnDisk()) if (stageMonth(s, newDek, period)) monthCount += 1;
        stageDocuments(s, newDek);
        fs.writeAtomic(
          staged.erasureKey,
          sealEnvelope(
            newDek,
            erasureKeyContext(vaultId),
            JSON.stringify({ erasureKey: s.erasureKey.toString('base64') }),
          ),
        );
        const passphraseSlot = await createPassphraseSlot(newDek, vaultId, passphrase, ctx.kdf);
        if (sessions.current !== s)
          throw new AppError('LOCKED', 'Your logs were locked meanwhile; nothing was changed.');
        let keychainSlot: KeychainSlot | undefined;
        if (s.slots.slots.keychain && ctx.deps.keychain) {
          try {
            keychainSlot = createKeychainSlot(
              newDek,
              vaultId,
              ctx.deps.keychain,
              ctx.deps.keychain.status().backend ?? null,
            );
          } catch (error) {
            log.warn('the keychain did not take the new key; one-click unlock is off', { error: describeError(error) });
          }
        }
        const updated: KeySlots = {
          ...s.slots,
          revision: s.slots.revision + 1,
          slots: {
            passphrase: passphraseSlot,
            recovery: createRecoverySlot(newDek, vaultId, recovery.bytes),
            ...(keychainSlot ? { keychain: keychainSlot } : {}),
          },
        };
        keyFiles.markRecoveryKeyUnconfirmed();
        // The commit point: from here the new key is the vault's key.
        keyFiles.write(s, updated);
        const oldDek = s.dek;
        s.dek = newDek;
        s.slots = updated;
        wipe(oldDek);
        s.months.clear();
        s.indexes.clear();
        s.stores.clear();
        try {
          finish(newDek, vaultId);
          for (const name of fs.list(paths.pendingDir)) fs.remove(join(paths.pendingDir, name));
        } catch (error) {
          // Committed: the next unlock moves the rest into place.
          log.warn('the new data key is in force; some files are moved into place at the next unlock', {
            error: describeError(error),
          });
        }
        log.info('data key replaced', { months: monthCount });
        return recovery.text;
      } catch (error) {
        if (s.dek !== newDek) {
          wipe(newDek);
          try {
            finish(s.dek, vaultId);
          } catch (cleanupError) {
            log.warn('could not remove the files of a data key change that failed', {
              error: describeError(cleanupError),
            });
          }
        }
        throw toWriteError(error);
      } finally {
        wipe(recovery.bytes);
      }
    },
  };
}
