import { statusLabels, type CheckStatus } from '../../shared/checks/check-result';
import { Icon, stateIcons } from './icons';

type StatusBadgeProps = {
  readonly status: CheckStatus | 'pending';
};

export function StatusBadge({ status }: StatusBadgeProps) {
  const label = status === 'pending' ? 'Checking' : statusLabels[status];
  return (
    <span className={`rr-status rr-status--${status}`} data-status={status}>
      {/* An icon per status, so status never rests on colour alone. */}
      <Icon icon={stateIcons[status]} />
      <span>{label}</span>
    </span>
  );
}
