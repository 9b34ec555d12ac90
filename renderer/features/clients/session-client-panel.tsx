import { useEffect, useId, useRef, useState } from 'react';

import { sessionCoverage } from '../../../shared/clients/client-coverage';
import { safeToMessageLabels } from '../../../shared/clients/client-profile';
import { clientLocalTime, clientTimeText, unusualHourText } from '../../../shared/clients/client-time';
import { countryName, type CountryCode } from '../../../shared/geo/countries';
import type { ClientProfileView } from '../../../shared/ipc/clients.contract';
import { checkClientCode } from '../../../shared/logs/client-code';
import { call } from '../../api';
import { Button } from '../../components/button';
import { Icon, TriangleAlert } from '../../components/icons';
import { useSessionSafetyStore } from '../../stores/session-safety-store';
import { useVaultSessionStore } from '../../stores/vault-session-store';
import { useSettingsStore } from '../../stores/settings-store';
import { useWizardStore } from '../../stores/wizard-store';
import { CountrySelect, TimeZoneSelect } from './place-selects';
import './clients.css';

type Lookup =
  | { readonly state: 'loading'; readonly code: string }
  | { readonly state: 'found'; readonly code: string; readonly profile: ClientProfileView }
  | { readonly state: 'missing'; readonly code: string }
  | { readonly state: 'failed'; readonly code: string; readonly message: string; readonly locked: boolean };

function usualPlaceText(profile: ClientProfileView): string {
  return [profile.usualRegion, profile.usualCountry ? countryName(profile.usualCountry) : '']
    .filter(Boolean)
    .join(', ');
}

function emergencyContactText(profile: ClientProfileView): string {
  return [profile.emergencyContactName, profile.emergencyContactPhone].filter(Boolean).join(', ');
}

function therapistZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The session time as an instant: the datetime-local text is on this computer's clock. */
function sessionInstant(local: string): Date {
  const parsed = local ? new Date(local) : new Date();
  return Number.isNaN(parsed.getTime()) ? new Date() : parsed;
}

/**
 * In the session step, under the client code: what the client's set-up holds (never the code word
 * unless asked), whether they are in the usual place today, their local time, and whether the
 * therapist's cover reaches their country. The country today is the check's own `clientCountry`
 * (the log records it, the crisis card shows it); the rest of the answers fill the session-safety
 * store for the card.
 */
export function SessionClientPanel() {
  const clientCode = useWizardStore((s) => s.session.clientCode);
  const check = checkClientCode(clientCode);
  const code = check.valid ? check.code : null;

  // The last client named here; a blank code in between (retyping) is not a new client.
  const lastCode = useRef(code);
  // A different client: what was said about the last one no longer applies, here or on the card.
  useEffect(() => {
    const store = useSessionSafetyStore.getState();
    const otherThanCard = store.clientCode !== null && store.clientCode !== code;
    const otherThanLast = code !== null && lastCode.current !== null && lastCode.current !== code;
    if (code !== null) lastCode.current = code;
    if (otherThanCard || otherThanLast) {
      if (store.clientCode !== null) store.clear();
      useWizardStore.getState().updateSession({ clientCountry: undefined, clientPlace: undefined });
    }
  }, [code]);

  // Keyed by the code, so nothing shown (a revealed code word above all) outlives the client it belongs to.
  return code ? <ClientPanel key={code} code={code} /> : null;
}

function ClientPanel({ code }: { readonly code: string }) {
  const id = useId();
  const sessionAt = useWizardStore((s) => s.session.sessionAt);
  const clientCountry = useWizardStore((s) => s.session.clientCountry ?? null);
  const answer = useWizardStore((s) => s.session.clientPlace ?? null);
  const updateSession = useWizardStore((s) => s.updateSession);
  const safety = useSessionSafetyStore();
  const covered = useSettingsStore((s) => s.settings.coveredCountries);
  const [lookup, setLookup] = useState<Lookup>({ state: 'loading', code });
  // undefined: the set-up's own zone.
  const [zoneChoice, setZoneChoice] = useState<string | null | undefined>(undefined);
  const [codeWord, setCodeWord] = useState<string | null>(null);
  // The logs locking (idle, sleep, screen lock) hides a revealed code word and drops it from memory.
  const locked = useVaultSessionStore((s) => s.status?.state === 'locked');
  useEffect(
    () =>
      useVaultSessionStore.subscribe((s) => {
        if (s.status?.state === 'locked') setCodeWord(null);
      }),
    [],
  );
  const shownWord = locked ? null : codeWord;

  useEffect(() => {
    let live = true;
    // Waits for typing to pause, so each keystroke is not a trip to the vault.
    const timer = window.setTimeout(() => {
      void call('clients:get', { clientCode: code }).then((result) => {
        if (!live) return;
        if (!result.ok)
          return setLookup({
            state: 'failed',
            code,
            message: result.error.message,
            locked: result.error.code === 'LOCKED',
          });
        setLookup(result.value ? { state: 'found', code, profile: result.value } : { state: 'missing', code });
      });
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [code]);

  const profile = lookup.state === 'found' ? lookup.profile : null;

  // The crisis card knows the client and their back-up phone as soon as the set-up is read, before
  // the place question is answered; where they are stays unconfirmed until it is.
  useEffect(() => {
    if (lookup.state === 'loading') return;
    const store = useSessionSafetyStore.getState();
    store.update({
      clientCode: code,
      backupPhone: lookup.state === 'found' ? lookup.profile.backupPhone : store.backupPhone,
      emergencyContact: lookup.state === 'found' ? emergencyContactText(lookup.profile) : store.emergencyContact,
    });
  }, [lookup, code]);

  const zone = zoneChoice !== undefined ? zoneChoice : (profile?.timeZone ?? null);

  function chooseUsual() {
    if (!profile) return;
    safety.update({
      clientCode: code,
      locationToday: usualPlaceText(profile),
      backupPhone: profile.backupPhone,
    });
    setZoneChoice(undefined);
    updateSession({ clientCountry: profile.usualCountry ?? undefined, clientPlace: 'usual' });
  }

  function chooseChanged() {
    safety.update({ clientCode: code, locationToday: '', backupPhone: profile?.backupPhone ?? '' });
    updateSession({ clientCountry: undefined, clientPlace: 'changed' });
  }

  function setCountryToday(country: CountryCode | null) {
    safety.update({ clientCode: code, backupPhone: profile?.backupPhone ?? safety.backupPhone });
    updateSession({ clientCountry: country ?? undefined });
  }

  async function toggleCodeWord() {
    if (codeWord !== null) return setCodeWord(null);
    const result = await call('clients:get', { clientCode: code, withCodeWord: true });
    if (result.ok && result.value) setCodeWord(result.value.codeWord ?? '');
  }

  const local = zone ? clientLocalTime(sessionInstant(sessionAt), zone, therapistZone()) : null;
  const unusual = local ? unusualHourText(local) : null;
  const coverage = sessionCoverage(clientCountry, covered);

  return (
    <section className="rr-card rr-client-summary" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>About {code}</h3>
      {lookup.state === 'loading' && <p role="status">Looking for {code}&apos;s set-up…</p>}
      {lookup.state === 'failed' && (
        <p className="rr-muted">
          {lookup.locked
            ? `Your logs are locked, so ${code}'s set-up (back-up phone, usual place, emergency contact) cannot be shown. Unlock them to see it.`
            : `${code}'s set-up could not be read: ${lookup.message}`}
        </p>
      )}
      {lookup.state === 'missing' && (
        <p className="rr-muted">
          {code} has no set-up yet. You can add their back-up phone, usual place and emergency contact under Clients.
        </p>
      )}
      {profile && (
        <>
          <dl>
            <dt>Back-up phone</dt>
            <dd>{profile.backupPhone || 'Not recorded'}</dd>
            <dt>Usually in</dt>
            <dd>{usualPlaceText(profile) || 'Not recorded'}</dd>
            <dt>Emergency contact</dt>
            <dd>{emergencyContactText(profile) || 'Not recorded'}</dd>
            <dt>Safe to message</dt>
            <dd>{safeToMessageLabels[profile.safeToMessage]}</dd>
            {profile.hasCodeWord && (
              <>
                <dt>Code word</dt>
                <dd>
                  {shownWord !== null ? <span className="rr-client-summary__word">{shownWord}</span> : 'Hidden'}{' '}
                  <Button variant="link" aria-pressed={shownWord !== null} onClick={() => void toggleCodeWord()}>
                    {shownWord !== null ? 'Hide code word' : 'Show code word'}
                  </Button>
                </dd>
              </>
            )}
          </dl>
          <fieldset className="rr-field rr-choice">
            <legend>Is {code} in the usual place today?</legend>
            <label className="rr-choice__option">
              <input type="radio" name={`${id}-place`} checked={answer === 'usual'} onChange={chooseUsual} />
              Yes{usualPlaceText(profile) ? ` (${usualPlaceText(profile)})` : ''}
            </label>
            <label className="rr-choice__option">
              <input type="radio" name={`${id}-place`} checked={answer === 'changed'} onChange={chooseChanged} />
              No, somewhere else today
            </label>
          </fieldset>
        </>
      )}
      {(!profile || answer === 'changed') && (
        <>
          <div className="rr-field">
            <label htmlFor={`${id}-country`}>{profile ? 'Country today' : `${code}'s country for this session`}</label>
            <span id={`${id}-country-hint`} className="rr-field__hint">
              Recorded in the log: local emergency numbers and your cover depend on it.
            </span>
            <CountrySelect
              id={`${id}-country`}
              value={clientCountry}
              onChange={setCountryToday}
              describedBy={`${id}-country-hint`}
            />
          </div>
          {profile && (
            <div className="rr-field">
              <label htmlFor={`${id}-where`}>Where they are today, in your words</label>
              <input
                id={`${id}-where`}
                className="rr-input"
                value={safety.locationToday}
                maxLength={200}
                autoComplete="off"
                onChange={(e) => safety.update({ clientCode: code, locationToday: e.target.value })}
              />
            </div>
          )}
          <div className="rr-field">
            <label htmlFor={`${id}-zone`}>Their time zone today</label>
            <TimeZoneSelect id={`${id}-zone`} value={zone} onChange={setZoneChoice} />
          </div>
        </>
      )}
      {local && (
        <p className="rr-client-summary__time">
          Session time for your client: {clientTimeText(local)}
          {local.otherDay ? ', a different day from yours' : ''}.
        </p>
      )}
      {unusual && (
        <p className="rr-alert rr-alert--warn">
          <Icon icon={TriangleAlert} /> {unusual}
        </p>
      )}
      {(coverage.kind === 'not-covered' || coverage.kind === 'not-set') && (
        <p className="rr-alert rr-alert--warn" role={coverage.kind === 'not-covered' ? 'alert' : undefined}>
          <Icon icon={TriangleAlert} /> {coverage.message}
        </p>
      )}
    </section>
  );
}
