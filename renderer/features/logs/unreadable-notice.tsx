import { periodList } from '../../../shared/logs/log-periods';

/** Months whose file could not be read: said plainly, with what to do about it. */
export function UnreadableNotice({ periods }: { readonly periods: readonly string[] }) {
  if (periods.length === 0) return null;
  return (
    <div className="rr-alert rr-alert--warn" role="status">
      <p>
        <strong>Some logs could not be read: {periodList(periods)}.</strong>
      </p>
      <p>
        The file for {periods.length === 1 ? 'that month' : 'those months'} was damaged, so ReadyRoom set it aside
        without changing it. Your other logs are fine, and new logs save as normal. If you have a backup, restoring it
        (below) brings the missing logs back, except those of a client whose logs you erased.
      </p>
    </div>
  );
}
