import type { HandlerDetails } from 'electron';
import { describe, expect, it } from 'vitest';

import { installNavigationGuards } from '../../../main/windows/navigation-guards';
import { FakeWebContents } from '../../fakes/fake-electron';

function guarded(): FakeWebContents {
  const contents = new FakeWebContents();
  installNavigationGuards(contents.asWebContents());
  return contents;
}

/** Emits an Electron-style event and reports whether a listener prevented it. */
function emitPreventable(contents: FakeWebContents, name: string, ...args: unknown[]): boolean {
  let prevented = false;
  contents.emit(name, { preventDefault: () => void (prevented = true), url: 'https://evil.example/' }, ...args);
  return prevented;
}

describe('installNavigationGuards', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('prevents %s', (name) => {
    expect(emitPreventable(guarded(), name, 'https://evil.example/')).toBe(true);
  });

  it('prevents a webview from attaching', () => {
    expect(
      emitPreventable(guarded(), 'will-attach-webview', { preload: '/tmp/evil.js' }, { src: 'https://evil.example/' }),
    ).toBe(true);
  });

  it.each(['https://evil.example/', 'app://bundle/index.html', 'about:blank', 'file:///etc/passwd'])(
    'denies window.open of %s',
    (url) => {
      const contents = guarded();
      const details = {
        url,
        frameName: '',
        features: '',
        disposition: 'new-window',
        referrer: {},
        postBody: undefined,
      } as unknown as HandlerDetails;
      expect(contents.windowOpenHandler?.(details)).toEqual({ action: 'deny' });
    },
  );
});
