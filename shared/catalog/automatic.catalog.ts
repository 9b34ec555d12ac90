import type { CatalogEntry } from './catalog-types';

/*
 * Catalog entries for the automatic checks (one per id in check-ids.ts).
 * Wording is ours; `source` names where the advice comes from. Steps are shown numbered in this order.
 * Deep links open the OS settings page; Linux desktops differ too much to link to one.
 */

const acto = 'ACTO guidance, 2020';

export const automaticCatalog: readonly CatalogEntry[] = [
  {
    id: 'connection.type',
    category: 'connection',
    step: 'connection',
    kind: 'automatic',
    severity: 'advice',
    title: 'Connected by cable',
    why: 'A cable to the router keeps the picture and sound steadier than Wi-Fi, which drops and slows more easily. The ACTO guidance suggests an ethernet cable when you can.',
    source: acto,
    fix: {
      win32: {
        steps: [
          'Plug a network cable from your computer into your router (a USB adapter works if there is no network socket).',
          'Wait a few seconds until Windows shows the cable connection.',
          'Run the check again.',
        ],
        link: { label: 'Open Ethernet settings', url: 'ms-settings:network-ethernet' },
      },
      darwin: {
        steps: [
          'Plug a network cable from your Mac into your router (most Macs need a USB-C or Thunderbolt ethernet adapter).',
          'Wait until Network settings shows the cable connection as connected.',
          'Run the check again.',
        ],
        link: { label: 'Open Network settings', url: 'x-apple.systempreferences:com.apple.Network-Settings.extension' },
      },
      linux: {
        steps: [
          'Plug a network cable from your computer into your router.',
          'Check in your desktop network menu that the wired connection is connected.',
          'Run the check again.',
        ],
      },
    },
  },
  {
    id: 'connection.wifi-signal',
    category: 'connection',
    step: 'connection',
    kind: 'automatic',
    severity: 'advice',
    title: 'Wi-Fi signal is strong',
    why: 'A weak Wi-Fi signal makes the call freeze or cut out. If you cannot use a cable, sit close to the router with few walls in between (ACTO guidance, 2020).',
    source: acto,
    fix: {
      win32: {
        steps: [
          'Move closer to your Wi-Fi router, or move the router into the open.',
          'If your router offers a 5 GHz network, connect to that one when you are near the router.',
          'Better still, connect with a network cable.',
        ],
        link: { label: 'Open Wi-Fi settings', url: 'ms-settings:network-wifi' },
      },
      darwin: {
        steps: [
          'Move closer to your Wi-Fi router, or move the router into the open.',
          'If your router offers a 5 GHz network, connect to that one when you are near the router.',
          'Better still, connect with a network cable and adapter.',
        ],
        link: { label: 'Open Wi-Fi settings', url: 'x-apple.systempreferences:com.apple.Network-Settings.extension' },
      },
      linux: {
        steps: [
          'Move closer to your Wi-Fi router, or move the router into the open.',
          'If your router offers a 5 GHz network, connect to that one when you are near the router.',
          'Better still, connect with a network cable.',
        ],
      },
    },
  },
  {
    id: 'connection.quality',
    category: 'connection',
    step: 'connection',
    kind: 'automatic',
    severity: 'blocker',
    title: 'Connection to the video platform is quick, steady and complete',
    why: 'ReadyRoom makes 60 quick connections to the server your platform uses for calls. Delay makes people talk over each other, uneven timing makes the picture stutter, and lost connections mean frozen video and missing words: Microsoft advises under 100 ms delay, under 30 ms jitter and under 1 % loss.',
    source: 'Microsoft Teams network guidance; ITU-T G.114',
    fix: {
      any: {
        steps: [
          'Pause downloads, updates, streaming and cloud sync on this computer and ask others at home to do the same during your session.',
          'Use a network cable instead of Wi-Fi if you can.',
          'Restart your router if the connection has been slow all day.',
          'If connections keep getting lost, move closer to the router or try another network, such as your phone’s hotspot.',
          'If it stays slow, consider holding the session by audio only.',
        ],
      },
      win32: {
        steps: [
          'Pause downloads, updates, streaming and cloud sync on this computer and ask others at home to do the same during your session.',
          'Use a network cable instead of Wi-Fi if you can.',
          'Restart your router if the connection has been slow all day.',
          'If connections keep getting lost, move closer to the router or try another network, such as your phone’s hotspot.',
          'If it stays slow, consider holding the session by audio only.',
        ],
        link: { label: 'Open network status', url: 'ms-settings:network-status' },
      },
    },
  },
  {
    id: 'connection.throughput',
    category: 'connection',
    step: 'connection',
    kind: 'automatic',
    severity: 'blocker',
    title: 'Enough speed for video',
    why: 'A one-to-one HD video call needs about 1.5 Mbit/s each way; below about 0.75 Mbit/s video becomes unreliable. Microsoft and doxy.me publish figures in this range.',
    source: 'Microsoft Teams bandwidth guidance; doxy.me',
    modalities: ['video'],
    fix: {
      any: {
        steps: [
          'Close programs that download or upload, such as cloud sync, updates and streaming.',
          'Ask others at home to pause streaming and downloads during your session.',
          'Use a network cable instead of Wi-Fi if you can.',
          'If the speed stays low, offer an audio-only session instead.',
        ],
      },
    },
  },
  {
    id: 'connection.busy',
    category: 'connection',
    step: 'connection',
    kind: 'automatic',
    severity: 'advice',
    title: 'Connection is not busy with other traffic',
    why: 'Programs that stream or sync in the background take bandwidth your session needs. The ACTO guidance asks you to keep the connection as free as possible while you work.',
    source: acto,
    fix: {
      win32: {
        steps: [
          'Pause cloud sync (OneDrive, Dropbox, Google Drive) from its icon near the clock.',
          'Close music and video streaming, game launchers and download programs.',
          'Pause Windows Update until after the session if it is downloading.',
          'Run the check again.',
        ],
        link: { label: 'Open data usage', url: 'ms-settings:datausage' },
      },
      darwin: {
        steps: [
          'Pause cloud sync (iCloud Drive uploads, Dropbox, Google Drive) from its menu-bar icon.',
          'Close music and video streaming, game launchers and download programs.',
          'Postpone macOS or App Store updates that are downloading.',
          'Run the check again.',
        ],
      },
      linux: {
        steps: [
          'Pause cloud sync (Nextcloud, Dropbox, Syncthing) from its icon or menu.',
          'Close music and video streaming, torrent and download programs.',
          'Run the check again.',
        ],
      },
    },
  },
  {
    id: 'computer.power',
    category: 'computer',
    step: 'connection',
    kind: 'automatic',
    severity: 'blocker',
    title: 'Plugged in or well charged',
    why: 'A laptop that runs flat ends the session abruptly, and battery saving can slow video. NHS advice for video appointments is to have the charger at hand.',
    source: 'NHS video consultation advice',
    fix: {
      win32: {
        steps: [
          'Plug in your laptop charger.',
          'Check the battery icon near the clock shows it is charging.',
          'Run the check again.',
        ],
        link: { label: 'Open power and battery settings', url: 'ms-settings:batterysaver' },
      },
      darwin: {
        steps: [
          'Plug in your Mac charger.',
          'Check the battery icon in the menu bar shows it is charging.',
          'Run the check again.',
        ],
        link: { label: 'Open Battery settings', url: 'x-apple.systempreferences:com.apple.preference.battery' },
      },
      linux: {
        steps: [
          'Plug in your laptop charger.',
          'Check the battery indicator shows it is charging.',
          'Run the check again.',
        ],
      },
    },
  },
  {
    id: 'computer.headroom',
    category: 'computer',
    step: 'connection',
    kind: 'automatic',
    severity: 'advice',
    title: 'Computer has room for video',
    why: 'Video calls need spare processor time and memory; when other programs use them up, the picture freezes and the sound breaks. The ACTO guidance asks you to close programs you do not need.',
    source: acto,
    fix: {
      win32: {
        steps: [
          'Close programs and browser tabs you will not need in the session.',
          'Press Ctrl + Shift + Esc to open Task Manager and see what is using the processor or memory.',
          'If the computer has been on for days, restart it before the session.',
        ],
      },
      darwin: {
        steps: [
          'Quit apps and browser tabs you will not need in the session (Command + Q).',
          'Open Activity Monitor (in Applications › Utilities) to see what is using the processor or memory.',
          'If the Mac has been on for days, restart it before the session.',
        ],
      },
      linux: {
        steps: [
          'Close programs and browser tabs you will not need in the session.',
          'Open your System Monitor to see what is using the processor or memory.',
          'If the computer has been on for days, restart it before the session.',
        ],
      },
    },
  },
  {
    id: 'computer.sleep',
    category: 'computer',
    step: 'connection',
    kind: 'automatic',
    severity: 'advice',
    title: 'Computer stays awake for the whole session',
    why: 'A computer that goes to sleep after a few idle minutes can drop the call, most often in audio-only sessions where you do not touch the keyboard. Microsoft and Apple let you lengthen the sleep time or keep the computer awake for a while.',
    source: 'Microsoft and Apple power settings documentation',
    fix: {
      win32: {
        steps: [
          'Open Settings › System › Power & battery › Screen, sleep & hibernate timeouts.',
          'Set “Make my device sleep after” to longer than your session (or Never while plugged in).',
          'Leave the screen timeout short: the call app keeps the screen on during video, and a short timeout keeps your screen private when you step away.',
          'On a laptop, Windows Mobility Center (Windows key + X) offers presentation settings that keep the computer awake until you turn them off.',
        ],
        link: { label: 'Open power settings', url: 'ms-settings:powersleep' },
      },
      darwin: {
        steps: [
          'Open System Settings › Battery › Options (Energy on desktop Macs) and turn on “Prevent automatic sleeping when the display is off” for the power adapter.',
          'Keep the display on the charger during the session.',
          'For one session only: open Terminal and type “caffeinate -d -t 4500” to keep the Mac awake for 75 minutes (close Terminal to stop it).',
        ],
        link: { label: 'Open Battery settings', url: 'x-apple.systempreferences:com.apple.preference.battery' },
      },
      linux: {
        steps: [
          'Open your desktop settings › Power and set “Automatic suspend” to off or longer than your session while plugged in.',
          'Keep the blank-screen delay short: video calls keep the screen on, and a short delay keeps your screen private.',
          'For one session only, a terminal command such as “systemd-inhibit --what=sleep sleep 4500” keeps the computer awake for 75 minutes.',
        ],
      },
    },
  },
  {
    id: 'computer.updates',
    category: 'computer',
    step: 'programs',
    kind: 'automatic',
    severity: 'blocker',
    title: 'No restart or update due during the session',
    why: 'Installing updates promptly keeps the computer safe (NCSC), but a restart or an update that starts during a session cuts the call or slows it to a crawl. Restart before the session, or postpone until it is over.',
    source: 'NCSC; Microsoft Windows Update, Apple Software Update and Debian unattended-upgrades documentation',
    fix: {
      win32: {
        steps: [
          'If there is time, restart now (Start › Power › Update and restart) and run the check again.',
          'Otherwise open Settings › Windows Update and choose “Pause updates” or “Schedule the restart” for after the session.',
          'Set your active hours to cover your working day, so Windows does not restart by itself while you work.',
        ],
        link: { label: 'Open Windows Update', url: 'ms-settings:windowsupdate' },
      },
      darwin: {
        steps: [
          'If there is time, open System Settings › General › Software Update, install the update and restart before the session.',
          'Otherwise choose “Later” or “Remind me tomorrow” when macOS offers to install, and install after the session.',
          'Plug the Mac in overnight so automatic installs happen then rather than during the day.',
        ],
        link: {
          label: 'Open Software Update',
          url: 'x-apple.systempreferences:com.apple.Software-Update-Settings.extension',
        },
      },
      linux: {
        steps: [
          'If a restart is needed and there is time, save your work and restart now, then run the check again.',
          'Otherwise restart after the session; Linux keeps working normally until then.',
          'If automatic updates are due during the session, let them finish first or start the session after them.',
        ],
      },
    },
  },
  {
    id: 'computer.background-tasks',
    category: 'computer',
    step: 'programs',
    kind: 'automatic',
    severity: 'advice',
    title: 'No backup or scan due during the session',
    why: 'Backups and virus scans are good habits, but one that starts during a session can take the processor, disk and connection the call needs. Microsoft and Apple let you choose when they run; the ACTO guidance asks you to keep the connection free.',
    source: 'Microsoft Defender and File History, Apple Time Machine documentation; ACTO guidance, 2020',
    fix: {
      win32: {
        steps: [
          'Run a backup or scan now if it is due, so it has finished before the session.',
          'In Windows Security › Virus & threat protection, avoid starting a full scan before a session; scheduled scans can be moved by your IT support.',
          'For File History, choose Control Panel › File History › Advanced settings and save copies less often (for example daily).',
        ],
        link: { label: 'Open backup settings', url: 'ms-settings:backup' },
      },
      darwin: {
        steps: [
          'If Time Machine is backing up, let it finish or choose “Skip This Backup” from the Time Machine menu.',
          'In System Settings › General › Time Machine › Options, choose to back up daily or manually instead of every hour.',
          'Back up after the session instead.',
        ],
      },
      linux: {
        steps: [
          'Let a backup or system job that is due soon finish before the session, or start it after.',
          'Your backup program’s settings (for example Déjà Dup “Backups”) let you choose when it runs.',
          'System jobs such as update downloads can be moved with “sudo systemctl edit <name>.timer” if you know how; otherwise leave them.',
        ],
      },
    },
  },
  {
    id: 'programs.background',
    category: 'programs',
    step: 'programs',
    kind: 'automatic',
    severity: 'advice',
    title: 'Background programs are closed',
    why: 'Sync clients such as Dropbox, other browsers, streaming and chat slow the computer and connection and can pop up during a session. The ACTO guidance asks you to shut down programs you are not using.',
    source: acto,
    fix: {
      any: {
        steps: [
          'Tick them on ReadyRoom’s programs step and choose “Close selected”, or close each program yourself.',
          'Save any open work first: ReadyRoom asks programs to close politely and reopens them afterwards if you wish.',
          'Run the check again.',
        ],
      },
      win32: {
        steps: [
          'Tick them on ReadyRoom’s programs step and choose “Close selected”, or close each program yourself.',
          'Save any open work first: ReadyRoom asks programs to close politely and reopens them afterwards if you wish.',
          'To stop a program starting by itself every day, turn it off in Startup apps.',
        ],
        link: { label: 'Open Startup apps', url: 'ms-settings:startupapps' },
      },
    },
  },
  {
    id: 'programs.remote-access',
    category: 'programs',
    step: 'programs',
    kind: 'automatic',
    severity: 'advice',
    title: 'No remote-access program',
    why: 'Remote-control and screen-sharing tools could let someone else see or control your computer during the session without you noticing. Confidentiality is the heart of the ACTO guidance.',
    source: acto,
    fix: {
      win32: {
        steps: [
          'Close remote-control programs (for example TeamViewer, AnyDesk) unless your IT support needs them right now.',
          'If you do not use Remote Desktop, turn it off in Settings.',
          'Run the check again.',
        ],
        link: { label: 'Open Remote Desktop settings', url: 'ms-settings:remotedesktop' },
      },
      darwin: {
        steps: [
          'Quit remote-control apps (for example TeamViewer, AnyDesk) unless your IT support needs them right now.',
          'In System Settings › General › Sharing, turn off Screen Sharing and Remote Management if you do not use them.',
          'Run the check again.',
        ],
        link: { label: 'Open Sharing settings', url: 'x-apple.systempreferences:com.apple.Sharing-Settings.extension' },
      },
      linux: {
        steps: [
          'Close remote-control programs (for example TeamViewer, AnyDesk).',
          'Turn off desktop sharing or remote desktop in your desktop settings if you do not use them.',
          'Run the check again.',
        ],
      },
    },
  },
  {
    id: 'privacy.voice-assistants',
    category: 'privacy',
    step: 'privacy',
    kind: 'automatic',
    severity: 'advice',
    title: 'No voice assistant listening',
    why: 'Voice assistants listen for their wake word and may record what is said near them. The ACTO guidance asks you to turn off listening devices such as Alexa and Siri before a session.',
    source: acto,
    fix: {
      win32: {
        steps: [
          'Open Settings › Privacy & security › Voice activation.',
          'Turn off “Let apps access voice activation services”.',
          'Close any assistant app that is running (for example Cortana or Alexa).',
        ],
        link: { label: 'Open voice activation settings', url: 'ms-settings:privacy-voiceactivation' },
      },
      darwin: {
        steps: [
          'Open System Settings › Siri (or Siri & Spotlight).',
          'Turn off “Listen for …” or turn Siri off altogether.',
          'Remember phones, watches and smart speakers in the room too.',
        ],
        link: { label: 'Open Siri settings', url: 'x-apple.systempreferences:com.apple.Siri-Settings.extension' },
      },
      linux: {
        steps: [
          'Close any voice assistant program that is running.',
          'Remember phones, watches and smart speakers in the room too.',
        ],
      },
    },
  },
  {
    id: 'privacy.mic-camera-in-use',
    category: 'privacy',
    step: 'privacy',
    kind: 'automatic',
    severity: 'advice',
    title: 'Microphone and camera are free',
    why: 'A program that is already using the microphone or camera could be listening in, and it can stop your video app from using them. NCSC advises knowing when your microphone and camera are on.',
    source: 'NCSC video conferencing guidance',
    fix: {
      win32: {
        steps: [
          'Close the programs named above unless you opened them on purpose.',
          'Settings › Privacy & security › Microphone (and Camera) lists “Currently in use” apps.',
          'Run the check again.',
        ],
        link: { label: 'Open microphone privacy settings', url: 'ms-settings:privacy-microphone' },
      },
      darwin: {
        steps: [
          'Look for an orange (microphone) or green (camera) dot at the top right of the screen; open Control Centre to see which app is using it.',
          'Quit that app unless you opened it on purpose.',
          'In System Settings › Privacy & Security › Microphone and Camera, switch off apps that do not need them.',
        ],
        link: {
          label: 'Open microphone privacy settings',
          url: 'x-apple.systempreferences:com.apple.preference.security?Privacy_Microphone',
        },
      },
      linux: {
        steps: ['Close the programs named above unless you opened them on purpose.', 'Run the check again.'],
      },
    },
  },
  {
    id: 'privacy.recording',
    category: 'privacy',
    step: 'privacy',
    kind: 'automatic',
    severity: 'blocker',
    title: 'Nothing is recording this computer',
    why: 'A screen or sound recorder, an AI note-taker or Windows Recall could keep a copy of the session that your client never agreed to. NCSC advises making sure calls are not recorded without agreement, and the ACTO guidance puts confidentiality first.',
    source: 'NCSC video conferencing guidance; ACTO guidance, 2020; Microsoft Recall documentation',
    fix: {
      win32: {
        steps: [
          'Close the recorders and note-takers named above (ReadyRoom’s programs step can close them), unless your client has agreed to a recording.',
          'If Windows Recall is on, click its icon near the clock and pause it, or turn off Settings › Privacy & security › Recall & snapshots › Save snapshots.',
          'If Xbox Game Bar records in the background, turn off Settings › Gaming › Captures › Record what happened.',
          'Run the check again.',
        ],
        link: { label: 'Open capture settings', url: 'ms-settings:gaming-gamedvr' },
      },
      darwin: {
        steps: [
          'Quit the recorders and note-takers named above (ReadyRoom’s programs step can close them), unless your client has agreed to a recording.',
          'If a screen recording is running, click the stop button in the menu bar.',
          'In System Settings › Privacy & Security › Screen & System Audio Recording, switch off apps that do not need it.',
          'Run the check again.',
        ],
        link: {
          label: 'Open Privacy & Security',
          url: 'x-apple.systempreferences:com.apple.preference.security?Privacy_ScreenCapture',
        },
      },
      linux: {
        steps: [
          'Close the recorders named above (ReadyRoom’s programs step can close them), unless your client has agreed to a recording.',
          'Stop any screen sharing or recording your desktop shows in its top bar.',
          'Run the check again.',
        ],
      },
    },
  },
  {
    id: 'privacy.notifications',
    category: 'privacy',
    step: 'privacy',
    kind: 'automatic',
    severity: 'advice',
    title: 'Do Not Disturb is on',
    why: 'Pop-up messages can break your concentration and show private details if you share your screen. NCSC advises thinking about what others can see during a call.',
    source: 'NCSC video conferencing guidance',
    fix: {
      win32: {
        steps: [
          'Open the notification centre (Windows key + N) and turn on Do not disturb (Focus assist on Windows 10).',
          'Windows does not let ReadyRoom see this setting, so check it yourself: the bell next to the clock shows a small moon or a line through it while Do not disturb is on.',
          'Keep it on until the session ends.',
        ],
        link: { label: 'Open notification settings', url: 'ms-settings:notifications' },
      },
      darwin: {
        steps: [
          'Open Control Centre in the menu bar and choose Focus › Do Not Disturb.',
          'Check that the Focus icon (a moon) shows in the menu bar, and keep it on until the session ends.',
          'macOS only lets programs with Full Disk Access see the Focus setting. If you want ReadyRoom to check it for you, turn ReadyRoom on in System Settings › Privacy & Security › Full Disk Access (optional).',
        ],
        link: { label: 'Open Focus settings', url: 'x-apple.systempreferences:com.apple.Focus-Settings.extension' },
      },
      linux: {
        steps: [
          'Open the notification list (on GNOME, click the clock) and turn on Do Not Disturb.',
          'Keep it on until the session ends.',
        ],
      },
    },
  },
  {
    id: 'audio.output',
    category: 'audio',
    step: 'media',
    kind: 'automatic',
    severity: 'advice',
    modalities: ['video', 'audio'],
    title: 'Sound goes to headphones',
    why: 'With headphones the client cannot be overheard by anyone near you, and there is no echo. The ACTO guidance suggests headphones for every session where you can use them.',
    source: acto,
    fix: {
      win32: {
        steps: [
          'Plug in or connect your headphones or headset.',
          'Click the speaker icon near the clock and choose the headphones as the output.',
          'Run the check again; the sound test on the next step confirms it.',
        ],
        link: { label: 'Open sound settings', url: 'ms-settings:sound' },
      },
      darwin: {
        steps: [
          'Plug in or connect your headphones or headset.',
          'Open Control Centre › Sound and choose the headphones as the output.',
          'ReadyRoom recognises a wired or Bluetooth headset when its microphone is also in use; for other headphones it cannot tell, so the sound test on the next step confirms it.',
        ],
        link: { label: 'Open Sound settings', url: 'x-apple.systempreferences:com.apple.preference.sound' },
      },
      linux: {
        steps: [
          'Plug in or connect your headphones or headset.',
          'Choose them as the sound output in your desktop sound settings.',
          'Run the check again; the sound test on the next step confirms it.',
        ],
      },
    },
  },
  {
    id: 'audio.headset-battery',
    category: 'audio',
    step: 'media',
    kind: 'automatic',
    severity: 'advice',
    modalities: ['video', 'audio'],
    title: 'Wireless headset has enough charge',
    why: 'A wireless headset that runs flat mid-session leaves your client talking to silence while you reconnect. Headphones are what the ACTO guidance recommends, so keep them charged; Apple and Microsoft show their charge where the headset reports it.',
    source: 'ACTO guidance, 2020; Apple and Microsoft Bluetooth documentation',
    fix: {
      win32: {
        steps: [
          'Charge the headset, or plug in a wired one for this session.',
          'Settings › Bluetooth & devices shows the charge of headsets that report it.',
          'Run the check again.',
        ],
        link: { label: 'Open Bluetooth settings', url: 'ms-settings:bluetooth' },
      },
      darwin: {
        steps: [
          'Charge the headset or AirPods, or plug in a wired headset for this session.',
          'The Bluetooth menu in Control Centre shows the charge of headsets that report it.',
          'Run the check again.',
        ],
        link: { label: 'Open Bluetooth settings', url: 'x-apple.systempreferences:com.apple.BluetoothSettings' },
      },
      linux: {
        steps: [
          'Charge the headset, or plug in a wired one for this session.',
          'Your desktop’s Bluetooth or power menu shows the charge of headsets that report it.',
          'Run the check again.',
        ],
      },
    },
  },
  {
    id: 'security.firewall',
    category: 'security',
    step: 'security',
    kind: 'automatic',
    severity: 'advice',
    title: 'Firewall is on',
    why: 'A firewall stops other devices on the network from reaching into your computer. The ACTO guidance expects a good firewall on any computer used for client work.',
    source: acto,
    fix: {
      win32: {
        steps: [
          'Open Windows Security › Firewall & network protection.',
          'Turn on the firewall for the network marked “(active)”, then for the others.',
          'If another security product manages your firewall, open it and switch its firewall on.',
        ],
        link: { label: 'Open Windows Security', url: 'ms-settings:windowsdefender' },
      },
      darwin: {
        steps: [
          'Open System Settings › Network › Firewall.',
          'Turn the firewall on (you may need your Mac password).',
          'Run the check again.',
        ],
        link: {
          label: 'Open Firewall settings',
          url: 'x-apple.systempreferences:com.apple.preference.security?Firewall',
        },
      },
      linux: {
        steps: [
          'Install a firewall manager if you have none: on Ubuntu and Debian, “sudo apt install ufw”; Fedora comes with firewalld.',
          'Turn it on: “sudo ufw enable” and “sudo systemctl enable --now ufw”, or “sudo systemctl enable --now firewalld”.',
          'Run the check again.',
        ],
      },
    },
  },
  {
    id: 'security.antivirus',
    category: 'security',
    step: 'security',
    kind: 'automatic',
    severity: 'advice',
    title: 'Antivirus is on and up to date',
    why: 'Malware could read your notes or watch your sessions. The ACTO guidance expects anti-virus and anti-malware protection, kept up to date, on the computer you use for client work.',
    source: acto,
    fix: {
      win32: {
        steps: [
          'Open Windows Security › Virus & threat protection.',
          'Turn on Real-time protection, or open your own antivirus product and switch it on (when another product is installed, Microsoft Defender steps back and only that product protects you).',
          'If your antivirus subscription has expired, renew it or uninstall it so Microsoft Defender takes over again.',
          'Click “Protection updates” › “Check for updates”.',
        ],
        link: { label: 'Open Windows Security', url: 'ms-settings:windowsdefender' },
      },
      darwin: {
        steps: [
          'macOS’s built-in protection (XProtect) updates through Software Update.',
          'Open System Settings › General › Software Update › Automatic Updates and turn on “Install Security Responses and system files”.',
          'If you use another antivirus, open it and make sure it is on and updated.',
        ],
        link: {
          label: 'Open Software Update',
          url: 'x-apple.systempreferences:com.apple.Software-Update-Settings.extension',
        },
      },
      linux: {
        steps: [
          'ReadyRoom can only recognise ClamAV on Linux. If you use other security software, open it and make sure it is on and up to date.',
          'If you use ClamAV, start it: “sudo systemctl enable --now clamav-daemon clamav-freshclam”.',
          'Keep the system updated through your software updater.',
        ],
      },
    },
  },
  {
    id: 'security.disk-encryption',
    category: 'security',
    step: 'security',
    kind: 'automatic',
    severity: 'advice',
    title: 'System drive is encrypted',
    why: 'If the computer is lost or stolen, encryption keeps client notes and logs unreadable. The ACTO guidance recommends encrypting data on your own computer, and the ICO expects it for personal data.',
    source: `${acto}; ICO`,
    fix: {
      win32: {
        steps: [
          'Open Settings › Privacy & security › Device encryption and turn it on (Windows Home).',
          'On Windows Pro, search the Start menu for “Manage BitLocker” and turn BitLocker on for the C: drive.',
          'Keep the recovery key somewhere safe, away from the computer.',
          'Leave the computer on and plugged in until encryption finishes.',
        ],
        link: { label: 'Open Device encryption settings', url: 'ms-settings:deviceencryption' },
      },
      darwin: {
        steps: [
          'Open System Settings › Privacy & Security › FileVault and click Turn On.',
          'If FileVault says it will switch on at the next restart, restart the Mac (or sign out and in) before the session.',
          'Keep the recovery key somewhere safe, away from the Mac.',
          'Leave the Mac plugged in until encryption finishes.',
        ],
        link: { label: 'Open FileVault settings', url: 'x-apple.systempreferences:com.apple.preference.security?FDE' },
      },
      linux: {
        steps: [
          'Back up your files.',
          'Full-disk encryption is chosen when Linux is installed: reinstall and tick “Encrypt the new installation” (LUKS).',
          'Ask someone technical to help if you are unsure.',
        ],
      },
    },
  },
  {
    id: 'security.screen-lock',
    category: 'security',
    step: 'security',
    kind: 'automatic',
    severity: 'advice',
    title: 'Screen locks with a password when idle',
    why: 'If you step away, a locked screen keeps others in the household from seeing client details. NCSC advises a screen lock, and the ACTO guidance asks for a private, password-protected account.',
    source: `NCSC; ${acto}`,
    fix: {
      win32: {
        steps: [
          'Open Settings › Accounts › Sign-in options and set “If you’ve been away, when should Windows require you to sign in again?” to “When PC wakes up from sleep” (or “Every time”).',
          'Open Settings › System › Power and set the screen to turn off and the computer to sleep after 10 minutes or less.',
          'Turn off automatic sign-in if it is on.',
          'Windows hides the sign-in setting on some laptops; if ReadyRoom could not read it, close the lid for a minute, open it, and check that Windows asks for your password or PIN.',
        ],
        link: { label: 'Open sign-in options', url: 'ms-settings:signinoptions' },
      },
      darwin: {
        steps: [
          'Open System Settings › Lock Screen.',
          'Set “Turn display off when inactive” to 10 minutes or less.',
          'Set “Require password after screen saver begins or display is turned off” to “Immediately”.',
          'Turn off automatic login in System Settings › Users & Groups.',
        ],
        link: {
          label: 'Open Lock Screen settings',
          url: 'x-apple.systempreferences:com.apple.Lock-Screen-Settings.extension',
        },
      },
      linux: {
        steps: [
          'Open your desktop settings › Privacy (or Power) › Screen Lock; on KDE, System Settings › Screen Locking.',
          'Turn on Automatic Screen Lock and set the blank-screen delay to 10 minutes or less.',
          'Turn off automatic login in Users settings.',
        ],
      },
    },
  },
  {
    id: 'security.os-support',
    category: 'security',
    step: 'security',
    kind: 'automatic',
    severity: 'advice',
    title: 'Operating system still gets security updates',
    why: 'Once the maker stops sending security fixes, new weaknesses stay open for good. The ICO advises keeping software up to date.',
    source: 'ICO; Microsoft, Apple and Linux distribution support dates',
    fix: {
      win32: {
        steps: [
          'Open Settings › Windows Update and install every update offered.',
          'If an upgrade to a newer Windows version is offered, install it.',
          'If your computer cannot run a supported Windows, plan to replace it.',
        ],
        link: { label: 'Open Windows Update', url: 'ms-settings:windowsupdate' },
      },
      darwin: {
        steps: [
          'Open System Settings › General › Software Update and install the latest macOS your Mac offers.',
          'If your Mac cannot run a supported macOS, plan to replace it.',
        ],
        link: {
          label: 'Open Software Update',
          url: 'x-apple.systempreferences:com.apple.Software-Update-Settings.extension',
        },
      },
      linux: {
        steps: [
          'Install all updates with your software updater.',
          'Upgrade to a release your distribution still supports.',
        ],
      },
    },
  },
  {
    id: 'security.user-accounts',
    category: 'security',
    step: 'security',
    kind: 'automatic',
    severity: 'advice',
    title: 'One person, one account',
    why: 'On a computer shared with family, each person needs their own account with a private password so your client files stay yours alone. The ACTO guidance asks for exactly this.',
    source: acto,
    fix: {
      win32: {
        steps: [
          'Make sure everyone who uses this computer has their own account and does not know your password.',
          'Give your account a strong password you use nowhere else.',
          'Remove accounts nobody uses, and keep the guest account off.',
        ],
        link: { label: 'Open family & other users', url: 'ms-settings:otherusers' },
      },
      darwin: {
        steps: [
          'Make sure everyone who uses this Mac has their own account and does not know your password.',
          'Give your account a strong password you use nowhere else.',
          'Remove accounts nobody uses, and turn off the guest user.',
        ],
        link: {
          label: 'Open Users & Groups',
          url: 'x-apple.systempreferences:com.apple.Users-Groups-Settings.extension',
        },
      },
      linux: {
        steps: [
          'Make sure everyone who uses this computer has their own account and does not know your password.',
          'Give your account a strong password you use nowhere else.',
          'Remove accounts nobody uses.',
        ],
      },
    },
  },
];
