import { statusLabels, type CheckStatus } from '../../shared/checks/check-result';

/** A glyph per status, so status never rests on colour alone. */
const glyphs: Record<CheckStatus | 'pending', string> = {
  pass: '✓',
  warn: '!',
  fail: '✕',
  unknown: '?',
  skipped: '–',
  pending: '…',
};

type StatusBadgeProps = {
  readonly status: CheckStatus | 'pending';
};

export function StatusBadge({ status }: StatusBadgeProps) {
  const label = status === 'pending' ? 'Checking' : statusLabels[status];
  return (
    <span className={`rr-status rr-status--${status}`} data-status={status}>
      <span aria-hidden="true">{glyphs[status]}</span>
      <span>{label}</span>
    </span>
  );
}
