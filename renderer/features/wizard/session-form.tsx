import { useId } from 'react';

import { checkClientCode } from '../../../shared/logs/client-code';
import { checkPlatformAddress } from '../../../shared/network/network-address';
import { asksForHost, hostPrompt, modalities, modalityLabels, type Modality } from '../../../shared/session/platforms';
import { ClientCodeField } from '../../components/client-code-field';
import { PlatformSelect } from '../../components/platform-select';
import { SessionClientPanel } from '../clients/session-client-panel';
import { useWizardStore } from '../../stores/wizard-store';

type SessionFormProps = {
  /** Show the errors now (after the therapist tried to move on). */
  readonly showErrors: boolean;
  /** The quick check leaves the time as "now" and hides the field. */
  readonly showTime?: boolean;
};

/** Whether the session details can be saved; the same rules the form shows. */
export function sessionProblems(session: ReturnType<typeof useWizardStore.getState>['session']): {
  clientCode: string | null;
  platformHost: string | null;
} {
  const code = checkClientCode(session.clientCode);
  const host = asksForHost(session.platform) ? checkPlatformAddress(session.platformHost) : null;
  return {
    clientCode: code.valid ? null : code.error,
    platformHost:
      host === null || host.ok
        ? null
        : session.platformHost.trim() === ''
          ? `Enter the web address to time, for example ${hostPrompt(session.platform).example}.`
          : host.reason,
  };
}

/** Client code, time, platform and modality: what the log needs to know about the session. */
export function SessionForm({ showErrors, showTime = true }: SessionFormProps) {
  const session = useWizardStore((s) => s.session);
  const update = useWizardStore((s) => s.updateSession);
  const ids = { code: useId(), time: useId(), platform: useId(), host: useId(), modality: useId() };
  const problems = sessionProblems(session);
  const codeError = showErrors ? problems.clientCode : null;
  const hostError = showErrors ? problems.platformHost : null;

  return (
    <div className="rr-session-form">
      <ClientCodeField
        id={ids.code}
        value={session.clientCode}
        onChange={(clientCode) => update({ clientCode })}
        error={codeError}
        hint="A code only you can link to your client, such as AB-017. Never their name, e-mail or phone number."
      />
      {showTime && (
        <div className="rr-field">
          <label htmlFor={ids.time}>Session time</label>
          <input
            id={ids.time}
            className="rr-input"
            type="datetime-local"
            value={session.sessionAt}
            onChange={(e) => update({ sessionAt: e.target.value })}
          />
        </div>
      )}
      <SessionClientPanel />
      <div className="rr-field">
        <label htmlFor={ids.platform}>Video platform</label>
        <PlatformSelect id={ids.platform} value={session.platform} onChange={(platform) => update({ platform })} />
      </div>
      {asksForHost(session.platform) && (
        <div className="rr-field">
          <label htmlFor={ids.host}>{hostPrompt(session.platform).label}</label>
          <span id={`${ids.host}-hint`} className="rr-field__hint">
            ReadyRoom times the connection to this address. For example {hostPrompt(session.platform).example}.
          </span>
          <input
            id={ids.host}
            className="rr-input"
            value={session.platformHost}
            onChange={(e) => update({ platformHost: e.target.value })}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={hostError ? true : undefined}
            aria-describedby={`${ids.host}-hint ${ids.host}-msg`}
          />
          <div id={`${ids.host}-msg`}>{hostError && <p className="rr-field__error">{hostError}</p>}</div>
        </div>
      )}
      <fieldset className="rr-field rr-choice">
        <legend>How you will meet</legend>
        {modalities.map((m: Modality) => (
          <label key={m} className="rr-choice__option">
            <input
              type="radio"
              name={ids.modality}
              value={m}
              checked={session.modality === m}
              onChange={() => update({ modality: m })}
            />
            {modalityLabels[m]}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
