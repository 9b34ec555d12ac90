import type { ClientProfileService } from '../../clients/client-profile-service';
import type { HandlersFor } from '../handler-types';

/** Client set-ups, kept in the vault. */
export function createClientsHandlers(
  clients: ClientProfileService,
): HandlersFor<'clients:list' | 'clients:get' | 'clients:save' | 'clients:delete'> {
  return {
    'clients:list': () => ({ clients: clients.list() }),
    'clients:get': ({ clientCode, withCodeWord }) => clients.get(clientCode, { withCodeWord: withCodeWord === true }),
    'clients:save': ({ profile }) => clients.save(profile),
    'clients:delete': ({ clientCode }) => clients.delete(clientCode),
  };
}
