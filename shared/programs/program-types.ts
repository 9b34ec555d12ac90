export const programCategories = [
  'sync',
  'browser',
  'assistant',
  'chat',
  'media',
  'torrent',
  'remote-access',
  'recorder',
  'video',
  'other',
] as const;
export type ProgramCategory = (typeof programCategories)[number];

export const programCategoryLabels: Record<ProgramCategory, string> = {
  sync: 'Sync and backup',
  browser: 'Web browser',
  assistant: 'Voice assistant',
  chat: 'Chat and messaging',
  media: 'Music, streaming and games',
  torrent: 'File sharing',
  'remote-access': 'Remote access',
  recorder: 'Recorders and note-takers',
  video: 'Video calls',
  other: 'Other',
};

/** One running program (not one process) worth closing, as listed to the user. */
export interface ProgramRow {
  /** Opaque id of this listing entry; the only thing a close request may name. */
  readonly id: string;
  readonly name: string;
  readonly category: ProgramCategory;
  readonly pids: readonly number[];
  readonly closable: boolean;
  /** Why to close it or, when not closable, why ReadyRoom cannot. */
  readonly reason: string;
}

export const closeOutcomes = ['closed', 'still-running', 'refused', 'gone'] as const;
export type CloseOutcome = (typeof closeOutcomes)[number];

export interface CloseResult {
  readonly id: string;
  readonly name: string | null;
  readonly outcome: CloseOutcome;
  /** Plain-English detail, e.g. why it was refused. */
  readonly message: string;
}

export interface ReopenResult {
  readonly name: string;
  readonly outcome: 'reopened' | 'failed';
  readonly message: string;
}

/** What the session log records of a closed program: its name and category only. */
export interface ClosedProgram {
  readonly name: string;
  readonly category: ProgramCategory;
}
