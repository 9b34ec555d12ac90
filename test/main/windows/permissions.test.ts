import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';

import { decidePermission, installPermissionHandlers, type PermissionRequest } from '../../../main/windows/permissions';
import {
  FakeSession,
  FakeWebContents,
  type CheckDetails,
  type CheckPermission,
  type DeviceDetails,
  type RequestDetails,
  type RequestPermission,
} from '../../fakes/fake-electron';

const appPage = 'app://bundle/index.html';

const deniedPermissions = [
  'geolocation',
  'notifications',
  'clipboard-read',
  'clipboard-sanitized-write',
  'openExternal',
  'display-capture',
  'midi',
  'midiSysex',
  'pointerLock',
  'keyboardLock',
  'fullscreen',
  'mediaKeySystem',
  'idle-detection',
  'window-management',
  'fileSystem',
  'hid',
  'serial',
  'usb',
  'storage-access',
  'speaker-selection',
  'unknown',
] as const satisfies readonly (RequestPermission & CheckPermission)[];

const ownMedia: PermissionRequest = {
  permission: 'media',
  requestingUrl: appPage,
  mediaTypes: ['audio', 'video'],
  fromOwnWindow: true,
};

const otherOrigins = [
  'https://evil.example/',
  'app://evil/index.html',
  'app://bundle.evil/index.html',
  'app://user@bundle/index.html',
  'http://127.0.0.1:4173/',
  'file:///tmp/index.html',
];

describe('decidePermission', () => {
  it.each([[['audio']], [['video']], [['audio', 'video']]])(
    'grants media %j to our page in our window',
    (mediaTypes) => {
      expect(decidePermission({ ...ownMedia, mediaTypes })).toBe(true);
    },
  );

  it.each(deniedPermissions)('denies %s, even to our own page', (permission) => {
    expect(decidePermission({ ...ownMedia, permission })).toBe(false);
  });

  it.each(otherOrigins)('denies media to %s', (requestingUrl) => {
    expect(decidePermission({ ...ownMedia, requestingUrl })).toBe(false);
  });

  it('denies media when the URL is missing', () => {
    expect(decidePermission({ ...ownMedia, requestingUrl: null })).toBe(false);
  });

  it('denies media to another window showing our page', () => {
    expect(decidePermission({ ...ownMedia, fromOwnWindow: false })).toBe(false);
  });

  it.each([[['screen']], [['audio', 'screen']], [['video', 'desktop']]])('denies media types %j', (mediaTypes) => {
    expect(decidePermission({ ...ownMedia, mediaTypes })).toBe(false);
  });
});

function setup() {
  const session = new FakeSession();
  const own = new FakeWebContents();
  installPermissionHandlers(session, (contents: WebContents | null) => contents === own.asWebContents());
  return { session, own };
}

const requestDetails = (requestingUrl: string, mediaTypes?: ('audio' | 'video')[]): RequestDetails =>
  ({ isMainFrame: true, requestingUrl, ...(mediaTypes ? { mediaTypes } : {}) }) as RequestDetails;

const checkDetails = (extra: Partial<CheckDetails> = {}): CheckDetails => ({ isMainFrame: true, ...extra });

describe('installPermissionHandlers', () => {
  it('installs the request, check and device handlers', () => {
    const { session } = setup();
    expect(session.requestHandler).not.toBeNull();
    expect(session.checkHandler).not.toBeNull();
    expect(session.deviceHandler).not.toBeNull();
  });

  describe('request handler', () => {
    it.each([[['audio']], [['video']], [['audio', 'video']]] as const)(
      'grants media %j to our page in our window',
      async (mediaTypes) => {
        const { session, own } = setup();
        expect(await session.request(own, 'media', requestDetails(appPage, [...mediaTypes]))).toBe(true);
      },
    );

    it.each(deniedPermissions)('denies %s from our own page', async (permission) => {
      const { session, own } = setup();
      expect(await session.request(own, permission, requestDetails(appPage))).toBe(false);
    });

    it.each(otherOrigins)('denies media to %s in our window', async (url) => {
      const { session, own } = setup();
      expect(await session.request(own, 'media', requestDetails(url, ['audio', 'video']))).toBe(false);
    });

    it('denies media to another webContents showing our page', async () => {
      const { session } = setup();
      expect(await session.request(new FakeWebContents(), 'media', requestDetails(appPage, ['video']))).toBe(false);
    });

    it('denies media types other than audio and video', async () => {
      const { session, own } = setup();
      const details = {
        isMainFrame: true,
        requestingUrl: appPage,
        mediaTypes: ['video', 'screen'],
      } as unknown as RequestDetails;
      expect(await session.request(own, 'media', details)).toBe(false);
    });

    it('denies openExternal whatever URL it names', async () => {
      const { session, own } = setup();
      const details = {
        isMainFrame: true,
        requestingUrl: appPage,
        externalURL: 'ms-settings:privacy',
      } as RequestDetails;
      expect(await session.request(own, 'openExternal', details)).toBe(false);
    });
  });

  describe('check handler', () => {
    it.each(['audio', 'video', 'unknown'] as const)(
      'allows a media (%s) check from our page in our window',
      (mediaType) => {
        const { session, own } = setup();
        expect(session.check(own, 'media', 'app://bundle', checkDetails({ mediaType, requestingUrl: appPage }))).toBe(
          true,
        );
      },
    );

    it('falls back to the requesting URL when the origin is empty', () => {
      const { session, own } = setup();
      expect(session.check(own, 'media', '', checkDetails({ mediaType: 'audio', requestingUrl: appPage }))).toBe(true);
      expect(
        session.check(own, 'media', '', checkDetails({ mediaType: 'audio', requestingUrl: 'https://x.example/' })),
      ).toBe(false);
    });

    it.each(deniedPermissions)('denies a %s check from our page', (permission) => {
      const { session, own } = setup();
      expect(session.check(own, permission, 'app://bundle', checkDetails({ requestingUrl: appPage }))).toBe(false);
    });

    it.each(otherOrigins)('denies a media check from %s', (url) => {
      const { session, own } = setup();
      expect(
        session.check(own, 'media', new URL(url).origin, checkDetails({ mediaType: 'video', requestingUrl: url })),
      ).toBe(false);
    });

    it('denies a media check from another webContents or none (cross-origin sub-frame)', () => {
      const { session } = setup();
      const details = checkDetails({ mediaType: 'video', requestingUrl: appPage });
      expect(session.check(new FakeWebContents(), 'media', 'app://bundle', details)).toBe(false);
      expect(session.check(null, 'media', 'app://bundle', details)).toBe(false);
    });
  });

  describe('device handler', () => {
    it.each(['hid', 'serial', 'usb'] as const)('denies every %s device, even to our page', (deviceType) => {
      const { session } = setup();
      const details = { deviceType, origin: 'app://bundle', device: {} } as DeviceDetails;
      expect(session.device(details)).toBe(false);
    });
  });
});
