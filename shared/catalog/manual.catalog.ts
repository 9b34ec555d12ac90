import type { CatalogEntry } from './catalog-types';

const acto = 'ACTO guidance, 2020';

/**
 * Catalog entries the therapist confirms (manual) or tests with the camera and microphone (media).
 * Wording is ours; each `why` names where the advice comes from. Blockers are the things a session
 * should not start without (privacy of the room, knowing where the client is, a working camera
 * and microphone); the rest is advice that still shows in the summary and the log.
 */
export const manualCatalog: readonly CatalogEntry[] = [
  // Connection
  {
    id: 'connection.household',
    category: 'connection',
    step: 'connection',
    kind: 'manual',
    severity: 'advice',
    title: 'Others at home will go easy on the internet',
    why: 'Streaming, gaming or big downloads elsewhere in the house share your connection and can freeze the call (ACTO guidance, 2020).',
    source: acto,
    fix: {
      any: {
        steps: [
          'Let the people you live with know when your session starts and ends.',
          'Ask them to pause streaming, online games and large downloads until you are done.',
          'If your connection is often slow, a cable from your computer to the router helps more than anything else.',
        ],
      },
    },
    confirm: 'People at home know not to stream or download during my session.',
  },

  // Privacy and listening
  {
    id: 'privacy.devices-assistants',
    category: 'privacy',
    step: 'privacy',
    kind: 'manual',
    severity: 'blocker',
    title: 'Voice assistants on nearby devices are off',
    why: 'A phone, smart speaker or watch that listens for "Alexa" or "Hey Siri" can record what is said in the room (ACTO guidance, 2020).',
    source: acto,
    fix: {
      any: {
        steps: [
          'Mute or unplug smart speakers in the room.',
          'Turn off the voice assistant on your phone and watch, or put them in another room.',
          'Switching a phone to flight mode also works.',
        ],
      },
    },
    confirm: 'Phones, smart speakers and watches near me have their voice assistants off.',
  },
  {
    id: 'privacy.note-takers',
    category: 'privacy',
    step: 'privacy',
    kind: 'manual',
    severity: 'blocker',
    title: 'No AI note-taker or recording in the video platform',
    why: 'Note-takers that work inside the call or the browser (Zoom AI Companion, Teams Copilot and Recap, Google Meet "Take notes for me", Otter, Fireflies, Fathom, tl;dv, Read.ai) can record and transcribe the session, and ReadyRoom cannot see them. Calls should not be recorded without agreement (NCSC).',
    source: 'NCSC',
    fix: {
      any: {
        steps: [
          'In the meeting, check that no AI companion, Copilot, recap, transcript or “take notes” feature is switched on.',
          'Look at the list of participants: remove any note-taking assistant (for example “Otter.ai” or “Fireflies.ai Notetaker”) that has joined.',
          'In your video platform’s settings, turn off automatic AI summaries and recordings for your meetings.',
          'In your web browser, switch off meeting-notes extensions during sessions.',
        ],
      },
    },
    confirm: 'Nothing in this meeting or my browser is taking notes, transcribing or recording the session.',
  },
  {
    id: 'room.private',
    category: 'room',
    step: 'privacy',
    kind: 'manual',
    severity: 'blocker',
    title: 'The room is private',
    why: 'Your client needs to know nobody else can hear them; a closed or locked door keeps others out and stops you being overheard (ACTO guidance, 2020).',
    source: acto,
    fix: {
      any: {
        steps: [
          'Close the door, and lock it if you can.',
          'Check nobody can overhear you from the next room or through an open window.',
          'Turn off the TV or radio in the room.',
        ],
      },
    },
    confirm: 'I am in a private room with the door closed, where nobody can overhear me.',
  },
  {
    id: 'room.nothing-visible',
    category: 'room',
    step: 'privacy',
    kind: 'manual',
    severity: 'blocker',
    title: 'Nothing confidential is in view',
    why: 'Your camera shows the client more than your face: notes, letters or a screen behind you could reveal other clients (NCSC).',
    source: 'NCSC',
    fix: {
      any: {
        steps: [
          'Look at the camera preview and check the space behind and beside you.',
          'Put away client notes, letters and anything with names on it.',
          'Turn away or switch off any other screen the camera can see.',
        ],
      },
    },
    confirm: 'Nothing confidential can be seen behind or beside me.',
    modalities: ['video'],
  },

  // Camera, microphone and headphones
  {
    id: 'media.camera',
    category: 'media',
    step: 'media',
    kind: 'media',
    severity: 'blocker',
    title: 'Camera works',
    why: 'Testing the camera before the client joins avoids starting the session by fixing equipment (NCSC).',
    source: 'NCSC',
    fix: {
      win32: {
        steps: [
          'Close other programs that may be using the camera, such as another video call.',
          'Open Settings, then Privacy & security, then Camera, and allow camera access for apps.',
          'Check the camera is plugged in, or that a privacy shutter is not covering it.',
        ],
        link: { label: 'Open camera settings', url: 'ms-settings:privacy-webcam' },
      },
      darwin: {
        steps: [
          'Close other programs that may be using the camera, such as another video call.',
          'Open System Settings, then Privacy & Security, then Camera, and switch ReadyRoom on.',
          'Quit and reopen ReadyRoom if it asks you to.',
        ],
        link: {
          label: 'Open camera settings',
          url: 'x-apple.systempreferences:com.apple.preference.security?Privacy_Camera',
        },
      },
      any: {
        steps: [
          'Close other programs that may be using the camera, such as another video call.',
          'Check the camera is plugged in, or that a privacy shutter is not covering it.',
          "Check your system's privacy settings allow apps to use the camera.",
        ],
      },
    },
    modalities: ['video'],
  },
  {
    id: 'media.lighting',
    category: 'media',
    step: 'media',
    kind: 'media',
    severity: 'advice',
    title: 'Your face is well lit',
    why: 'A window or lamp behind or beside you leaves your face in shadow, so the client cannot read your expressions (ACTO guidance, 2020).',
    source: acto,
    fix: {
      any: {
        steps: [
          'Face the window or the main light rather than sitting with it behind you.',
          'Close the curtains behind you, or move the lamp in front of you.',
          'If the room is dark, add a light in front of you, a little above eye level.',
        ],
      },
    },
    modalities: ['video'],
  },
  {
    id: 'media.microphone',
    category: 'media',
    step: 'media',
    kind: 'media',
    severity: 'blocker',
    title: 'Microphone picks up your voice',
    why: 'A muted, wrong or very quiet microphone is the most common reason a client cannot hear their therapist (NCSC).',
    source: 'NCSC',
    fix: {
      win32: {
        steps: [
          'Check the microphone is not muted, on the headset or on the keyboard.',
          'Open Settings, then Privacy & security, then Microphone, and allow microphone access for apps.',
          'In Settings, System, Sound, choose the microphone you mean to use.',
        ],
        link: { label: 'Open microphone settings', url: 'ms-settings:privacy-microphone' },
      },
      darwin: {
        steps: [
          'Check the microphone is not muted on the headset.',
          'Open System Settings, then Privacy & Security, then Microphone, and switch ReadyRoom on.',
          'In System Settings, Sound, Input, choose the microphone you mean to use.',
        ],
        link: {
          label: 'Open microphone settings',
          url: 'x-apple.systempreferences:com.apple.preference.security?Privacy_Microphone',
        },
      },
      any: {
        steps: [
          'Check the microphone is not muted, on the headset or on the keyboard.',
          "Choose the microphone you mean to use in your system's sound settings.",
          'Move a little closer to the microphone and speak at your normal volume.',
        ],
      },
    },
    modalities: ['video', 'audio'],
  },
  {
    id: 'media.output',
    category: 'audio',
    step: 'media',
    kind: 'media',
    severity: 'blocker',
    title: 'You can hear sound',
    why: 'If you cannot hear the test sound you will not hear your client either (NCSC).',
    source: 'NCSC',
    fix: {
      any: {
        steps: [
          'Turn the volume up and check sound is not muted.',
          'If you use headphones, check they are plugged in or connected.',
          "Choose the right speakers or headphones in your system's sound settings.",
        ],
      },
    },
    modalities: ['video', 'audio'],
  },
  {
    id: 'media.echo',
    category: 'audio',
    step: 'media',
    kind: 'media',
    severity: 'advice',
    title: 'You sound clear to your client',
    why: 'A quiet, distorted or noisy voice tires your client and makes them ask you to repeat yourself; hearing a short recording of yourself shows what they will hear (NCSC).',
    source: 'NCSC',
    fix: {
      any: {
        steps: [
          'Sit about a hand’s width to an arm’s length from the microphone, or use a headset with its own microphone.',
          'Choose a quiet room: close the door and windows, and turn off fans, radios and the TV.',
          'If you sound distorted, turn the microphone’s input volume down in your sound settings; if you sound faint, turn it up.',
        ],
      },
    },
    modalities: ['video', 'audio'],
  },
  {
    id: 'audio.headphones',
    category: 'audio',
    step: 'media',
    kind: 'manual',
    severity: 'advice',
    title: 'You are wearing headphones',
    why: 'Headphones keep your client from being overheard by anyone near you and make the sound clearer (ACTO guidance, 2020).',
    source: acto,
    fix: {
      any: {
        steps: [
          'Plug in or connect your headphones or earbuds before the session.',
          'If hearing aids make headphones hard to use, make sure the room is private and the volume is low.',
        ],
      },
    },
    confirm: 'I am using headphones or earbuds for this session.',
    modalities: ['video', 'audio'],
  },

  {
    id: 'audio.headset-charged',
    category: 'audio',
    step: 'media',
    kind: 'manual',
    severity: 'advice',
    title: 'Your headset will last the session',
    why: 'Many wireless headsets do not tell the computer how charged they are; one that runs flat mid-session leaves your client talking to silence. Headphones keep the session private (ACTO guidance, 2020), so keep them charged.',
    source: acto,
    fix: {
      any: {
        steps: [
          'Check the charge on the headset itself or in its phone app, and charge it if it is low.',
          'Keep a wired headset or the charging cable at hand.',
        ],
      },
    },
    confirm: 'My headset is charged enough for the session, or it is wired.',
    modalities: ['video', 'audio'],
  },

  // Safeguarding and session set-up
  {
    id: 'safeguarding.client-location',
    category: 'safeguarding',
    step: 'safeguarding',
    kind: 'manual',
    severity: 'blocker',
    title: 'You know where your client is today',
    why: 'If something goes wrong during the session you need to know where your client is to get them help, especially if they are far away or abroad (ACTO guidance, 2020).',
    source: acto,
    fix: {
      any: {
        steps: [
          'Ask your client at the start where they are for this session.',
          'Keep their full name, address, phone number and date of birth in your secure records, in case you need to contact services.',
        ],
      },
    },
    confirm: "I know my client's exact location for this session.",
    confirmForClient: 'I know where {client} is for this session (the exact location).',
    notApplicable: false,
  },
  {
    id: 'safeguarding.emergency-contacts',
    category: 'safeguarding',
    step: 'safeguarding',
    kind: 'manual',
    severity: 'blocker',
    title: 'Emergency contacts are at hand',
    why: 'At a distance you cannot step out to get help, so an emergency contact and local services need to be ready before you begin (ACTO guidance, 2020).',
    source: acto,
    fix: {
      any: {
        steps: [
          "Have your client's emergency contact and GP details where you can reach them during the session.",
          'Know the emergency number and crisis services for where your client is today.',
        ],
      },
    },
    confirm: 'I have emergency contacts for this client at hand.',
    confirmForClient: 'I have the emergency contact for {client} at hand.',
    notApplicable: false,
  },
  {
    id: 'safeguarding.link-private',
    category: 'safeguarding',
    step: 'safeguarding',
    kind: 'manual',
    severity: 'advice',
    title: 'The session link was sent privately',
    why: 'A link sent by ordinary text or e-mail, or kept in an online calendar, can be read by others and lets them join or learn about the session (ACTO guidance, 2020).',
    source: acto,
    fix: {
      any: {
        steps: [
          'Send session links by encrypted e-mail, or in a password-protected document.',
          'Do not put session links in an online calendar.',
          'Use a new link or meeting password if you think a link has been shared.',
        ],
      },
    },
    confirm: 'I sent the session link privately (encrypted e-mail), not by text or an online calendar.',
  },
  {
    id: 'safeguarding.platform-risks',
    category: 'safeguarding',
    step: 'safeguarding',
    kind: 'manual',
    severity: 'advice',
    title: "Your client knows the platform's privacy risks",
    why: 'No video platform is fully private: clients should know the company may see some of their data, so they can choose what to share (ACTO guidance, 2020).',
    source: acto,
    fix: {
      any: {
        steps: [
          'Tell your client, in plain words, what the platform company may be able to see or keep.',
          'Point them to their rights over their data on the ICO website.',
        ],
      },
    },
    confirm: 'My client knows this platform may not keep everything private.',
  },
  {
    id: 'safeguarding.meeting-locked',
    category: 'safeguarding',
    step: 'safeguarding',
    kind: 'manual',
    severity: 'blocker',
    title: 'Only your client can join, and nothing is recorded',
    why: 'A waiting room or meeting password stops anyone stumbling into the session, and recording left on keeps a copy you may not want to exist (NCSC).',
    source: 'NCSC',
    fix: {
      any: {
        steps: [
          'In the meeting settings, turn on the waiting room or a meeting password.',
          'Check that recording, automatic transcripts and cloud recording are off.',
          'Learn where the platform shows that a recording is running.',
        ],
      },
    },
    confirm: 'The meeting has a waiting room or password, and recording is off.',
  },
  {
    id: 'safeguarding.risks-documented',
    category: 'safeguarding',
    step: 'safeguarding',
    kind: 'manual',
    severity: 'advice',
    title: 'The risks of working online are in your paperwork',
    why: 'Writing down the known risks of working online, and that your client understands them, is part of showing due diligence (ACTO guidance, 2020).',
    source: acto,
    fix: {
      any: {
        steps: [
          "Add the risks of online sessions to your contract or the client's notes.",
          'Note that you discussed them with your client and when.',
        ],
      },
    },
    confirm: "The risks of working online are explained and recorded in this client's paperwork.",
  },
];
