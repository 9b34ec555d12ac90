import { useId, useState } from 'react';

import { countryName, type CountryCode } from '../../../shared/geo/countries';
import { Button } from '../../components/button';
import { CountrySelect } from './place-selects';
import './clients.css';

type CoveredCountriesProps = {
  readonly value: readonly CountryCode[];
  onChange(next: CountryCode[]): void;
};

/**
 * The countries the therapist's insurance and registration cover (Settings > Sessions). A session
 * with a client elsewhere is pointed out in the check before it; nothing is blocked.
 */
export function CoveredCountries({ value, onChange }: CoveredCountriesProps) {
  const id = useId();
  const [choice, setChoice] = useState<CountryCode | null>(null);
  const [message, setMessage] = useState('');

  function add() {
    if (!choice) return setMessage('Choose a country first.');
    if (value.includes(choice)) return setMessage(`${countryName(choice)} is already listed.`);
    onChange([...value, choice]);
    setMessage(`Added ${countryName(choice)}.`);
    setChoice(null);
  }

  return (
    <fieldset className="rr-field rr-covered">
      <legend>Countries your insurance and registration cover</legend>
      <p id={`${id}-hint`} className="rr-field__hint">
        Your professional insurance and registration may cover only some countries. When your client is somewhere else,
        the check before the session says so. Leave this empty and ReadyRoom will remind you it cannot tell.
      </p>
      {value.length === 0 ? (
        <p className="rr-muted">No countries listed yet.</p>
      ) : (
        <ul className="rr-covered__list" aria-label="Countries covered">
          {value.map((code) => (
            <li key={code}>
              {countryName(code)}{' '}
              <Button
                variant="link"
                aria-label={`Remove ${countryName(code)}`}
                onClick={() => {
                  onChange(value.filter((c) => c !== code));
                  setMessage(`Removed ${countryName(code)}.`);
                }}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={`${id}-add`}>Add a country</label>
      <div className="rr-covered__add">
        <CountrySelect
          id={`${id}-add`}
          value={choice}
          onChange={setChoice}
          describedBy={`${id}-hint`}
          emptyLabel="Choose a country"
        />
        <Button onClick={add}>Add</Button>
      </div>
      <p role="status" className="rr-muted">
        {message}
      </p>
    </fieldset>
  );
}
