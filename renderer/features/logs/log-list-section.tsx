import { useEffect, useMemo, useState } from 'react';

import { clientCodeKey } from '../../../shared/logs/client-code';
import { withoutHiddenCharacters } from '../../../shared/text/visible-text';
import { useLogsStore } from '../../stores/logs-store';
import { followFilterHistory } from './log-filters-history';
import { isFilterActive } from './log-filters-model';
import { LogFilters } from './log-filters';
import { LogList } from './log-list';

const count = new Intl.NumberFormat('en-GB');
const logsWord = (n: number) => `${count.format(n)} log${n === 1 ? '' : 's'}`;

/** What the polite live region says: how many logs are listed, and whether more are coming. */
function listStatus(state: {
  readonly loaded: boolean;
  readonly complete: boolean;
  readonly filtered: boolean;
  readonly searchingNotes: boolean;
  readonly shown: number;
  readonly total: number;
}): string {
  if (!state.loaded) return 'Loading your logs…';
  if (state.searchingNotes) return 'Searching the notes…';
  if (!state.complete) return `Showing the newest ${logsWord(state.shown)}; loading the rest…`;
  if (!state.filtered) return `${logsWord(state.total)}.`;
  return `${count.format(state.shown)} of ${logsWord(state.total)} match.`;
}

/** "Your logs": the filters, the count read out politely, and the list itself. */
export function LogListSection() {
  const all = useLogsStore((s) => s.all);
  const logs = useLogsStore((s) => s.logs);
  const loaded = useLogsStore((s) => s.loaded);
  const complete = useLogsStore((s) => s.complete);
  const error = useLogsStore((s) => s.error);
  const notesError = useLogsStore((s) => s.notesError);
  const filter = useLogsStore((s) => s.filter);
  const searchingNotes = useLogsStore((s) => s.searchingNotes);
  const lastOpened = useLogsStore((s) => s.lastOpened);
  const open = useLogsStore((s) => s.open);
  // Back from a log: its row gets focus once, then filters never take focus away from their fields.
  const [returnTo, setReturnTo] = useState(lastOpened);

  useEffect(() => followFilterHistory(), []);

  // Suggested as typed: a code an older version saved with hidden characters is found by what it looks like.
  const knownClients = useMemo(() => {
    const byKey = new Map<string, string>();
    for (const log of all) {
      const key = clientCodeKey(log.clientCode);
      if (!byKey.has(key)) byKey.set(key, withoutHiddenCharacters(log.clientCode));
    }
    return [...byKey.values()].sort();
  }, [all]);
  const filtered = isFilterActive(filter);

  return (
    <section className="rr-card" aria-labelledby="rr-logs-list-title">
      <h2 id="rr-logs-list-title">Your logs</h2>
      <LogFilters knownClients={knownClients} />
      {error && (
        <p className="rr-alert rr-alert--error" role="alert">
          {error.message}
        </p>
      )}
      {notesError && (
        <p className="rr-alert rr-alert--error" role="alert">
          The notes could not be searched: {notesError.message}
        </p>
      )}
      <p role="status" aria-live="polite" className="rr-muted">
        {listStatus({ loaded, complete, filtered, searchingNotes, shown: logs.length, total: all.length })}
      </p>
      {loaded && (
        <LogList
          key={JSON.stringify(filter)}
          logs={logs}
          filtered={filtered}
          returnTo={returnTo}
          onReturned={() => setReturnTo(null)}
          onOpen={(id) => void open(id)}
        />
      )}
    </section>
  );
}
