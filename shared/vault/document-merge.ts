/**
 * How a restore adds a backup's copy of one vault document (the incident log, the client set-ups,
 * the practice review) to the one here. The vault knows only that a document is JSON; each domain
 * gives a merge function (wired in main/composition/service-graph.ts), which must be pure, must
 * validate the backup's copy with its own schema, and must only ever add: what is here wins.
 */

/** What the merge may ask about this vault. */
export interface DocumentMergeContext {
  /**
   * When this client was last erased here (or, for a backup of this vault, by an erasure record
   * the backup holds); undefined when never. Something about the client from before then stays out.
   */
  erasedAt(clientCode: string): string | undefined;
}

/** Counts, by entry (an incident, a client's set-up, a review item). */
export interface DocumentMergeCounts {
  /** Entries added, or (the review) brought up to date from the backup. */
  readonly added: number;
  /** Entries left out because this vault's own copy wins, or the client was erased here. */
  readonly skipped: number;
  /** Entries (or the whole document) this version cannot read: left out, never written over ours. */
  readonly invalid: number;
}

export interface DocumentMergeResult extends DocumentMergeCounts {
  /** The document to save, or null to leave ours exactly as it is. */
  readonly value: unknown;
}

/** `ours` is null when this vault has none. Never throws for bad input: counts it as invalid. */
export type DocumentMerger = (ours: unknown, theirs: unknown, context: DocumentMergeContext) => DocumentMergeResult;

/** The counts of every entry of a document that could not be taken (ours unreadable, or theirs). */
export function unmerged(invalid: number): DocumentMergeResult {
  return { value: null, added: 0, skipped: 0, invalid };
}

const entryWords: Readonly<Record<string, readonly [string, string]>> = {
  incidents: ['incident', 'incidents'],
  'client-profiles': ['client set-up', 'client set-ups'],
  'practice-review': ['practice review item', 'practice review items'],
};

/**
 * What a restore did to the documents, in plain words for the restore message (the window and the
 * command line): what it brought back, and how many entries this version could not read.
 */
export function describeRestoredDocuments(
  documents: Readonly<Record<string, DocumentMergeCounts>> | undefined,
): string[] {
  if (!documents) return [];
  const added: string[] = [];
  let invalid = 0;
  for (const [name, counts] of Object.entries(documents)) {
    invalid += counts.invalid;
    const words = entryWords[name];
    if (words && counts.added > 0) added.push(`${counts.added} ${counts.added === 1 ? words[0] : words[1]}`);
  }
  const parts: string[] = [];
  if (added.length > 0) {
    const list = added.length === 1 ? added[0] : `${added.slice(0, -1).join(', ')} and ${added.at(-1)}`;
    parts.push(`brought back ${list}`);
  }
  if (invalid > 0)
    parts.push(
      `${invalid} ${invalid === 1 ? 'entry' : 'entries'} of the incident log, client set-ups or practice review could not be read by this version of ReadyRoom`,
    );
  return parts;
}
