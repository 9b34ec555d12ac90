import type { Rectangle } from 'electron';
import { describe, expect, it } from 'vitest';

import { compactSize, createKeepOnTop } from '../../../main/windows/keep-on-top';

/** A window that keeps the state the adapter changes, as Electron's does. */
function fakeWindow(bounds: Rectangle, maximized = false) {
  const state = {
    bounds,
    minimum: [640, 560] as number[],
    onTop: false,
    level: undefined as string | undefined,
    maximized,
    destroyed: false,
  };
  const window = {
    isDestroyed: () => state.destroyed,
    isMaximized: () => state.maximized,
    unmaximize: () => {
      state.maximized = false;
    },
    getBounds: () => ({ ...state.bounds }),
    setBounds: (next: Partial<Rectangle>) => {
      state.bounds = { ...state.bounds, ...next };
    },
    getMinimumSize: () => [...state.minimum],
    setMinimumSize: (width: number, height: number) => {
      state.minimum = [width, height];
    },
    setAlwaysOnTop: (flag: boolean, level?: string) => {
      state.onTop = flag;
      state.level = level;
    },
  };
  return { state, window };
}

describe('keep the crisis card on top', () => {
  it('shrinks the window where it is and floats it above other windows', () => {
    const { state, window } = fakeWindow({ x: 100, y: 50, width: 980, height: 760 });
    const keep = createKeepOnTop(() => window as never);
    expect(keep(true)).toBe(true);
    expect(state.onTop).toBe(true);
    expect(state.level).toBe('floating');
    expect(state.bounds).toEqual({ x: 100, y: 50, ...compactSize });
    expect(state.minimum[0]).toBeLessThanOrEqual(compactSize.width);
  });

  it('puts the window back as it was, size, place and minimum size', () => {
    const { state, window } = fakeWindow({ x: 100, y: 50, width: 980, height: 760 });
    const keep = createKeepOnTop(() => window as never);
    keep(true);
    expect(keep(false)).toBe(false);
    expect(state.onTop).toBe(false);
    expect(state.bounds).toEqual({ x: 100, y: 50, width: 980, height: 760 });
    expect(state.minimum).toEqual([640, 560]);
  });

  it('asked twice, still remembers the size from before the first time', () => {
    const { state, window } = fakeWindow({ x: 0, y: 0, width: 1200, height: 800 });
    const keep = createKeepOnTop(() => window as never);
    keep(true);
    keep(true);
    keep(false);
    expect(state.bounds).toEqual({ x: 0, y: 0, width: 1200, height: 800 });
  });

  it('leaves a maximised window first, so it can be made small', () => {
    const { state, window } = fakeWindow({ x: 0, y: 0, width: 1920, height: 1080 }, true);
    const keep = createKeepOnTop(() => window as never);
    keep(true);
    expect(state.maximized).toBe(false);
    expect(state.bounds.width).toBe(compactSize.width);
  });

  it('answers "not on top" when there is no window, and forgets a closed one', () => {
    const { state, window } = fakeWindow({ x: 10, y: 10, width: 980, height: 760 });
    let current: typeof window | null = window;
    const keep = createKeepOnTop(() => current as never);
    keep(true);
    state.destroyed = true;
    expect(keep(false)).toBe(false);
    current = null;
    expect(keep(true)).toBe(false);
  });
});
