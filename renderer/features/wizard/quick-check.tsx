import { useEffect, useRef } from 'react';

import { catalog } from '../../../shared/catalog/catalog';
import type { CatalogEntry } from '../../../shared/catalog/catalog-types';
import { appliesTo, isJudged, itemState, seenState } from '../../../shared/checks/outcome';
import { Button } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { useScanStore } from '../../stores/scan-store';
import { useWizardStore } from '../../stores/wizard-store';
import { CameraTest } from '../media/camera-test';
import { EchoTest } from '../media/echo-test';
import { MicrophoneTest } from '../media/microphone-test';
import { OutputTest } from '../media/output-test';
import { HostApprovalPrompt } from '../network/host-approval-prompt';
import { Confirmation } from './check-item';
import { ItemStatus } from './item-status';
import { JudgementControls } from './judgement-controls';
import { OutcomePanel } from './outcome-panel';
import { SaveSection } from './save-section';
import { scanContext, startChecks } from './session-actions';
import { SessionForm } from './session-form';
import { judgementKindsOf, useJudgements, useOutcome, useResults } from './use-check-state';
import { useWizardContext } from './wizard-context';

/**
 * Everything on one screen: the automatic checks run at once, the media tests start by themselves,
 * and the manual items can be confirmed together. Problems link to the full check.
 */
export function QuickCheck() {
  const session = useWizardStore((s) => s.session);
  const confirmAll = useWizardStore((s) => s.confirmAll);
  const confirmations = useWizardStore((s) => s.confirmations);
  const runningIds = useScanStore((s) => s.running);
  const running = Object.keys(runningIds).length;
  const scanError = useScanStore((s) => s.error);
  const starting = useScanStore((s) => s.starting);
  const results = useResults();
  const judgements = judgementKindsOf(useJudgements());
  const report = useOutcome();
  const { goToStep } = useWizardContext();
  const detailsRef = useRef<HTMLElement>(null);
  const { platform, modality } = session;

  useEffect(() => {
    // Runs on arrival and again if the platform changes (it decides the connection target).
    const current = useScanStore.getState().context;
    const wanted = scanContext(useWizardStore.getState().session);
    if (!current || current.platform !== wanted.platform || current.target !== wanted.target) void startChecks();
  }, [platform]);

  const automatic = catalog.filter((e) => e.kind === 'automatic' && appliesTo(e, modality));
  const finished = automatic.filter((e) => results[e.id] !== undefined).length;
  const done = automatic.filter((e) => results[e.id] !== undefined && !runningIds[e.id]).length;
  const passed = automatic.filter((e) => results[e.id]?.status === 'pass').length;
  const notNeeded = automatic.filter((e) => results[e.id]?.status === 'skipped').length;
  const stateOf = (e: CatalogEntry) => itemState(e, modality, { [e.id]: results[e.id]?.status }, {}, judgements);
  const problems = automatic.filter((e) => {
    const state = stateOf(e);
    return state !== 'pass' && state !== 'skipped' && !isJudged(state);
  });
  // Settled by the therapist: listed apart, never counted among the passes.
  const settled = automatic.filter((e) => isJudged(stateOf(e)));
  // Until main says which checks run, a missing result is pending: not a problem yet, and never a pass.
  const checking = running > 0 || starting;
  const allGood = !checking && !scanError && problems.length === 0 && finished === automatic.length;
  const manual = catalog.filter((e) => e.kind === 'manual' && appliesTo(e, modality));
  // The client's own safety items are confirmed one by one for this client; the rest may go together.
  const forClient = manual.filter((e) => e.confirmForClient);
  const together = manual.filter(
    (e) => !e.confirmForClient && !isJudged(itemState(e, modality, {}, confirmations, judgements)),
  );
  const allConfirmed = together.every((e) => confirmations[e.id] === true);
  const code = session.clientCode.trim();

  return (
    <div className="rr-quick">
      <PageHeader title="Quick check" />
      <p className="rr-muted">Everything on one page, for when this computer is usually ready.</p>

      <section className="rr-card" aria-labelledby="rr-quick-session" ref={detailsRef}>
        <h2 id="rr-quick-session">This session</h2>
        <SessionForm showErrors={false} showTime={false} />
      </section>

      <section className="rr-card" aria-labelledby="rr-quick-auto">
        <h2 id="rr-quick-auto">Computer checks</h2>
        {scanError && (
          <div className="rr-alert rr-alert--error" role="alert">
            <p>The checks could not run: {scanError}</p>
            <Button onClick={() => void startChecks()}>Run the checks again</Button>
          </div>
        )}
        <HostApprovalPrompt />
        <div role="status" aria-live="polite">
          {checking ? (
            <p>
              Checking this computer… {done} of {automatic.length} done.
            </p>
          ) : allGood ? (
            <p>
              <ItemStatus state={passed > 0 ? 'pass' : 'skipped'} kind="automatic" /> {allGoodText(passed, notNeeded)}
            </p>
          ) : null}
        </div>
        {!checking && problems.length > 0 && (
          <>
            <p>
              {problems.length === 1 ? 'One thing needs' : `${problems.length} things need`} a look. The full check
              explains how to fix {problems.length === 1 ? 'it' : 'them'}.
            </p>
            <ul className="rr-left__items rr-quick__problems">
              {problems.map((e) => (
                <li key={e.id} className="rr-left__item">
                  <ItemStatus state={results[e.id]?.status ?? 'unknown'} kind="automatic" />
                  <span className="rr-left__title">
                    {e.title}
                    {results[e.id] && <span className="rr-muted">: {results[e.id]?.summary}</span>}
                  </span>
                  <JudgementControls entry={e} seen={seenState(e, modality, { [e.id]: results[e.id]?.status }, {})} />
                </li>
              ))}
            </ul>
            <Button onClick={() => goToStep(problems[0]?.step ?? 'connection')}>Open the full check</Button>
          </>
        )}
        {!checking && settled.length > 0 && (
          <>
            <h3>Settled by you</h3>
            <ul className="rr-left__items rr-quick__problems">
              {settled.map((e) => (
                <li key={e.id} className="rr-left__item">
                  <ItemStatus state={stateOf(e)} kind="automatic" />
                  <span className="rr-left__title">{e.title}</span>
                  <JudgementControls entry={e} seen={seenState(e, modality, { [e.id]: results[e.id]?.status }, {})} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {modality !== 'text' && (
        <section className="rr-card" aria-labelledby="rr-quick-media">
          <h2 id="rr-quick-media">Camera, microphone and sound</h2>
          <div className="rr-quick__media">
            {modality === 'video' && (
              <div>
                <h3>Camera</h3>
                <CameraTest />
              </div>
            )}
            <div>
              <h3>Microphone</h3>
              <MicrophoneTest />
              <h3>Sound</h3>
              <OutputTest />
              <h3>How you sound</h3>
              <EchoTest />
            </div>
          </div>
        </section>
      )}

      <section className="rr-card" aria-labelledby="rr-quick-confirm">
        <h2 id="rr-quick-confirm">Confirm before you start</h2>
        <h3 id="rr-quick-client">For {code ? `client ${code}` : 'this client'}, today</h3>
        <p className="rr-muted">Confirm each of these for this session on its own.</p>
        <ul className="rr-confirm-list" aria-labelledby="rr-quick-client">
          {forClient.map((entry) => (
            <li key={entry.id}>
              <Confirmation entry={entry} client={code} />
            </li>
          ))}
        </ul>
        <h3 id="rr-quick-room">Your room, devices and meeting</h3>
        <p className="rr-muted">
          Tick each one that is true today, or confirm them all at once if they all are. The full check explains why
          each one matters.
        </p>
        <ul className="rr-confirm-list" aria-labelledby="rr-quick-room">
          {together.map((entry) => (
            <li key={entry.id}>
              <Confirmation entry={entry} />
            </li>
          ))}
        </ul>
        <Button variant="primary" onClick={() => confirmAll(together.map((e) => e.id))}>
          {allConfirmed ? 'All confirmed' : 'Confirm all of these'}
        </Button>
      </section>

      <div className="rr-card">
        <OutcomePanel report={report} running={running} headingLevel={2} adviceCollapsed />
        <SaveSection
          outcome={report.outcome}
          onFixDetails={() => detailsRef.current?.querySelector('input')?.focus()}
        />
      </div>
    </div>
  );
}

/** The all-clear in words: checks that did not apply are said so, never counted as passed. */
export function allGoodText(passed: number, notNeeded: number): string {
  if (passed === 0) return 'None of the computer checks apply to this computer.';
  if (notNeeded === 0) return `All ${passed} computer checks passed.`;
  const passedText = `${passed} computer ${passed === 1 ? 'check' : 'checks'} passed.`;
  return `${passedText} ${notNeeded === 1 ? 'One other does' : `${notNeeded} others do`} not apply to this computer.`;
}
