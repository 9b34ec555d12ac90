import { useId } from 'react';

import { formatThreshold, thresholdEntries, type ThresholdPath } from '../../../shared/settings/thresholds';
import { Button } from '../../components/button';

type Props = {
  /** What is typed in each box, by path (kept as text so a half-typed "-" is not lost). */
  readonly values: Readonly<Record<ThresholdPath, string>>;
  readonly onChange: (path: ThresholdPath, text: string) => void;
  readonly onReset: () => void;
  /** The path of the value refused on save, to mark that box. */
  readonly invalidPath: string | null;
};

/**
 * Advanced settings: the numeric limits the automatic checks judge against. Each box says its
 * default and where that comes from; values are checked on save by the same rules as the CLI.
 */
export function ThresholdFields({ values, onChange, onReset, invalidPath }: Props) {
  const id = useId();
  return (
    <details className="rr-card rr-settings__advanced">
      <summary>
        <h2>Advanced: the limits the checks use</h2>
      </summary>
      <p className="rr-muted">
        Change these only if your circumstances call for it, for example if your clinic sets its own rules. The limits
        in force are written into each log, so it shows what every check was judged against.
      </p>
      {thresholdEntries().map(({ path, spec }) => {
        const field = `${id}-${path}`;
        return (
          <div className="rr-field" key={path}>
            <label htmlFor={field}>
              {spec.label} ({spec.unit})
            </label>
            <span className="rr-field__hint" id={`${field}-hint`}>
              Default {formatThreshold(spec, spec.default)}. Source: {spec.source}.
            </span>
            <input
              id={field}
              className="rr-input rr-input--number"
              type="number"
              inputMode="decimal"
              min={spec.min}
              max={spec.max}
              step={spec.step}
              value={values[path]}
              aria-describedby={`${field}-hint`}
              aria-invalid={invalidPath === `thresholds.${path}` ? true : undefined}
              onChange={(e) => onChange(path, e.target.value)}
            />
          </div>
        );
      })}
      <Button onClick={onReset}>Put back the defaults</Button>
    </details>
  );
}
