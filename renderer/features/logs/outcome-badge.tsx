import { outcomeLabels, type Outcome } from '../../../shared/logs/readiness-log';

import './outcome-badge.css';

const tones: Record<Outcome, string> = { ready: 'pass', 'ready-with-advice': 'warn', 'not-ready': 'fail' };

/** The outcome in words with an icon, so it never rests on colour alone. */
export function OutcomeBadge({ outcome }: { readonly outcome: Outcome }) {
  return (
    <span className={`rr-status rr-status--${tones[outcome]} rr-outcome rr-outcome--${outcome}`}>
      {outcomeLabels[outcome]}
    </span>
  );
}
