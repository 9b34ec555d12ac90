import type { Session, WebContents } from 'electron';

import { isAppUrl } from '../ipc/sender-check';
import { createLogger } from '../logging/logger';

const log = createLogger('permissions');

export interface PermissionRequest {
  readonly permission: string;
  /** URL of the frame asking; for checks, the requesting origin. */
  readonly requestingUrl: string | null;
  /** Only for media requests: which devices ('audio', 'video'). */
  readonly mediaTypes: readonly string[];
  readonly fromOwnWindow: boolean;
  /** A request (not a check) must name the devices it wants. */
  readonly isRequest?: boolean;
}

/**
 * Camera and microphone for the media tests, asked by our own page; nothing else, ever.
 * Screen capture, notifications, location, clipboard, openExternal and the rest are denied.
 */
export function decidePermission(request: PermissionRequest): boolean {
  if (request.permission !== 'media') return false;
  if (!request.fromOwnWindow || !request.requestingUrl || !isAppUrl(request.requestingUrl)) return false;
  if (request.isRequest && request.mediaTypes.length === 0) return false;
  return request.mediaTypes.every((type) => type === 'audio' || type === 'video');
}

/** Installs both handlers: Chromium asks the check handler before it asks the request handler. */
export function installPermissionHandlers(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>,
  isOwnWebContents: (contents: WebContents | null) => boolean,
): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details && Array.isArray(details.mediaTypes) ? details.mediaTypes : [];
    const granted = decidePermission({
      permission,
      requestingUrl: details.requestingUrl ?? null,
      mediaTypes,
      fromOwnWindow: isOwnWebContents(contents),
      isRequest: true,
    });
    if (!granted) log.info('denied a permission request', { permission });
    callback(granted);
  });
  session.setPermissionCheckHandler((contents, permission, requestingOrigin, details) => {
    const mediaType = (details as { mediaType?: string }).mediaType;
    return decidePermission({
      permission,
      requestingUrl: requestingOrigin || (details as { requestingUrl?: string }).requestingUrl || null,
      mediaTypes: mediaType && mediaType !== 'unknown' ? [mediaType] : [],
      fromOwnWindow: isOwnWebContents(contents),
    });
  });
  // HID, serial and USB devices are never offered to the page.
  session.setDevicePermissionHandler(() => false);
}
