import { describe, expect, it } from 'vitest';

import { allowedFixLinks, createAppHandlers, isAllowedFixLink } from '../../../../main/ipc/handlers/app.handlers';
import type { SettingsService } from '../../../../main/settings/settings-service';
import { catalog } from '../../../../shared/catalog/catalog';
import { defaultSettings } from '../../../../shared/settings/settings';

const catalogLinks = catalog.flatMap((entry) =>
  Object.entries(entry.fix).flatMap(([os, fix]) => (fix?.link ? [{ id: entry.id, os, url: fix.link.url }] : [])),
);

const settings: SettingsService = {
  get: () => defaultSettings,
  update: () => defaultSettings,
  approveHost: () => defaultSettings,
  forgetHost: () => defaultSettings,
  onChange: () => () => undefined,
};

describe('fix-link allowlist', () => {
  it('holds every settings link in the catalog, and nothing else', () => {
    expect(catalogLinks.length).toBeGreaterThan(20);
    for (const { id, os, url } of catalogLinks) expect(isAllowedFixLink(url), `${id} (${os}): ${url}`).toBe(true);
    expect([...allowedFixLinks].sort()).toEqual([...new Set(catalogLinks.map((l) => l.url))].sort());
  });

  it('links only to OS settings pages, never to web pages, files or other handlers', () => {
    for (const { url } of catalogLinks) expect(url).toMatch(/^(ms-settings|x-apple\.systempreferences):[\w.?-]+$/);
  });

  it.each([
    ['another page of an allowed scheme', 'ms-settings:developers'],
    ['the bare scheme', 'ms-settings:'],
    ['a listed page with an extra query', 'ms-settings:windowsupdate?activate=1'],
    ['a listed page with a suffix', 'ms-settings:windowsupdate-action'],
    ['a listed page in another case', 'MS-SETTINGS:windowsupdate'],
    ['a listed page with a trailing space', 'ms-settings:windowsupdate '],
    ['a listed page with a leading space', ' ms-settings:windowsupdate'],
    ['a scheme the old prefix list allowed', 'windowsdefender://threat'],
    ['another macOS pane', 'x-apple.systempreferences:com.apple.preference.security?Privacy_Accessibility'],
    ['a web page', 'https://example.org/'],
    ['a file', 'file:///etc/passwd'],
    ['a shell handler', 'search-ms:query=secret'],
  ])('refuses a near miss: %s', (_label, url) => {
    expect(isAllowedFixLink(url)).toBe(false);
  });

  it('opens the catalog link for a check on this OS, and nothing for an unknown check', async () => {
    const opened: string[] = [];
    const handlers = createAppHandlers({
      version: '1.0.0',
      platform: 'win32',
      testHost: false,
      settings,
      openExternal: async (url) => {
        opened.push(url);
      },
    });
    expect(await handlers['app:open-fix-link']({ checkId: 'security.firewall' })).toEqual({ opened: true });
    expect(await handlers['app:open-fix-link']({ checkId: 'security.nothing-here' })).toEqual({ opened: false });
    expect(opened).toEqual(['ms-settings:windowsdefender']);
  });
});

describe('keeping the window on top', () => {
  it('passes the request to the window and answers with what the window did', () => {
    const asked: boolean[] = [];
    const handlers = createAppHandlers({
      version: '1.0.0',
      platform: 'linux',
      testHost: false,
      settings,
      keepOnTop: (on) => {
        asked.push(on);
        return on;
      },
    });
    expect(handlers['app:keep-on-top']({ on: true })).toEqual({ on: true });
    expect(handlers['app:keep-on-top']({ on: false })).toEqual({ on: false });
    expect(asked).toEqual([true, false]);
  });

  it('says plainly that it works only in the app where there is no window', () => {
    const handlers = createAppHandlers({ version: '1.0.0', platform: 'linux', testHost: true, settings });
    expect(() => handlers['app:keep-on-top']({ on: true })).toThrow(/only in the ReadyRoom app/);
  });
});
