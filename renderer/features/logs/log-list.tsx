import { useState } from 'react';

import { outcomeLabels, type LogSummary } from '../../../shared/logs/readiness-log';
import { showHiddenCharacters } from '../../../shared/text/visible-text';
import { Button } from '../../components/button';
import { OutcomeBadge } from './outcome-badge';
import { attentionText, judgedText, platformName, shortWhen } from './log-format';

const pageSize = 100;

/** The logs as a table, newest first, a hundred at a time. */
export function LogList({
  logs,
  filtered,
  onOpen,
}: {
  readonly logs: readonly LogSummary[];
  readonly filtered: boolean;
  readonly onOpen: (id: string) => void;
}) {
  const [shown, setShown] = useState(pageSize);
  if (logs.length === 0) {
    return (
      <p className="rr-muted">
        {filtered
          ? 'No logs match these filters.'
          : 'No logs yet. A log is added each time you save a readiness check.'}
      </p>
    );
  }
  const visible = logs.slice(0, shown);
  return (
    <>
      <table className="rr-logs__table">
        <caption className="rr-visually-hidden">Readiness logs, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Checked</th>
            <th scope="col">Client</th>
            <th scope="col">Platform</th>
            <th scope="col">Outcome</th>
            <th scope="col">Needed attention</th>
            <th scope="col">
              <span className="rr-visually-hidden">Open</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {visible.map((log) => (
            <tr key={log.id}>
              <td>{shortWhen(log.createdAt)}</td>
              <td>{showHiddenCharacters(log.clientCode)}</td>
              <td>{platformName(log.platform)}</td>
              <td>
                <OutcomeBadge outcome={log.outcome} />
              </td>
              <td>
                {attentionText(log)}
                {judgedText(log) && <span className="rr-logs__judged">{judgedText(log)}</span>}
              </td>
              <td>
                <Button
                  variant="link"
                  aria-label={`View the log for ${showHiddenCharacters(log.clientCode)} from ${shortWhen(log.createdAt)}, ${outcomeLabels[log.outcome]}`}
                  onClick={() => onOpen(log.id)}
                >
                  View
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {logs.length > shown && (
        <div className="rr-actions">
          <Button onClick={() => setShown((n) => n + pageSize)}>
            Show {Math.min(pageSize, logs.length - shown)} more (of {logs.length - shown} not shown)
          </Button>
        </div>
      )}
    </>
  );
}
