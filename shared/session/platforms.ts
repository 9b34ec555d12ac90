/**
 * Video platforms a therapist may run a session on, and which server connection.quality times for each.
 *
 * A platform's website says little about its calls: the website is usually a CDN near the user while the
 * call's signalling and media go to other machines. Each entry therefore names the host its calls use,
 * what role that host plays, and the public source that says so. Ids are stored in settings and in
 * readiness logs: never rename or reuse one.
 */

/** Where a citation comes from: the vendor's own network or firewall page, or other public evidence. */
export interface PlatformSource {
  readonly url: string;
  readonly title: string;
}

export type CallHostRole =
  /** A relay or media server that carries the call's audio and video. */
  | 'media'
  /** The server that sets the call up and keeps it running (WebSocket or TLS), near the media path. */
  | 'signalling';

export const callHostRoleLabels: Record<CallHostRole, string> = {
  media: 'media relay',
  signalling: 'call set-up (signalling) server',
};

/** What connection.quality times for a platform. */
export type CallTiming =
  | {
      readonly kind: 'host';
      readonly host: string;
      readonly port: number;
      readonly role: CallHostRole;
      /** One plain sentence on why this host stands for the call (shown in the evidence). */
      readonly why: string;
      readonly source: PlatformSource;
    }
  /** The host differs per practice or clinic, so the therapist names it (Settings or the session form). */
  | {
      readonly kind: 'user-host';
      readonly example: string;
      readonly why: string;
      readonly source: PlatformSource | null;
    }
  /** Nothing can be timed: the check says so and why (never a pass). */
  | { readonly kind: 'none'; readonly reason: string };

export interface SessionPlatform {
  readonly id: SessionPlatformId | RetiredPlatformId;
  readonly name: string;
  readonly timing: CallTiming;
  /** Runs in a web browser, so browsers are kept open and the advice is to close other tabs. */
  readonly inBrowser: boolean;
  /** Id of the matching entry in the programs catalog, so it is never suggested for closing. */
  readonly programId: string | null;
  /** For a platform that shut down: when, in words ("May 2025"). */
  readonly closed?: string;
}

/** Platforms that can be chosen for a session, in the order the pickers show them. */
export const sessionPlatformIds = [
  'zoom',
  'zoom-healthcare',
  'teams',
  'google-meet',
  'doxy-me',
  'simplepractice',
  'therapynotes',
  'jane',
  'whereby',
  'vsee',
  'nhs-attend-anywhere',
  'coviu',
  'signal',
  'whatsapp',
  'other',
] as const;
export type SessionPlatformId = (typeof sessionPlatformIds)[number];

/** Platforms that closed: old logs that name them stay readable, but they cannot be chosen again. */
export const retiredPlatformIds = ['skype'] as const;
export type RetiredPlatformId = (typeof retiredPlatformIds)[number];

/** Every id a stored log or setting may contain. */
export const knownPlatformIds = [...sessionPlatformIds, ...retiredPlatformIds] as const;
export type KnownPlatformId = SessionPlatformId | RetiredPlatformId;

const zoomTiming: CallTiming = {
  kind: 'host',
  host: 'zoom.us',
  port: 443,
  role: 'signalling',
  why: 'Zoom clients sign in and set up meetings over TCP 443 to *.zoom.us; the media server is picked per meeting inside Zoom’s own address ranges.',
  source: {
    url: 'https://support.zoom.com/hc/en/article?id=zm_kb&sysparm_article=KB0060561',
    title: 'Zoom: network firewall or proxy server settings for Zoom',
  },
};

/** The session platforms, in picker order. */
export const sessionPlatforms: readonly (SessionPlatform & { readonly id: SessionPlatformId })[] = [
  { id: 'zoom', name: 'Zoom', timing: zoomTiming, inBrowser: false, programId: 'zoom' },
  // Zoom for Healthcare is an account type: same client, same servers.
  { id: 'zoom-healthcare', name: 'Zoom for Healthcare', timing: zoomTiming, inBrowser: false, programId: 'zoom' },
  {
    id: 'teams',
    name: 'Microsoft Teams',
    timing: {
      kind: 'host',
      host: 'worldaz.tr.teams.microsoft.com',
      port: 443,
      role: 'media',
      why: 'Microsoft’s own example of an address inside the Teams media relay ranges; Teams media falls back to TCP 443 on these relays.',
      source: {
        url: 'https://learn.microsoft.com/en-us/microsoft-365/enterprise/microsoft-365-vpn-implement-split-tunnel',
        title: 'Microsoft 365: implementing VPN split tunnelling (Teams media relays)',
      },
    },
    inBrowser: false,
    programId: 'teams',
  },
  {
    id: 'google-meet',
    name: 'Google Meet',
    timing: {
      kind: 'host',
      host: 'meet.google.com',
      port: 443,
      role: 'signalling',
      why: 'Google lists meet.google.com among the endpoints Meet needs to connect a meeting (TCP 443).',
      source: {
        url: 'https://support.google.com/a/answer/1279090',
        title: 'Google Workspace: prepare your network for Meet meetings',
      },
    },
    inBrowser: true,
    programId: null,
  },
  {
    id: 'doxy-me',
    name: 'doxy.me',
    timing: {
      kind: 'host',
      host: 'doxy.me',
      port: 443,
      role: 'signalling',
      why: 'Waiting rooms and calls run on the doxy.me address itself (doxy.me/your-room); doxy.me publishes no separate media host.',
      source: {
        url: 'https://help.doxy.me/en/articles/3384299',
        title: 'doxy.me help: internet and bandwidth requirements',
      },
    },
    inBrowser: true,
    programId: null,
  },
  {
    id: 'simplepractice',
    name: 'SimplePractice Telehealth',
    timing: {
      kind: 'host',
      host: 'video.simplepractice.com',
      port: 443,
      role: 'signalling',
      why: 'Telehealth appointment links open on video.simplepractice.com, which sets the call up; SimplePractice publishes no separate media host.',
      source: {
        url: 'https://support.simplepractice.com/hc/en-us/articles/360001196372-Getting-started-with-Telehealth',
        title: 'SimplePractice: getting started with Telehealth (appointment links)',
      },
    },
    inBrowser: true,
    programId: null,
  },
  {
    id: 'therapynotes',
    name: 'TherapyNotes Telehealth',
    timing: {
      kind: 'host',
      host: 'www.therapyportal.com',
      port: 443,
      role: 'signalling',
      why: 'Clients join TherapyNotes telehealth from the TherapyPortal site (www.therapyportal.com), which sets the call up.',
      source: {
        url: 'https://support.therapynotes.com/article/318-start-a-telehealth-session-telehealth-2-0',
        title: 'TherapyNotes: start a telehealth session',
      },
    },
    inBrowser: true,
    programId: null,
  },
  {
    id: 'jane',
    name: 'Jane',
    timing: {
      kind: 'user-host',
      example: 'yourclinic.janeapp.com',
      why: 'Jane calls go directly between the two browsers; only the clinic’s own Jane address sets them up, so ReadyRoom times that address.',
      source: { url: 'https://jane.app/guide/1-1-online-appointments-faq', title: 'Jane: online appointments FAQ' },
    },
    inBrowser: true,
    programId: null,
  },
  {
    id: 'whereby',
    name: 'Whereby',
    timing: {
      kind: 'host',
      host: 'signal.srv.whereby.com',
      port: 443,
      role: 'signalling',
      why: 'Whereby carries call signalling over secure WebSockets to *.srv.whereby.com (signal.srv.whereby.com) on TCP 443.',
      source: {
        url: 'https://docs.whereby.com/whereby-101/faq-and-troubleshooting/firewall-and-security',
        title: 'Whereby: firewall and security',
      },
    },
    inBrowser: true,
    programId: null,
  },
  {
    id: 'vsee',
    name: 'VSee',
    timing: {
      kind: 'host',
      host: 'vsee.com',
      port: 443,
      role: 'signalling',
      why: 'VSee runs its directory, call management and relays under *.vsee.com (TLS 443) and does not publish fixed relay addresses.',
      source: { url: 'https://vsee.com/firewall', title: 'VSee: firewall and port rules' },
    },
    // VSee Clinic calls often run in the browser, VSee Messenger is an app: keep both.
    inBrowser: true,
    programId: 'vsee',
  },
  {
    id: 'nhs-attend-anywhere',
    name: 'NHS Attend Anywhere / Near Me',
    timing: {
      kind: 'host',
      host: 'england.nhs.attendanywhere.com',
      port: 443,
      role: 'signalling',
      why: 'Attend Anywhere (Near Me in Scotland) sets calls up from its NHS web platform over TCP 443; the nations run sibling sites on the same provider.',
      source: {
        url: 'https://www.readkong.com/page/technical-guide-adding-video-call-access-to-your-services-1304781',
        title: 'Attend Anywhere: technical guide for the NHS (network access and relay servers)',
      },
    },
    inBrowser: true,
    programId: null,
  },
  {
    id: 'coviu',
    name: 'Coviu',
    timing: {
      kind: 'host',
      host: 'coviu.com',
      port: 443,
      role: 'signalling',
      why: 'Coviu sessions open on coviu.com (coviu.com/session/…), which sets the call up.',
      source: {
        url: 'https://github.com/coviu/coviu-js-sdk',
        title: 'Coviu’s own API SDK (sessions and their coviu.com links)',
      },
    },
    inBrowser: true,
    programId: null,
  },
  {
    id: 'signal',
    name: 'Signal',
    timing: {
      kind: 'host',
      host: 'sfu.voip.signal.org',
      port: 443,
      role: 'media',
      why: 'Signal’s calling server (group calls); one-to-one calls go directly or through relays Signal picks per call. The signal.org website plays no part in calls.',
      source: {
        url: 'https://github.com/signalapp/Signal-Desktop/blob/main/ts/scripts/generate-dns-fallback.ts',
        title: 'Signal Desktop source: the service hosts the app connects to',
      },
    },
    inBrowser: false,
    programId: 'signal',
  },
  {
    id: 'whatsapp',
    name: 'WhatsApp',
    timing: {
      kind: 'host',
      host: 'web.whatsapp.com',
      port: 443,
      role: 'signalling',
      why: 'Linked devices (desktop and web) keep their chat and call set-up connection to web.whatsapp.com (wss://web.whatsapp.com/ws/chat).',
      source: {
        url: 'https://github.com/WhiskeySockets/Baileys/blob/master/src/Defaults/index.ts',
        title: 'Baileys (WhatsApp Web protocol library): the chat WebSocket address',
      },
    },
    inBrowser: false,
    programId: 'whatsapp',
  },
  {
    id: 'other',
    name: 'Another platform',
    timing: {
      kind: 'user-host',
      example: 'video.example.org',
      why: 'ReadyRoom times the address you give for your platform.',
      source: null,
    },
    inBrowser: false,
    programId: null,
  },
];

/** Closed platforms: shown with their closing date wherever an old log names them. */
export const retiredPlatforms: readonly (SessionPlatform & { readonly id: RetiredPlatformId })[] = [
  {
    id: 'skype',
    name: 'Skype',
    timing: { kind: 'none', reason: 'Skype closed in May 2025, so there is no Skype call to time.' },
    inBrowser: false,
    programId: 'skype',
    closed: 'May 2025',
  },
];

const byId = new Map<string, SessionPlatform>([...sessionPlatforms, ...retiredPlatforms].map((p) => [p.id, p]));

/** A platform that can be chosen now. */
export function getSessionPlatform(id: SessionPlatformId): SessionPlatform {
  const found = byId.get(id);
  if (!found) throw new Error(`Unknown platform ${id}`);
  return found;
}

/** Any platform a stored log may name, retired ones included; an unknown id gets a plain label. */
export function describePlatform(id: string): SessionPlatform {
  return (
    byId.get(id) ?? {
      id: 'other',
      name: `Unknown platform (${id.slice(0, 40)})`,
      timing: { kind: 'none', reason: 'This platform is not known to this version of ReadyRoom.' },
      inBrowser: false,
      programId: null,
    }
  );
}

/** The platform's name as logs, reports and the CLI show it: "Skype (closed May 2025)", "Jane (clinic.example)". */
export function platformLabel(id: string, host?: string): string {
  const platform = describePlatform(id);
  const name = platform.closed ? `${platform.name} (closed ${platform.closed})` : platform.name;
  return host ? `${name} (${host})` : name;
}

export function isRetiredPlatform(id: string): id is RetiredPlatformId {
  return (retiredPlatformIds as readonly string[]).includes(id);
}

export function isSessionPlatformId(id: string): id is SessionPlatformId {
  return (sessionPlatformIds as readonly string[]).includes(id);
}

/** The therapist names the host for these (the practice's own address, or "another platform"). */
export function asksForHost(id: SessionPlatformId): boolean {
  return getSessionPlatform(id).timing.kind === 'user-host';
}

/** How the session form and Settings ask for the address of a platform that needs one. */
export function hostPrompt(id: SessionPlatformId): { readonly label: string; readonly example: string } {
  const timing = getSessionPlatform(id).timing;
  const example = timing.kind === 'user-host' ? timing.example : '';
  if (id === 'other') return { label: 'Platform web address', example };
  return { label: `Your ${getSessionPlatform(id).name.replace(/ \(.*\)$/, '')} address`, example };
}

/** Why a platform id cannot be chosen, for CLI and API errors. */
export function platformChoiceError(id: string): string {
  if (isRetiredPlatform(id)) {
    const platform = describePlatform(id);
    return `${platform.name} closed in ${platform.closed ?? 'the past'} and can no longer be chosen. Use one of: ${sessionPlatformIds.join(', ')}.`;
  }
  return `Unknown platform "${id}". Use one of: ${sessionPlatformIds.join(', ')}.`;
}

export const modalities = ['video', 'audio', 'text'] as const;
export type Modality = (typeof modalities)[number];
export const modalityLabels: Record<Modality, string> = {
  video: 'Video',
  audio: 'Audio only',
  text: 'Text chat',
};
