import { periodList } from '../../../shared/logs/log-periods';

/** Months whose file could not be read, or is missing: said plainly, with what to do about it. */
export function UnreadableNotice({
  periods,
  missing = [],
}: {
  readonly periods: readonly string[];
  readonly missing?: readonly string[];
}) {
  if (periods.length === 0 && missing.length === 0) return null;
  return (
    <div className="rr-alert rr-alert--warn" role="status">
      {periods.length > 0 && (
        <>
          <p>
            <strong>Some logs could not be read: {periodList(periods)}.</strong>
          </p>
          <p>
            The file for {periods.length === 1 ? 'that month' : 'those months'} was damaged, so ReadyRoom set it aside
            without changing it. Your other logs are fine, and new logs save as normal. If you have a backup, restoring
            it (in Settings, under Data) brings the missing logs back, except those of a client whose logs you erased.
          </p>
        </>
      )}
      {missing.length > 0 && (
        <>
          <p>
            <strong>Some logs are missing: {periodList(missing)}.</strong>
          </p>
          <p>
            The file for {missing.length === 1 ? 'that month' : 'those months'} is no longer in ReadyRoom&apos;s folder:
            something deleted or moved it. Your other logs are fine. If you have a backup, restoring it (in Settings,
            under Data) brings those logs back, except those of a client whose logs you erased.
          </p>
        </>
      )}
    </div>
  );
}
