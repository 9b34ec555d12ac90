import { useState } from 'react';

import { defaultThresholds } from '../../../shared/settings/thresholds';
import { Button } from '../../components/button';
import { useSettingsStore } from '../../stores/settings-store';
import { DraftForm } from './draft-form';
import { NotApplicableList } from './not-applicable-list';
import { useDraft } from './settings-draft';
import { ThresholdFields } from './thresholds-fields';

/** What the checks do: the speed test, programs to suggest closing, their limits, and what they may contact. */
export function ChecksSection() {
  const draft = useDraft();
  const { throughput } = draft.draft;
  return (
    <>
      <DraftForm>
        <div className="rr-card">
          <h2>Speed test (optional)</h2>
          <p className="rr-muted">
            Off by default. When on, ReadyRoom downloads a file from an https address you choose to measure your
            connection speed, and, if you give an upload address, sends random data to it. Nothing about you or your
            clients is sent.
          </p>
          <div className="rr-field">
            <label>
              <input
                type="checkbox"
                checked={throughput.enabled}
                onChange={(e) => draft.patch({ throughput: { ...throughput, enabled: e.target.checked } })}
              />{' '}
              Measure my connection speed during checks
            </label>
          </div>
          <div className="rr-field">
            <label htmlFor="set-down">Download test address (https)</label>
            <input
              id="set-down"
              className="rr-input"
              value={throughput.downloadUrl}
              onChange={(e) => draft.patch({ throughput: { ...throughput, downloadUrl: e.target.value } })}
            />
          </div>
          <div className="rr-field">
            <label htmlFor="set-up">Upload test address (https, optional)</label>
            <input
              id="set-up"
              className="rr-input"
              value={throughput.uploadUrl}
              onChange={(e) => draft.patch({ throughput: { ...throughput, uploadUrl: e.target.value } })}
            />
          </div>
        </div>

        <div className="rr-card">
          <h2>Programs</h2>
          <div className="rr-field">
            <label htmlFor="set-always">Always suggest closing (one program name per line)</label>
            <textarea
              id="set-always"
              className="rr-textarea"
              rows={3}
              value={draft.alwaysText}
              onChange={(e) => draft.setAlwaysText(e.target.value)}
            />
          </div>
          <div className="rr-field">
            <label htmlFor="set-never">Never suggest closing (one program name per line)</label>
            <textarea
              id="set-never"
              className="rr-textarea"
              rows={3}
              value={draft.neverText}
              onChange={(e) => draft.setNeverText(e.target.value)}
            />
          </div>
        </div>

        <ThresholdFields
          values={draft.limits}
          invalidPath={draft.invalidPath}
          onChange={draft.setLimit}
          onReset={() => draft.resetLimits(defaultThresholds)}
        />
      </DraftForm>
      <NotApplicableList />
      <ApprovedHosts />
    </>
  );
}

/** The addresses the therapist allowed ReadyRoom to contact, each of which can be withdrawn. */
function ApprovedHosts() {
  const approved = useSettingsStore((s) => s.settings.approvedHosts);
  const forgetHost = useSettingsStore((s) => s.forgetHost);
  const [removed, setRemoved] = useState<string | null>(null);
  return (
    <section className="rr-card" aria-labelledby="set-approved-title">
      <h2 id="set-approved-title">Addresses ReadyRoom may contact</h2>
      <p className="rr-muted">
        ReadyRoom contacts the video platforms it knows without asking. Before it first contacts any other address (your
        platform&apos;s, or a speed-test address) it asks you, and remembers your answer here.
      </p>
      {approved.length === 0 ? (
        <p>You have not allowed any other address.</p>
      ) : (
        <ul className="rr-approved-hosts">
          {approved.map((target) => (
            <li key={target}>
              <span>{target}</span>{' '}
              <Button
                aria-label={`Remove ${target}`}
                onClick={() =>
                  void forgetHost(target).then((ok) => {
                    if (ok) setRemoved(target);
                  })
                }
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div role="status" aria-live="polite">
        {removed && (
          <p className="rr-alert rr-alert--info">Removed {removed}. ReadyRoom will ask again before contacting it.</p>
        )}
      </div>
    </section>
  );
}
