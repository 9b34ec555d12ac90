import {
  clientProfileFieldLabels,
  clientProfileInputSchema,
  emptyClientProfileFields,
  type ClientProfileField,
  type ClientProfileFields,
  type ClientProfileInput,
} from '../../../shared/clients/client-profile';
import type { ClientProfileView } from '../../../shared/ipc/clients.contract';
import { checkClientCode } from '../../../shared/logs/client-code';

export type ProfileDraft = ClientProfileFields & { readonly clientCode: string };
export type ProfileErrors = Partial<Record<ClientProfileField | 'clientCode', string>>;

export function draftFrom(profile: ClientProfileView | null): ProfileDraft {
  if (!profile) return { ...emptyClientProfileFields, clientCode: '' };
  const { createdAt: _c, updatedAt: _u, history: _h, hasCodeWord: _k, codeWord, ...rest } = profile;
  return { ...rest, codeWord: codeWord ?? '' };
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/**
 * The draft as the channel takes it, or a message per field (each tied to its box). The same
 * schema main checks with, so the form refuses what main would refuse.
 */
export function checkDraft(
  draft: ProfileDraft,
): { ok: true; value: ClientProfileInput } | { ok: false; errors: ProfileErrors } {
  const errors: ProfileErrors = {};
  const code = checkClientCode(draft.clientCode);
  if (!code.valid) errors.clientCode = code.error ?? 'Enter a client code.';
  const parsed = clientProfileInputSchema.safeParse({ ...draft, clientCode: code.code || draft.clientCode });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as ClientProfileField | 'clientCode' | undefined;
      if (!field || errors[field]) continue;
      if (field === 'clientCode') {
        errors.clientCode ??= 'Enter a client code.';
        continue;
      }
      // Our own messages are sentences; zod's and the date schema's need the field named.
      errors[field] = /[.]$/.test(issue.message)
        ? issue.message
        : `${sentence(clientProfileFieldLabels[field])}: ${issue.message}.`;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}
