/** The origin the renderer is served from in the app. */
export const appScheme = 'app';
export const appHost = 'bundle';
export const appOrigin = `${appScheme}://${appHost}`;

/** What the IPC adapter knows about who sent a message. */
export interface SenderInfo {
  /** URL of the sending frame; null when the frame is gone (e.g. navigated away). */
  readonly frameUrl: string | null;
  /** True when the sending frame is the top frame (not an iframe). */
  readonly isTopFrame: boolean;
  /** True when event.sender is the webContents of one of ReadyRoom's own windows. */
  readonly isOwnWindow: boolean;
}

/** True only for the top frame of one of our windows showing our own bundle. */
export function isTrustedSender(sender: SenderInfo): boolean {
  if (!sender.isOwnWindow || !sender.isTopFrame || !sender.frameUrl) return false;
  return isAppUrl(sender.frameUrl);
}

/** Compares scheme and host exactly: URL.origin is "null" for custom schemes, and startsWith is spoofable. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === `${appScheme}:` && parsed.host === appHost && parsed.username === '' && parsed.password === ''
    );
  } catch {
    return false;
  }
}
