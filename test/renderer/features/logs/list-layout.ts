import { afterAll, beforeAll } from 'vitest';

/**
 * jsdom lays nothing out, so the virtual list would think its scroller is 0 px high and draw no
 * row. This gives the scroller the height it has in the app (about a dozen rows) for these tests.
 */
export function giveListScrollerAHeight(height = 560, width = 900): void {
  const proto = HTMLElement.prototype;
  const original = {
    clientHeight: Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight'),
    clientWidth: Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth'),
  };
  beforeAll(() => {
    for (const [name, size] of [
      ['clientHeight', height],
      ['clientWidth', width],
    ] as const) {
      Object.defineProperty(proto, name, {
        configurable: true,
        get(this: HTMLElement) {
          return this.classList.contains('rr-log-list__scroller') ? size : (original[name]?.get?.call(this) ?? 0);
        },
      });
    }
  });
  afterAll(() => {
    delete (proto as { clientHeight?: number }).clientHeight;
    delete (proto as { clientWidth?: number }).clientWidth;
  });
}
