import type { WizardStep } from '../../../shared/catalog/catalog-types';
import { Button } from '../../components/button';
import { stepCopy } from './wizard-steps';

type StepNavProps = {
  readonly steps: readonly WizardStep[];
  readonly current: WizardStep;
  /** Steps after the first open once the session details are in. */
  readonly canJump: boolean;
  readonly onSelect: (step: WizardStep) => void;
};

/** Where the therapist is in the check; every step can be revisited. */
export function StepNav({ steps, current, canJump, onSelect }: StepNavProps) {
  const index = steps.indexOf(current);
  return (
    <nav className="rr-steps" aria-label="Steps of the check">
      <p className="rr-steps__progress">
        Step {index + 1} of {steps.length}
      </p>
      <ol>
        {steps.map((step, i) => (
          <li key={step}>
            <Button
              variant="link"
              className="rr-steps__link"
              aria-current={step === current ? 'step' : undefined}
              disabled={!canJump && step !== current}
              onClick={() => onSelect(step)}
            >
              <span className="rr-steps__number" aria-hidden="true">
                {i + 1}
              </span>
              {stepCopy[step].title}
            </Button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
