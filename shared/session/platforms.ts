/** Video platforms a therapist may run a session on. `host` is what connection.quality measures against. */
export interface SessionPlatform {
  readonly id: SessionPlatformId;
  readonly name: string;
  /** Host name for connection timing; null when the user must name one ("other"). */
  readonly host: string | null;
  /** Runs in a web browser, so browsers are kept open and the advice is to close other tabs. */
  readonly inBrowser: boolean;
  /** Id of the matching entry in the programs catalog, so it is never suggested for closing. */
  readonly programId: string | null;
}

export const sessionPlatformIds = [
  'zoom',
  'teams',
  'google-meet',
  'doxy-me',
  'whereby',
  'signal',
  'whatsapp',
  'skype',
  'vsee',
  'other',
] as const;
export type SessionPlatformId = (typeof sessionPlatformIds)[number];

export const sessionPlatforms: readonly SessionPlatform[] = [
  { id: 'zoom', name: 'Zoom', host: 'zoom.us', inBrowser: false, programId: 'zoom' },
  { id: 'teams', name: 'Microsoft Teams', host: 'teams.microsoft.com', inBrowser: false, programId: 'teams' },
  { id: 'google-meet', name: 'Google Meet', host: 'meet.google.com', inBrowser: true, programId: null },
  { id: 'doxy-me', name: 'doxy.me', host: 'doxy.me', inBrowser: true, programId: null },
  { id: 'whereby', name: 'Whereby', host: 'whereby.com', inBrowser: true, programId: null },
  { id: 'signal', name: 'Signal', host: 'signal.org', inBrowser: false, programId: 'signal' },
  { id: 'whatsapp', name: 'WhatsApp', host: 'web.whatsapp.com', inBrowser: false, programId: 'whatsapp' },
  { id: 'skype', name: 'Skype', host: 'web.skype.com', inBrowser: false, programId: 'skype' },
  { id: 'vsee', name: 'VSee', host: 'vsee.com', inBrowser: false, programId: 'vsee' },
  { id: 'other', name: 'Another platform', host: null, inBrowser: false, programId: null },
];

export function getSessionPlatform(id: SessionPlatformId): SessionPlatform {
  const found = sessionPlatforms.find((p) => p.id === id);
  if (!found) throw new Error(`Unknown platform ${id}`);
  return found;
}

export const modalities = ['video', 'audio', 'text'] as const;
export type Modality = (typeof modalities)[number];
export const modalityLabels: Record<Modality, string> = {
  video: 'Video',
  audio: 'Audio only',
  text: 'Text chat',
};
