import { getCatalogEntry, fixFor } from '../../../shared/catalog/catalog';
import type { AppInfo } from '../../../shared/ipc/app.contract';
import { toOsName } from '../../../shared/platform';
import type { SettingsService } from '../../settings/settings-service';
import type { HandlersFor } from '../handler-types';

export interface AppHandlerDeps {
  readonly version: string;
  readonly platform: NodeJS.Platform;
  readonly testHost: boolean;
  readonly settings: SettingsService;
  /** Opens an OS settings link; absent where it cannot (the test host). */
  readonly openExternal?: (url: string) => Promise<void>;
}

/** Only OS settings pages may be opened, never web pages or files. */
const allowedLinkSchemes = ['ms-settings:', 'x-apple.systempreferences:', 'windowsdefender:'];

export function isAllowedFixLink(url: string): boolean {
  return allowedLinkSchemes.some((scheme) => url.toLowerCase().startsWith(scheme)) && !/\s/.test(url);
}

export function createAppHandlers(
  deps: AppHandlerDeps,
): HandlersFor<'app:info' | 'app:open-fix-link' | 'settings:get' | 'settings:update'> {
  const os = toOsName(deps.platform);
  return {
    'app:info': (): AppInfo => ({ name: 'ReadyRoom', version: deps.version, os, testHost: deps.testHost }),
    'app:open-fix-link': async ({ checkId }) => {
      const entry = getCatalogEntry(checkId);
      const url = entry ? fixFor(entry, os)?.link?.url : undefined;
      if (!url || !deps.openExternal || !isAllowedFixLink(url)) return { opened: false };
      await deps.openExternal(url);
      return { opened: true };
    },
    'settings:get': () => deps.settings.get(),
    'settings:update': ({ patch }) => deps.settings.update(patch),
  };
}
