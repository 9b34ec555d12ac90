import { z } from 'zod';

import {
  clientProfileInputSchema,
  type ClientProfile,
  type ClientProfileField,
  type ClientProfileSummary,
} from '../clients/client-profile';
import { clientCodeInputSchema } from '../logs/client-code';
import { channel, noRequest } from './contract-kit';

/**
 * A profile as it leaves main. The code word comes only when asked for (`withCodeWord`, the
 * therapist pressed "show code word" or is editing); otherwise it is null and `hasCodeWord` says
 * whether there is one.
 */
export type ClientProfileView = Omit<ClientProfile, 'codeWord'> & {
  readonly codeWord: string | null;
  readonly hasCodeWord: boolean;
};

export interface ClientProfileSaved {
  readonly profile: ClientProfileView;
  /** The fields this save changed (empty when nothing did). */
  readonly changed: readonly ClientProfileField[];
}

export const clientsChannels = {
  /** Needs the vault unlocked: profiles are kept only in it. */
  'clients:list': channel<{ readonly clients: readonly ClientProfileSummary[] }>()(noRequest),
  /** null when this code has no profile. */
  'clients:get': channel<ClientProfileView | null>()(
    z.strictObject({ clientCode: clientCodeInputSchema, withCodeWord: z.boolean().optional() }),
  ),
  'clients:save': channel<ClientProfileSaved>()(z.strictObject({ profile: clientProfileInputSchema })),
  'clients:delete': channel<{ readonly deleted: boolean }>()(z.strictObject({ clientCode: clientCodeInputSchema })),
} as const;
