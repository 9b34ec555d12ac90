import { useId, useRef } from 'react';

import { outcomeLabels, outcomes } from '../../../shared/logs/readiness-log';
import { Button } from '../../components/button';
import { useLogsStore } from '../../stores/logs-store';
import { recordFilter } from './log-filters-history';
import { checkChoices, emptyFilter, isFilterActive, type LogsFilter } from './log-filters-model';

/**
 * The Past logs filters. Each applies as it changes (the list is filtered in memory; a note
 * search goes to main once typing pauses), keeps focus where it is, and goes into the address
 * so back and forward bring earlier filters back.
 */
export function LogFilters({ knownClients }: { readonly knownClients: readonly string[] }) {
  const filter = useLogsStore((s) => s.filter);
  const setFilter = useLogsStore((s) => s.setFilter);
  const id = useId();
  const firstField = useRef<HTMLInputElement>(null);

  const change = <K extends keyof LogsFilter>(field: K, value: LogsFilter[K]) => {
    setFilter({ [field]: value });
    recordFilter(useLogsStore.getState().filter, field);
  };

  const clear = () => {
    setFilter(emptyFilter);
    recordFilter(emptyFilter, null);
    // The button goes away with the filters: focus moves to the first field rather than being lost.
    firstField.current?.focus();
  };

  return (
    <form className="rr-logs__filters" aria-label="Filter logs" role="search" onSubmit={(e) => e.preventDefault()}>
      <div className="rr-field">
        <label htmlFor={`${id}-client`}>Client code</label>
        <input
          ref={firstField}
          id={`${id}-client`}
          className="rr-input"
          list={`${id}-clients`}
          value={filter.client}
          maxLength={40}
          autoComplete="off"
          onChange={(e) => change('client', e.target.value)}
        />
        <datalist id={`${id}-clients`}>
          {knownClients.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </div>
      <div className="rr-field">
        <label htmlFor={`${id}-from`}>From</label>
        <input
          id={`${id}-from`}
          className="rr-input"
          type="date"
          value={filter.from}
          onChange={(e) => change('from', e.target.value)}
        />
      </div>
      <div className="rr-field">
        <label htmlFor={`${id}-to`}>To</label>
        <input
          id={`${id}-to`}
          className="rr-input"
          type="date"
          value={filter.to}
          onChange={(e) => change('to', e.target.value)}
        />
      </div>
      <div className="rr-field">
        <label htmlFor={`${id}-outcome`}>Outcome</label>
        <select
          id={`${id}-outcome`}
          className="rr-input"
          value={filter.outcome}
          onChange={(e) => change('outcome', e.target.value as LogsFilter['outcome'])}
        >
          <option value="">Any outcome</option>
          {outcomes.map((o) => (
            <option key={o} value={o}>
              {outcomeLabels[o]}
            </option>
          ))}
        </select>
      </div>
      <div className="rr-field">
        <label htmlFor={`${id}-check`}>Had this not passing</label>
        <select
          id={`${id}-check`}
          className="rr-input rr-logs__check-filter"
          value={filter.check}
          onChange={(e) => change('check', e.target.value)}
        >
          <option value="">Any check or question</option>
          {checkChoices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </div>
      <div className="rr-field">
        <label htmlFor={`${id}-notes`}>Notes contain</label>
        <input
          id={`${id}-notes`}
          className="rr-input"
          type="search"
          value={filter.notes}
          maxLength={200}
          autoComplete="off"
          aria-describedby={`${id}-notes-hint`}
          onChange={(e) => change('notes', e.target.value)}
        />
        <span id={`${id}-notes-hint`} className="rr-field__hint">
          Also notes added later. Capitals and accents do not matter.
        </span>
      </div>
      {isFilterActive(filter) && (
        <div className="rr-logs__filter-actions">
          <Button onClick={clear}>Clear filters</Button>
        </div>
      )}
    </form>
  );
}
