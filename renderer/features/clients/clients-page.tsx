import { useCallback, useEffect, useRef, useState } from 'react';

import type { ClientProfileSummary } from '../../../shared/clients/client-profile';
import { countryName } from '../../../shared/geo/countries';
import type { ClientProfileView } from '../../../shared/ipc/clients.contract';
import { call } from '../../api';
import { Button } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { VaultGate } from '../vault/vault-gate';
import { ClientProfileForm } from './client-profile-form';
import './clients.css';

type Mode =
  { readonly kind: 'list' } | { readonly kind: 'new' } | { readonly kind: 'edit'; readonly profile: ClientProfileView };

function placeText(c: ClientProfileSummary): string {
  const parts = [c.usualCountry ? countryName(c.usualCountry) : 'Country not set', c.timeZone?.replace(/_/g, ' ')];
  return parts.filter(Boolean).join(' · ');
}

/** Asks before a set-up is deleted; the focus goes to the question so a keyboard user hears it. */
function DeleteConfirm({
  code,
  onConfirm,
  onCancel,
}: {
  readonly code: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div role="group" aria-label={`Delete the set-up for ${code}?`} className="rr-alert rr-alert--warn">
      <p>
        Delete the set-up for {code}? Its back-up phone, emergency contact and code word go for good. Its readiness logs
        are kept. ReadyRoom notes only the code and the time you deleted it, so that restoring an older backup does not
        bring the set-up back; erasing the client removes that note too.
      </p>
      <div className="rr-actions">
        <Button variant="danger" onClick={onConfirm}>
          Yes, delete it
        </Button>
        <Button ref={keep} onClick={onCancel}>
          Keep it
        </Button>
      </div>
    </div>
  );
}

/**
 * The buttons the focus may go back to, by what they open ('new', `change:<code>`, `delete:<code>`):
 * when the form or a question closes, the button that opened it has been drawn anew.
 */
function useFocusReturn(focusHeading: () => void, listShown: boolean) {
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const pending = useRef<string | null | undefined>(undefined);
  const refFor = (key: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(key, el);
    else buttons.current.delete(key);
  };
  // After every drawing (cheap: most find nothing pending), once the list is back.
  useEffect(() => {
    if (!listShown || pending.current === undefined) return;
    const target = pending.current === null ? undefined : buttons.current.get(pending.current);
    pending.current = undefined;
    // The button is gone (its set-up deleted, say): the page's heading, never the top of the window.
    if (target) target.focus();
    else focusHeading();
  });
  /** After the next drawing, focus the button opened by `key` (null: the heading). */
  const returnTo = (key: string | null) => {
    pending.current = key;
  };
  return { refFor, returnTo };
}

function ClientsList({ focusHeading }: { readonly focusHeading: () => void }) {
  const [clients, setClients] = useState<readonly ClientProfileSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [confirming, setConfirming] = useState<string | null>(null);
  /** What opened the form, for the focus to go back to when it closes. */
  const opener = useRef<string>('new');
  const { refFor, returnTo } = useFocusReturn(focusHeading, mode.kind === 'list');

  const reload = useCallback(
    () =>
      call('clients:list', {}).then((result) => {
        if (result.ok) {
          setClients(result.value.clients);
          setError(null);
        } else setError(result.error.message);
      }),
    [],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  async function edit(code: string) {
    setNotice(null);
    const result = await call('clients:get', { clientCode: code, withCodeWord: true });
    if (!result.ok) return setError(result.error.message);
    if (!result.value) return setError(`There is no set-up for ${code} any more.`);
    opener.current = `change:${code}`;
    setMode({ kind: 'edit', profile: result.value });
  }

  async function save(input: Parameters<typeof call<'clients:save'>>[1]['profile']): Promise<string | null> {
    const result = await call('clients:save', { profile: input });
    if (!result.ok) return result.error.message;
    returnTo(opener.current);
    setMode({ kind: 'list' });
    setNotice(
      // A new set-up with every detail left blank changes no field, but it is saved all the same.
      mode.kind === 'edit' && result.value.changed.length === 0
        ? `Nothing had changed for ${result.value.profile.clientCode}.`
        : `Saved the set-up for ${result.value.profile.clientCode}.`,
    );
    await reload();
    return null;
  }

  async function remove(code: string) {
    // Its row goes: the heading takes the focus.
    returnTo(null);
    setConfirming(null);
    const result = await call('clients:delete', { clientCode: code });
    if (!result.ok) return setError(result.error.message);
    setNotice(result.value.deleted ? `Deleted the set-up for ${code}.` : `There was no set-up for ${code}.`);
    await reload();
  }

  if (mode.kind !== 'list')
    return (
      <ClientProfileForm
        editing={mode.kind === 'edit' ? mode.profile : null}
        onSubmit={save}
        onCancel={() => {
          returnTo(opener.current);
          setMode({ kind: 'list' });
        }}
      />
    );

  return (
    <>
      {error && (
        <p className="rr-alert rr-alert--error" role="alert">
          {error}
        </p>
      )}
      <p role="status" className="rr-clients__notice">
        {notice}
      </p>
      <div className="rr-actions">
        <Button
          ref={refFor('new')}
          variant="primary"
          onClick={() => {
            opener.current = 'new';
            setMode({ kind: 'new' });
          }}
        >
          Set up a client
        </Button>
      </div>
      {clients === null ? (
        !error && <p role="status">Opening your client set-ups…</p>
      ) : clients.length === 0 ? (
        <p className="rr-muted">No client is set up yet.</p>
      ) : (
        <ul className="rr-clients__list" aria-label="Client set-ups">
          {clients.map((c) => (
            <li key={c.clientCode} className="rr-card rr-clients__item" aria-label={c.clientCode}>
              <div>
                <strong>{c.clientCode}</strong>
                <span className="rr-muted"> {placeText(c)}</span>
              </div>
              {confirming === c.clientCode ? (
                <DeleteConfirm
                  code={c.clientCode}
                  onConfirm={() => void remove(c.clientCode)}
                  onCancel={() => {
                    returnTo(`delete:${c.clientCode}`);
                    setConfirming(null);
                  }}
                />
              ) : (
                <div className="rr-actions">
                  <Button
                    ref={refFor(`change:${c.clientCode}`)}
                    onClick={() => void edit(c.clientCode)}
                    aria-label={`Change the set-up for ${c.clientCode}`}
                  >
                    Change
                  </Button>
                  <Button
                    ref={refFor(`delete:${c.clientCode}`)}
                    variant="danger"
                    onClick={() => setConfirming(c.clientCode)}
                    aria-label={`Delete the set-up for ${c.clientCode}`}
                  >
                    Delete
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Per-client set-up: done once per client, read by the check before each session. */
export function ClientsPage() {
  const page = useRef<HTMLElement>(null);
  const focusHeading = useCallback(() => page.current?.querySelector<HTMLElement>('h1')?.focus(), []);
  return (
    <section ref={page}>
      <PageHeader title="Client set-ups" />
      <p className="rr-muted">
        For each client, once: how you checked who they are, their consent to online work, a back-up phone number, where
        they usually are and a local emergency contact. The check before each session shows it and asks what has
        changed. Professional guidance for online work (ACTO, and the bodies that register therapists) asks you to know
        your client&apos;s location and to have other ways to reach them and local help. Kept only in your encrypted
        vault, under the client&apos;s code.
      </p>
      <VaultGate purpose="see your client set-ups">
        <ClientsList focusHeading={focusHeading} />
      </VaultGate>
    </section>
  );
}
