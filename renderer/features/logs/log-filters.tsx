import { useId, type FormEvent } from 'react';

import { Button } from '../../components/button';
import { useLogsStore } from '../../stores/logs-store';

/** Filter by client code and by date; "Show" applies, "Show all" clears. */
export function LogFilters({ knownClients }: { readonly knownClients: readonly string[] }) {
  const filter = useLogsStore((s) => s.filter);
  const setFilter = useLogsStore((s) => s.setFilter);
  const load = useLogsStore((s) => s.load);
  const id = useId();

  const apply = (event: FormEvent) => {
    event.preventDefault();
    void load();
  };

  const clear = () => {
    setFilter({ client: '', from: '', to: '' });
    void load();
  };

  const active = Boolean(filter.client || filter.from || filter.to);
  return (
    <form className="rr-logs__filters" onSubmit={apply} aria-label="Filter logs">
      <div className="rr-field">
        <label htmlFor={`${id}-client`}>Client code</label>
        <input
          id={`${id}-client`}
          className="rr-input"
          list={`${id}-clients`}
          value={filter.client}
          maxLength={40}
          autoComplete="off"
          onChange={(e) => setFilter({ client: e.target.value })}
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
          onChange={(e) => setFilter({ from: e.target.value })}
        />
      </div>
      <div className="rr-field">
        <label htmlFor={`${id}-to`}>To</label>
        <input
          id={`${id}-to`}
          className="rr-input"
          type="date"
          value={filter.to}
          onChange={(e) => setFilter({ to: e.target.value })}
        />
      </div>
      <div className="rr-logs__filter-actions">
        <Button type="submit" variant="primary">
          Show
        </Button>
        {active && <Button onClick={clear}>Show all</Button>}
      </div>
    </form>
  );
}
