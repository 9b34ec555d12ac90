import { AppError } from '../../../shared/errors';
import { catalog, getCatalogEntry, fixFor } from '../../../shared/catalog/catalog';
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
  /** Keeps the window on top (the crisis card); absent where there is no window (the test host, the CLI). */
  readonly keepOnTop?: (on: boolean) => boolean;
}

/** The OS settings schemes a fix may use; never web pages, files or other programs' handlers. */
const settingsSchemes = ['ms-settings:', 'x-apple.systempreferences:'];

/**
 * Exactly the settings pages the catalog links to, compared character for character: a URL that
 * merely starts like one (another page, an extra query, a different case) is not opened.
 */
export const allowedFixLinks: ReadonlySet<string> = new Set(
  catalog.flatMap((entry) =>
    Object.values(entry.fix).flatMap((fix) => {
      const url = fix?.link?.url;
      return url !== undefined && settingsSchemes.some((scheme) => url.startsWith(scheme)) ? [url] : [];
    }),
  ),
);

export function isAllowedFixLink(url: string): boolean {
  return allowedFixLinks.has(url);
}

export function createAppHandlers(
  deps: AppHandlerDeps,
): HandlersFor<
  | 'app:info'
  | 'app:open-fix-link'
  | 'app:keep-on-top'
  | 'settings:get'
  | 'settings:update'
  | 'settings:approve-host'
  | 'settings:forget-host'
> {
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
    'app:keep-on-top': ({ on }) => {
      if (!deps.keepOnTop)
        throw new AppError('UNAVAILABLE', 'Keeping the card on top works only in the ReadyRoom app.');
      return { on: deps.keepOnTop(on) };
    },
    'settings:get': () => deps.settings.get(),
    'settings:update': ({ patch }) => deps.settings.update(patch),
    'settings:approve-host': ({ target }) => deps.settings.approveHost(target),
    'settings:forget-host': ({ target }) => deps.settings.forgetHost(target),
  };
}
