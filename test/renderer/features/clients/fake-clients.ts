import { applyProfileSave, summarizeProfile, type ClientProfile } from '../../../../shared/clients/client-profile';
import { clientCodeKey } from '../../../../shared/logs/client-code';
import type { FakeBridge } from '../../../fakes/fake-bridge';

/** Client set-ups behind the fake bridge, kept with the same save rules main uses. */
export function installFakeClients(bridge: FakeBridge, initial: readonly ClientProfile[] = []) {
  const profiles: ClientProfile[] = [...initial];
  const find = (code: string) => profiles.findIndex((p) => clientCodeKey(p.clientCode) === clientCodeKey(code));
  const view = (p: ClientProfile, withCodeWord: boolean) => ({
    ...p,
    codeWord: withCodeWord ? p.codeWord : null,
    hasCodeWord: p.codeWord !== '',
  });
  bridge.handle('clients:list', () => ({ clients: profiles.map(summarizeProfile) }));
  bridge.handle('clients:get', ({ clientCode, withCodeWord }) => {
    const found = profiles[find(clientCode)];
    return found ? view(found, withCodeWord === true) : null;
  });
  bridge.handle('clients:save', ({ profile }) => {
    const at = find(profile.clientCode);
    const saved = applyProfileSave(profiles[at] ?? null, profile as never, '2026-03-01T10:00:00.000Z');
    if (at < 0) profiles.push(saved.profile);
    else profiles[at] = saved.profile;
    return { profile: view(saved.profile, false), changed: saved.changed };
  });
  bridge.handle('clients:delete', ({ clientCode }) => {
    const at = find(clientCode);
    if (at >= 0) profiles.splice(at, 1);
    return { deleted: at >= 0 };
  });
  return profiles;
}
