import type { WizardStep } from '../../../shared/catalog/catalog-types';
import { wizardSteps } from '../../../shared/catalog/catalog-types';
import type { OutcomeItem, OutcomeReport } from '../../../shared/checks/outcome';
import { outcomeLabels, type Outcome } from '../../../shared/logs/readiness-log';
import { Button } from '../../components/button';
import { Icon, outcomeIcons } from '../../components/icons';
import { ItemStatus } from './item-status';
import { useResults } from './use-check-state';
import { useWizardContext } from './wizard-context';
import { stepCopy } from './wizard-steps';

const outcomeText: Record<Outcome, { readonly tone: string; readonly sentence: string }> = {
  ready: { tone: 'pass', sentence: 'Everything is checked and confirmed.' },
  'ready-with-advice': {
    tone: 'warn',
    sentence: 'Nothing stops you starting, but some things could be better. They are listed below.',
  },
  'not-ready': {
    tone: 'fail',
    sentence: 'Some important things are not done or could not be checked. Sort them out first if you can.',
  },
};

type OutcomePanelProps = {
  readonly report: OutcomeReport;
  /** How many checks are still running: until they finish they count as unknown. */
  readonly running: number;
  readonly headingLevel?: 2 | 3;
  /** Tuck the advice list away behind a disclosure (the quick check keeps the page short). */
  readonly adviceCollapsed?: boolean;
};

/** Items grouped by the step they are in, in the wizard's order. */
function byStep(items: readonly OutcomeItem[]): { step: WizardStep; items: OutcomeItem[] }[] {
  return wizardSteps
    .map((step) => ({ step, items: items.filter((i) => i.entry.step === step) }))
    .filter((group) => group.items.length > 0);
}

/** The overall outcome in words and a glyph, then what is left: what must be done first, then advice. */
export function OutcomePanel({ report, running, headingLevel = 3, adviceCollapsed = false }: OutcomePanelProps) {
  const text = outcomeText[report.outcome];
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const blocking = new Set(report.blocking);
  const advice = report.left.filter((item) => !blocking.has(item));
  return (
    <section className="rr-outcome" aria-labelledby="rr-outcome-title">
      <div className={`rr-outcome__banner rr-outcome__banner--${text.tone}`}>
        <Heading id="rr-outcome-title" className="rr-outcome__title">
          <span aria-hidden="true" className="rr-outcome__glyph">
            <Icon icon={outcomeIcons[report.outcome]} />
          </span>{' '}
          {outcomeLabels[report.outcome]}
        </Heading>
        <p>
          {text.sentence}
          {report.judged.length > 0 &&
            ` ${report.judged.length === 1 ? 'One item was' : `${report.judged.length} items were`} settled by you, not by ReadyRoom: see below.`}
        </p>
        {running > 0 && (
          <p role="status">
            {running === 1 ? 'One check is' : `${running} checks are`} still running and counted as not checked until
            {running === 1 ? ' it finishes' : ' they finish'}.
          </p>
        )}
      </div>
      <LeftGroup title="Needed before you start" items={report.blocking} level={headingLevel + 1} />
      {adviceCollapsed && advice.length > 0 ? (
        <details className="rr-left__more">
          <summary>Advice ({advice.length})</summary>
          <LeftGroup title="Advice" items={advice} level={headingLevel + 1} hideTitle />
        </details>
      ) : (
        <LeftGroup title="Advice" items={advice} level={headingLevel + 1} />
      )}
      <LeftGroup title="Settled by you" items={report.judged} level={headingLevel + 1} />
    </section>
  );
}

function LeftGroup({
  title,
  items,
  level,
  hideTitle = false,
}: {
  readonly title: string;
  readonly items: readonly OutcomeItem[];
  readonly level: number;
  readonly hideTitle?: boolean;
}) {
  const { goToStep } = useWizardContext();
  const results = useResults();
  if (items.length === 0) return null;
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <div className="rr-left">
      {!hideTitle && (
        <Heading className="rr-left__heading">
          {title} ({items.length})
        </Heading>
      )}
      <ul className="rr-left__groups">
        {byStep(items).map((group) => (
          <li key={group.step} className="rr-left__group">
            <div className="rr-left__group-head">
              <span className="rr-left__step">{stepCopy[group.step].title}</span>
              <Button variant="link" onClick={() => goToStep(group.step)}>
                Go to this step<span className="rr-visually-hidden">: {stepCopy[group.step].title}</span>
              </Button>
            </div>
            <ul className="rr-left__items">
              {group.items.map((item) => (
                <li key={item.entry.id} className="rr-left__item">
                  <ItemStatus
                    state={item.state}
                    kind={item.entry.kind}
                    untested={item.entry.kind === 'media' && !results[item.entry.id]}
                  />
                  <span className="rr-left__title">{item.entry.title}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
