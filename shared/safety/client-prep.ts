import { getSessionPlatform, sessionPlatformIds, type SessionPlatformId } from '../session/platforms';

/**
 * The sheet a therapist sends a client before online sessions: how to prepare, what to do if the call
 * drops, the chosen platform's privacy risks in plain words, and how to leave the call fast. Written
 * to the client ("you"), in plain English, with no client details in it at all.
 */

export interface PrepSection {
  readonly id: 'space' | 'headphones' | 'device' | 'drops' | 'privacy' | 'leave';
  readonly heading: string;
  readonly points: readonly string[];
}

export interface PrepSheet {
  readonly platform: SessionPlatformId;
  readonly platformName: string;
  readonly title: string;
  readonly intro: string;
  readonly sections: readonly PrepSection[];
  readonly sources: readonly string[];
}

/** How the platform runs, which decides how the client leaves in a hurry. */
type Kind = 'browser' | 'desktop-app' | 'phone-app';

interface PlatformPrep {
  readonly kind: Kind;
  /** The platform's own privacy risks, in plain words (the shared ones are added for every platform). */
  readonly risks: readonly string[];
}

const linkRisk = 'The meeting link works for anyone who has it. Do not forward it or post it anywhere.';
const browserHistory =
  'Your browser remembers the sites you visit. If someone else uses this device, join from a private (incognito) window.';
const emailReminders =
  'Appointment reminders come by e-mail or text. If others can read your messages, tell your therapist how to reach you instead.';
const accountRisk = (service: string) =>
  `If you sign in with a work, school or shared ${service} account, whoever runs that account may see that you joined. Use your own account or join as a guest.`;
const phoneHistory =
  'The call appears in the app’s call list and may show a notification with your therapist’s name. Anyone who can unlock your phone can see it.';

const platformPrep: Record<SessionPlatformId, PlatformPrep> = {
  zoom: {
    kind: 'desktop-app',
    risks: [
      linkRisk,
      accountRisk('Zoom'),
      'Your name is shown to others in the meeting. Use a first name or initials if you prefer.',
    ],
  },
  'zoom-healthcare': {
    kind: 'desktop-app',
    risks: [
      linkRisk,
      accountRisk('Zoom'),
      'Your name is shown to others in the meeting. Use a first name or initials if you prefer.',
    ],
  },
  teams: {
    kind: 'desktop-app',
    risks: [
      linkRisk,
      accountRisk('Microsoft'),
      'Messages typed in the meeting chat can be kept after the call. Say it out loud instead.',
    ],
  },
  'google-meet': {
    kind: 'browser',
    risks: [
      linkRisk,
      accountRisk('Google'),
      'The meeting may appear in the calendar of the Google account you are signed in to.',
      browserHistory,
    ],
  },
  'doxy-me': { kind: 'browser', risks: [linkRisk, browserHistory] },
  simplepractice: { kind: 'browser', risks: [linkRisk, emailReminders, browserHistory] },
  therapynotes: { kind: 'browser', risks: [linkRisk, emailReminders, browserHistory] },
  jane: { kind: 'browser', risks: [linkRisk, emailReminders, browserHistory] },
  whereby: {
    kind: 'browser',
    risks: [
      'Anyone with the room link can ask to come in. Your therapist lets people in, so tell them at once if you see anyone you do not know.',
      browserHistory,
    ],
  },
  vsee: { kind: 'desktop-app', risks: [linkRisk, accountRisk('VSee')] },
  'nhs-attend-anywhere': { kind: 'browser', risks: [linkRisk, browserHistory] },
  coviu: { kind: 'browser', risks: [linkRisk, browserHistory] },
  signal: {
    kind: 'phone-app',
    risks: [
      'Signal calls are encrypted from end to end, so Signal cannot listen in.',
      phoneHistory,
      'Your therapist may see your Signal profile name and photo, and your phone number unless you have hidden it in Signal’s privacy settings.',
    ],
  },
  whatsapp: {
    kind: 'phone-app',
    risks: [
      'WhatsApp calls are encrypted from end to end, but WhatsApp’s owner can see who called whom and when.',
      phoneHistory,
      'Chat backups to Google Drive or iCloud are not end-to-end encrypted unless you turn that on in WhatsApp’s settings.',
    ],
  },
  other: {
    kind: 'desktop-app',
    risks: [
      linkRisk,
      'Ask your therapist who runs the service, whether calls can be recorded and what it keeps after the call.',
    ],
  },
};

const leaveByKind: Record<Kind, readonly string[]> = {
  browser: [
    'Close the browser tab: press Ctrl+W (Cmd+W on a Mac), or click the × on the tab.',
    'This ends the call at once. Your therapist will not be upset.',
  ],
  'desktop-app': [
    'Click the red Leave or End button, or close the app’s window.',
    'This ends the call at once. Your therapist will not be upset.',
  ],
  'phone-app': ['Tap the red button to hang up.', 'This ends the call at once. Your therapist will not be upset.'],
};

function leaveSection(name: string, kind: Kind): PrepSection {
  return {
    id: 'leave',
    heading: 'If someone comes in: leave the call quickly',
    points: [
      `On ${name}: ${leaveByKind[kind][0] ?? ''}`,
      leaveByKind[kind][1] ?? '',
      'Agree a word or sign with your therapist beforehand that means "I cannot talk now", and what happens next (for example, whether they may ring or text you).',
    ],
  };
}

/** The sheet for one platform. */
export function clientPrepSheet(platform: SessionPlatformId): PrepSheet {
  const name = getSessionPlatform(platform).name;
  const prep = platformPrep[platform];
  return {
    platform,
    platformName: name,
    title: `Getting ready for your online session (${name})`,
    intro:
      'A few minutes of preparation makes an online session more private and less likely to be interrupted. Your therapist prepares their side in the same way.',
    sections: [
      {
        id: 'space',
        heading: 'A private space',
        points: [
          'Choose a room where you can close the door and nobody can hear you. Let others at home know you are busy.',
          'If home is not private, a parked car can work. Somewhere quiet, not a café or public transport.',
          'Sit where nobody can see your screen from a window or doorway.',
        ],
      },
      {
        id: 'headphones',
        heading: 'Headphones',
        points: [
          'Use headphones or earphones so only you hear your therapist.',
          'Wireless ones must be charged; wired ones cannot run flat.',
        ],
      },
      {
        id: 'device',
        heading: 'A charged device',
        points: [
          'Plug in or fully charge your phone, tablet or computer before the session.',
          'Close other apps and turn off notifications, so messages do not pop up or ring during the session.',
          'Join a few minutes early to check your camera and sound.',
        ],
      },
      {
        id: 'drops',
        heading: 'If the call drops',
        points: [
          'Rejoin the same call with the same link. Do not start a new call.',
          'If it does not come back within a few minutes, your therapist will ring the back-up phone number you agreed. Keep that phone near you, with the sound on.',
          'If you are in danger, or feel unsafe, call your local emergency number straight away.',
        ],
      },
      { id: 'privacy', heading: `What to know about ${name}`, points: prep.risks },
      leaveSection(name, prep.kind),
    ],
    sources: [
      'ACTO guidance, 2020 (headphones for privacy; a private room; knowing where the client is)',
      'APA Guidelines for the Practice of Telepsychology, 2013 (telling clients about the risks of the technology and planning for a failure)',
    ],
  };
}

/** Every platform that can be chosen, for pickers and tests. */
export const prepPlatforms: readonly SessionPlatformId[] = sessionPlatformIds;

/** The sheet as plain text (the .txt export and the CLI). */
export function clientPrepText(sheet: PrepSheet): string {
  const lines: string[] = [sheet.title, '='.repeat(Math.min(sheet.title.length, 72)), '', sheet.intro, ''];
  for (const section of sheet.sections) {
    lines.push(section.heading, '-'.repeat(section.heading.length));
    for (const point of section.points) lines.push(`- ${point}`);
    lines.push('');
  }
  lines.push('Based on:');
  for (const source of sheet.sources) lines.push(`- ${source}`);
  lines.push('', 'Made with ReadyRoom. It holds no details about you.');
  return `${lines.join('\n')}\n`;
}
