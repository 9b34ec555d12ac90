import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type { WizardStep } from '../../../shared/catalog/catalog-types';
import type { OsName } from '../../../shared/platform';
import { call } from '../../api';
import { Button } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { useRouteStore } from '../../stores/route-store';
import { useScanStore } from '../../stores/scan-store';
import { useSettingsStore } from '../../stores/settings-store';
import { toLocalInput } from '../../lib/local-time';
import { useWizardStore } from '../../stores/wizard-store';
import { CheckStep } from './check-step';
import { QuickCheck } from './quick-check';
import { scanContext, startChecks, startNewCheck } from './session-actions';
import { SessionForm, sessionProblems } from './session-form';
import { StepNav } from './step-nav';
import { SummaryStep } from './summary-step';
import { WizardContext, type WizardContextValue } from './wizard-context';
import { nextStep, previousStep, stepCopy, visibleSteps } from './wizard-steps';
import './wizard.css';

type WizardPageProps = {
  /** "full" walks every step; "quick" puts everything on one screen for a computer that is usually ready. */
  readonly mode: 'full' | 'quick';
};

/** The before-session check, mounted by the app for the "wizard" and "quick" routes. */
export function WizardPage({ mode }: WizardPageProps) {
  const loaded = useSettingsStore((s) => s.loaded);
  const settings = useSettingsStore((s) => s.settings);
  const initialised = useWizardStore((s) => s.initialised);
  const navigate = useRouteStore((s) => s.navigate);
  const [os, setOs] = useState<OsName | null>(null);

  useEffect(() => {
    let live = true;
    void call('app:info', {}).then((r) => {
      if (live && r.ok) setOs(r.value.os);
    });
    if (!useSettingsStore.getState().loaded) void useSettingsStore.getState().load();
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    // A check whose session has ended is done: the next visit starts afresh.
    const wizard = useWizardStore.getState();
    if (wizard.save.status === 'saved' && wizard.end.status === 'ended') startNewCheck();
  }, []);

  useEffect(() => {
    // Defaults come from settings, once per check (again after "Start a new check").
    if (!loaded || initialised) return;
    useWizardStore.getState().initialise({
      clientCode: '',
      sessionAt: toLocalInput(new Date()),
      platform: settings.defaultPlatform,
      platformHost: settings.otherPlatformHost,
      modality: settings.defaultModality,
    });
  }, [loaded, initialised, settings]);

  const goToStep = useCallback(
    (step: WizardStep) => {
      useWizardStore.getState().goTo(step);
      if (mode === 'quick') navigate('wizard');
    },
    [mode, navigate],
  );
  const context = useMemo<WizardContextValue>(() => ({ os, goToStep }), [os, goToStep]);

  if (!initialised) {
    return (
      <p role="status" className="rr-muted">
        Getting ready…
      </p>
    );
  }
  return (
    <WizardContext.Provider value={context}>
      {mode === 'quick' ? <QuickCheck /> : <FullWizard />}
    </WizardContext.Provider>
  );
}

function FullWizard() {
  const step = useWizardStore((s) => s.step);
  const modality = useWizardStore((s) => s.session.modality);
  const started = useScanStore((s) => s.context !== null);
  const goTo = useWizardStore((s) => s.goTo);
  const [showErrors, setShowErrors] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  const steps = visibleSteps(modality);
  const current = steps.includes(step) ? step : 'session';

  useEffect(() => {
    // Opened at a checklist step (from the tray's notification) before any check ran here: run them now.
    const { context, starting } = useScanStore.getState();
    if (current !== 'session' && current !== 'summary' && !context && !starting) void startChecks();
  }, [current]);

  useEffect(() => {
    // The page heading takes focus on arrival; each later step moves focus to its own heading.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [current]);

  function continueFrom() {
    if (current === 'session') {
      const { session } = useWizardStore.getState();
      const problems = sessionProblems(session);
      if (problems.clientCode || problems.platformHost) {
        setShowErrors(true);
        window.setTimeout(
          () => document.querySelector<HTMLElement>('.rr-session-form [aria-invalid="true"]')?.focus(),
          0,
        );
        return;
      }
      setShowErrors(false);
      const scan = useScanStore.getState().context;
      const wanted = scanContext(session);
      if (!scan || scan.platform !== wanted.platform || scan.target !== wanted.target) void startChecks();
    }
    const next = nextStep(current, modality);
    if (next) goTo(next);
  }

  const previous = previousStep(current, modality);
  const next = nextStep(current, modality);
  const copy = stepCopy[current];
  return (
    <div className="rr-wizard">
      <PageHeader title="Check readiness" />
      <StepNav steps={steps} current={current} canJump={started} onSelect={goTo} />
      <section className="rr-wizard__step" aria-labelledby="rr-step-title">
        <h2 id="rr-step-title" ref={heading} tabIndex={-1}>
          {copy.title}
        </h2>
        <p className="rr-muted">{copy.intro}</p>
        {current === 'session' ? (
          <SessionForm showErrors={showErrors} />
        ) : current === 'summary' ? (
          <SummaryStep />
        ) : (
          <CheckStep step={current} />
        )}
      </section>
      <div className="rr-wizard__nav">
        {previous && <Button onClick={() => goTo(previous)}>Back</Button>}
        {next && (
          <Button variant="primary" onClick={continueFrom}>
            {next === 'summary' ? 'See the summary' : 'Continue'}
          </Button>
        )}
      </div>
    </div>
  );
}
