import { outcomeLabels, type Outcome } from '../../../shared/logs/readiness-log';

const glyphs: Record<Outcome, string> = { ready: '✓', 'ready-with-advice': '!', 'not-ready': '✕' };
const tones: Record<Outcome, string> = { ready: 'pass', 'ready-with-advice': 'warn', 'not-ready': 'fail' };

/** The outcome in words with a glyph, so it never rests on colour alone. */
export function OutcomeBadge({ outcome }: { readonly outcome: Outcome }) {
  return (
    <span className={`rr-status rr-status--${tones[outcome]}`}>
      <span aria-hidden="true">{glyphs[outcome]}</span>
      <span>{outcomeLabels[outcome]}</span>
    </span>
  );
}
