import { describe, expect, it } from 'vitest';

import { appOrigin, isAppUrl, isTrustedSender, type SenderInfo } from '../../../main/ipc/sender-check';

const ownTopFrame: SenderInfo = { frameUrl: 'app://bundle/index.html', isTopFrame: true, isOwnWindow: true };

describe('isTrustedSender', () => {
  it.each(['app://bundle/index.html', 'app://bundle/', 'app://bundle', 'app://bundle/index.html?x=1#/settings'])(
    'accepts the top frame of our own window at %s',
    (frameUrl) => {
      expect(isTrustedSender({ ...ownTopFrame, frameUrl })).toBe(true);
    },
  );

  it.each([
    ['another https origin', 'https://evil.example/index.html'],
    ['another app host', 'app://evil/index.html'],
    ['a host that starts with ours', 'app://bundle.evil/index.html'],
    ['a host that ends with ours', 'app://evilbundle/index.html'],
    ['our host with a user name', 'app://user@bundle/index.html'],
    ['our host with user and password', 'app://user:pw@bundle/index.html'],
    ['our host with a port', 'app://bundle:8080/index.html'],
    ['the test host origin', 'http://127.0.0.1:4173/'],
    ['localhost', 'http://localhost/'],
    ['a file URL', 'file:///work/main/out/renderer/index.html'],
    ['a file URL that mentions the bundle', 'file://bundle/index.html'],
    ['https with our host', 'https://bundle/index.html'],
    ['a data URL', 'data:text/html,<p>hi</p>'],
    ['about:blank', 'about:blank'],
    ['javascript:', 'javascript:alert(1)'],
    ['a devtools page', 'devtools://devtools/bundled/inspector.html'],
    ['an empty string', ''],
    ['text that is not a URL', 'app bundle'],
  ])('refuses %s', (_label, frameUrl) => {
    expect(isTrustedSender({ ...ownTopFrame, frameUrl })).toBe(false);
  });

  it('refuses a sub-frame even when it shows our bundle', () => {
    expect(isTrustedSender({ ...ownTopFrame, isTopFrame: false })).toBe(false);
  });

  it('refuses a frame that is gone (no URL)', () => {
    expect(isTrustedSender({ ...ownTopFrame, frameUrl: null })).toBe(false);
  });

  it('refuses a webContents that is not one of our windows', () => {
    expect(isTrustedSender({ ...ownTopFrame, isOwnWindow: false })).toBe(false);
  });
});

describe('isAppUrl', () => {
  it('names the origin the window is loaded from', () => {
    expect(appOrigin).toBe('app://bundle');
    expect(isAppUrl(`${appOrigin}/index.html`)).toBe(true);
  });

  it('compares the host exactly instead of by prefix', () => {
    expect(isAppUrl('app://bundle.evil/')).toBe(false);
    expect(isAppUrl('app://bundle@evil/')).toBe(false);
    expect(isAppUrl('app://bundl/')).toBe(false);
  });

  it('refuses text that does not parse as a URL', () => {
    expect(isAppUrl('::::')).toBe(false);
    expect(isAppUrl('app://[bad/')).toBe(false);
  });
});
