import { useId, useState } from 'react';

import { countryName, type CountryCode } from '../../../shared/geo/countries';
import { checkClientCode, clientCodeKey } from '../../../shared/logs/client-code';
import { continuityPlan } from '../../../shared/safety/continuity-plan';
import { countryNumbers, noEntryText, type CountryNumbers } from '../../../shared/safety/crisis-card';
import { noCrisisLineText } from '../../../shared/safety/emergency-numbers';
import { Button } from '../../components/button';
import { useSessionSafetyStore } from '../../stores/session-safety-store';
import { useWizardStore } from '../../stores/wizard-store';
import { CountrySelect } from '../clients/place-selects';
import './safety.css';

function CountryPicker({ current, onPick }: { readonly current: CountryCode | null; onPick(code: CountryCode): void }) {
  const id = useId();
  return (
    <div className="rr-field rr-crisis__picker">
      <label htmlFor={id}>Where is your client today?</label>
      <span id={`${id}-hint`} className="rr-field__hint">
        The country your client is in for this session, which may not be where they usually live.
      </span>
      <CountrySelect
        id={id}
        value={current}
        describedBy={`${id}-hint`}
        emptyLabel="Choose a country…"
        onChange={(code) => {
          // Going back to the empty choice keeps the country already chosen.
          if (code !== null) onPick(code);
        }}
      />
    </div>
  );
}

function Numbers({ numbers }: { readonly numbers: CountryNumbers }) {
  const { entry } = numbers;
  if (!entry)
    return (
      <p className="rr-alert rr-alert--warn" role="note">
        {noEntryText(numbers.countryName)}
      </p>
    );
  const line = entry.crisisLine;
  return (
    <>
      <dl className="rr-crisis__numbers">
        <dt>Emergency</dt>
        <dd className="rr-crisis__big">{entry.emergency.join(' or ')}</dd>
        {entry.police && (
          <>
            <dt>Police</dt>
            <dd>{entry.police}</dd>
          </>
        )}
        {entry.ambulance && (
          <>
            <dt>Ambulance</dt>
            <dd>{entry.ambulance}</dd>
          </>
        )}
        <dt>Crisis line</dt>
        {line ? (
          <dd>
            <span className="rr-crisis__big">{line.number}</span> {line.name}
            {line.forAdults ? '' : ' (not for adults)'}
            {line.hours ? `, ${line.hours}` : ', hours not confirmed'}
            <br />
            <span className="rr-muted">
              Source: {line.source.organisation} ({line.source.url})
            </span>
          </dd>
        ) : (
          <dd>
            <strong>{noCrisisLineText}</strong>
          </dd>
        )}
      </dl>
      {entry.note && <p>{entry.note}</p>}
      <p className="rr-muted">
        Emergency numbers: {entry.source.organisation} ({entry.source.url}). Checked {entry.checked}; ReadyRoom’s table
        is dated {numbers.tableAsOf}.
      </p>
    </>
  );
}

function Plan() {
  return (
    <section aria-labelledby="crisis-plan" className="rr-crisis__plan">
      <h3 id="crisis-plan">{continuityPlan.title}</h3>
      <p>
        <strong>{continuityPlan.principle}</strong>
      </p>
      {continuityPlan.sections.map((section) => (
        <div key={section.id}>
          <h4>{section.heading}</h4>
          <ol>
            {section.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </div>
      ))}
      <p className="rr-muted">{continuityPlan.disclaimer}</p>
      <p className="rr-muted">Based on:</p>
      <ul className="rr-muted">
        {continuityPlan.sources.map((source) => (
          <li key={source}>{source}</li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The client's country today, kept in one place. For the client of the check being prepared it is
 * the check's own (what the session step said, and what the log will record), so the card and the
 * saved log never disagree. Only a card used apart from a check (none being prepared, or another
 * client) keeps a country of its own, which never reaches a log.
 */
function useCountryToday(clientCode: string | null): {
  readonly country: CountryCode | null;
  setCountry(country: CountryCode): void;
} {
  const checkCode = useWizardStore((s) => s.session.clientCode);
  const checkCountry = useWizardStore((s) => s.session.clientCountry ?? null);
  const cardCountry = useSessionSafetyStore((s) => s.country);
  const check = checkClientCode(checkCode);
  // The same client however the code was typed ("ab-017 " is AB-017).
  const forCheck = check.valid && (clientCode === null || clientCodeKey(clientCode) === clientCodeKey(check.code));
  return forCheck
    ? { country: checkCountry, setCountry: (code) => useWizardStore.getState().updateSession({ clientCountry: code }) }
    : { country: cardCountry, setCountry: (code) => useSessionSafetyStore.getState().update({ country: code }) };
}

/**
 * The card for the session being prepared: who, how to reach them if the call fails, where they are,
 * the numbers for the country they are in today, and what to do if the video drops. Read from the
 * in-memory stores only; nothing here is saved.
 */
export function CrisisCard() {
  const clientCode = useSessionSafetyStore((s) => s.clientCode);
  const locationToday = useSessionSafetyStore((s) => s.locationToday);
  const backupPhone = useSessionSafetyStore((s) => s.backupPhone);
  const emergencyContact = useSessionSafetyStore((s) => s.emergencyContact);
  const { country, setCountry } = useCountryToday(clientCode);
  const [choosing, setChoosing] = useState(false);
  const showPicker = country === null || choosing;
  return (
    <section className="rr-card rr-crisis" aria-labelledby="crisis-title">
      <h2 id="crisis-title">{country ? `Crisis card: ${countryName(country)}` : 'Crisis card'}</h2>
      <dl className="rr-crisis__facts">
        <dt>Client</dt>
        <dd>{clientCode ?? 'No client chosen for this session'}</dd>
        <dt>Back-up phone</dt>
        <dd>{backupPhone.trim() || 'Not given: agree a number with your client before the session'}</dd>
        <dt>Emergency contact</dt>
        <dd>{emergencyContact.trim() || 'Not recorded: add one to the client’s set-up under Clients'}</dd>
        <dt>Location today</dt>
        <dd>{locationToday.trim() || 'Not given: confirm where your client is before the session'}</dd>
      </dl>
      {showPicker ? (
        <CountryPicker
          current={country}
          onPick={(code) => {
            setCountry(code);
            setChoosing(false);
          }}
        />
      ) : (
        <Button variant="link" className="rr-crisis__screen-only" onClick={() => setChoosing(true)}>
          Choose another country
        </Button>
      )}
      {country ? (
        <Numbers numbers={countryNumbers(country)} />
      ) : (
        <p className="rr-alert rr-alert--warn" role="note">
          Choose your client’s country today to see its emergency numbers.
        </p>
      )}
      <Plan />
    </section>
  );
}
