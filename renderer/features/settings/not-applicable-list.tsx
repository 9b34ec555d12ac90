import { useState } from 'react';

import { getCatalogEntry } from '../../../shared/catalog/catalog';
import { notApplicableReasonLabels } from '../../../shared/checks/judgement';
import { Button } from '../../components/button';
import { useSettingsStore } from '../../stores/settings-store';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/**
 * "Not applicable" kept for this computer: each goes into every log where it applies. Shown here
 * so it is never forgotten, and taken back with one button (saved at once).
 */
export function NotApplicableList() {
  const kept = useSettingsStore((s) => s.settings.notApplicable);
  const update = useSettingsStore((s) => s.update);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);

  const takeBack = async (id: string, title: string) => {
    const ok = await update({ notApplicable: kept.filter((n) => n.id !== id) });
    setMessage(
      ok
        ? { tone: 'info', text: `"${title}" applies again from the next check.` }
        : { tone: 'error', text: useSettingsStore.getState().error?.message ?? 'Settings could not be saved.' },
    );
  };

  return (
    <section className="rr-card" aria-labelledby="rr-settings-na">
      <h2 id="rr-settings-na">Not applicable on this computer</h2>
      {kept.length === 0 ? (
        <p className="rr-muted">
          Nothing. When you mark a check “not applicable” during a check, you can ask ReadyRoom to remember it here.
        </p>
      ) : (
        <>
          <p className="rr-muted">These go into every log where they apply, with their reason.</p>
          <ul className="rr-settings__na">
            {kept.map((n) => {
              const title = getCatalogEntry(n.id)?.title ?? n.id;
              return (
                <li key={n.id}>
                  <strong>{title}</strong>: {notApplicableReasonLabels[n.reason]}
                  {n.note ? `. ${n.note}` : ''}{' '}
                  <span className="rr-muted">(since {dateFormat.format(new Date(n.since))})</span>{' '}
                  <Button variant="link" onClick={() => void takeBack(n.id, title)} aria-label={`Take back: ${title}`}>
                    Take back
                  </Button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <div role="status" aria-live="polite">
        {message && <p className={`rr-alert rr-alert--${message.tone}`}>{message.text}</p>}
      </div>
    </section>
  );
}
