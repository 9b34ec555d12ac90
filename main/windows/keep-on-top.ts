import type { BrowserWindow, Rectangle } from 'electron';

type OnTopWindow = Pick<
  BrowserWindow,
  | 'isDestroyed'
  | 'setAlwaysOnTop'
  | 'getBounds'
  | 'setBounds'
  | 'getMinimumSize'
  | 'setMinimumSize'
  | 'isMaximized'
  | 'unmaximize'
>;

/** Small enough to sit beside a video call, tall enough for the card's numbers and the plan's first steps. */
export const compactSize = { width: 420, height: 620 } as const;

/**
 * The crisis card "kept on top": the window shrinks and floats above other windows (the video
 * call), then goes back to the size and place it had. Returns whether it is now on top.
 */
export function createKeepOnTop(getWindow: () => OnTopWindow | null): (on: boolean) => boolean {
  let saved: { readonly bounds: Rectangle; readonly minimum: readonly number[] } | null = null;
  return (on) => {
    const window = getWindow();
    if (!window || window.isDestroyed()) {
      saved = null;
      return false;
    }
    if (on) {
      if (saved === null) {
        if (window.isMaximized()) window.unmaximize();
        saved = { bounds: window.getBounds(), minimum: window.getMinimumSize() };
      }
      const { x, y } = saved.bounds;
      window.setMinimumSize(compactSize.width, 360);
      window.setBounds({ x, y, ...compactSize });
      // 'floating' stays above ordinary windows without covering the system's own (macOS levels).
      window.setAlwaysOnTop(true, 'floating');
      return true;
    }
    window.setAlwaysOnTop(false);
    if (saved) {
      const [width = compactSize.width, height = 360] = saved.minimum;
      window.setMinimumSize(width, height);
      window.setBounds(saved.bounds);
      saved = null;
    }
    return false;
  };
}
