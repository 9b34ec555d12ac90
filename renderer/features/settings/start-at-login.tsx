import { useEffect, useState } from 'react';

import type { LoginItemStatus } from '../../../shared/ipc/login-item.contract';
import { call } from '../../api';
import { Button } from '../../components/button';
import { useSettingsStore } from '../../stores/settings-store';

type Answer = { readonly tone: 'info' | 'error'; readonly text: string };

/** The login item's state from main, and a way to change it; null until main has answered. */
function useLoginItem() {
  const [status, setStatus] = useState<LoginItemStatus | null>(null);
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    let live = true;
    void call('login-item:get', {}).then((result) => {
      if (live)
        setStatus(result.ok ? result.value : { supported: false, enabled: false, reason: result.error.message });
    });
    return () => {
      live = false;
    };
  }, []);
  const set = async (enabled: boolean) => {
    const result = await call('login-item:set', { enabled });
    if (!result.ok) {
      setAnswer({ tone: 'error', text: result.error.message });
      return false;
    }
    setStatus(result.value);
    setAnswer({
      tone: 'info',
      text: result.value.enabled
        ? 'ReadyRoom will start in the tray when you log in.'
        : (result.value.reason ?? 'ReadyRoom will no longer start when you log in.'),
    });
    return true;
  };
  return { status, answer, set };
}

/** Settings: start at login, off unless the therapist turned it on, and removable here. */
export function StartAtLoginSection() {
  const { status, answer, set } = useLoginItem();
  return (
    <section className="rr-card" aria-labelledby="set-login-title">
      <h2 id="set-login-title">Start at login</h2>
      <p className="rr-muted">
        When on, ReadyRoom starts quietly in the tray each time you log in to this computer, so a quick check is always
        a click away. It never opens a window by itself.
      </p>
      {status === null ? (
        <p role="status">Checking…</p>
      ) : !status.supported ? (
        <p>{status.reason ?? 'Starting at login is not available here.'}</p>
      ) : (
        <div className="rr-field">
          <label>
            <input type="checkbox" checked={status.enabled} onChange={(e) => void set(e.target.checked)} /> Start
            ReadyRoom when I log in
          </label>
          {status.reason && <span className="rr-field__hint">{status.reason}</span>}
        </div>
      )}
      <div role="status" aria-live="polite">
        {answer && <p className={`rr-alert rr-alert--${answer.tone}`}>{answer.text}</p>}
      </div>
    </section>
  );
}

/**
 * Offered once, after the logs are first set up: ReadyRoom never adds itself to the programs that
 * start at login without being asked. Either answer is remembered, and Settings can change it.
 */
export function StartAtLoginOffer() {
  const offered = useSettingsStore((s) => s.settings.startAtLoginOffered);
  const loaded = useSettingsStore((s) => s.loaded);
  const update = useSettingsStore((s) => s.update);
  const { status, answer, set } = useLoginItem();
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!useSettingsStore.getState().loaded) void useSettingsStore.getState().load();
  }, []);
  if (!loaded || status === null || !status.supported || (offered && !done)) return null;
  const finish = async (enable: boolean) => {
    if (enable && !(await set(true))) return;
    // Answered: stays on screen with its confirmation while the answer is remembered.
    setDone(true);
    await update({ startAtLoginOffered: true });
  };
  return (
    <section className="rr-card" aria-labelledby="rr-login-offer-title">
      <h2 id="rr-login-offer-title">Start ReadyRoom when you log in?</h2>
      {done ? (
        <p role="status">
          {answer?.tone === 'info' ? `${answer.text} ` : ''}You can change this in Settings, under Start at login.
        </p>
      ) : (
        <>
          <p>
            ReadyRoom would then wait in the tray from the moment you log in, ready for a quick check before a session.
            It is off unless you turn it on.
          </p>
          {answer?.tone === 'error' && (
            <p className="rr-alert rr-alert--error" role="alert">
              {answer.text}
            </p>
          )}
          <div className="rr-actions">
            <Button variant="primary" onClick={() => void finish(true)}>
              Start at login
            </Button>
            <Button onClick={() => void finish(false)}>Not now</Button>
          </div>
        </>
      )}
    </section>
  );
}
