/** The sections of Settings, in the order of the tab list. */
export const settingsSections = [
  { id: 'sessions', label: 'Sessions' },
  { id: 'checks', label: 'Checks' },
  { id: 'security', label: 'Security' },
  { id: 'data', label: 'Data' },
  { id: 'startup', label: 'Start at login' },
  { id: 'appearance', label: 'Appearance' },
] as const;

export type SettingsSectionId = (typeof settingsSections)[number]['id'];
