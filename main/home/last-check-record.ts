import { z } from 'zod';

import { outcomes, type Outcome } from '../../shared/logs/readiness-log';
import { createPlainRecord, type PlainRecord } from '../schedule/plain-record';
import type { StoreFactory } from '../store/store-factory';

/**
 * When the last readiness check was saved and its outcome: nothing else (no client code, no
 * findings), so it may live outside the vault and be shown while the vault is locked.
 */
const lastCheckSchema = z.strictObject({ at: z.iso.datetime({ offset: true }), outcome: z.enum(outcomes) }).nullable();
export type LastCheck = { readonly at: string; readonly outcome: Outcome };

export function createLastCheckRecord(dataDir: string, storeFactory: StoreFactory): PlainRecord<LastCheck | null> {
  return createPlainRecord(dataDir, storeFactory, 'last-check', lastCheckSchema, null);
}
