import { useDeferredValue, useEffect, useMemo } from 'react';

import { PageHeader } from '../../components/page-header';
import { followLogChanges, useLogsStore } from '../../stores/logs-store';
import { useVaultSessionStore } from '../../stores/vault-session-store';
import { LockButton } from '../vault/lock-button';
import { VaultGate } from '../vault/vault-gate';
import { ReportPanel } from '../reports/report-panel';
import { LogDetail } from './log-detail';
import { LogListSection } from './log-list-section';
import { UnreadableNotice } from './unreadable-notice';
import './logs.css';

/** Past logs: the therapist's record of due care, behind the vault's lock. */
export function LogsPage() {
  return (
    <section className="rr-logs">
      <PageHeader title="Past logs">
        <LockButton />
      </PageHeader>
      <VaultGate purpose="see your past logs">
        <LogsBrowser />
      </VaultGate>
    </section>
  );
}

function LogsBrowser() {
  const logs = useLogsStore((s) => s.logs);
  const loaded = useLogsStore((s) => s.loaded);
  const filter = useLogsStore((s) => s.filter);
  const selected = useLogsStore((s) => s.selected);
  const selectedError = useLogsStore((s) => s.selectedError);
  const listUnreadable = useLogsStore((s) => s.unreadablePeriods);
  const statusUnreadable = useVaultSessionStore((s) => s.status?.unreadablePeriods);
  const listMissing = useLogsStore((s) => s.missingPeriods);
  const statusMissing = useVaultSessionStore((s) => s.status?.missingPeriods);
  const readOnly = useVaultSessionStore((s) => s.status?.readOnly);
  const load = useLogsStore((s) => s.load);
  const close = useLogsStore((s) => s.close);
  // The report below works over every listed log: it follows the list at low priority, so
  // the list and its filters answer first.
  const reportLogs = useDeferredValue(logs);
  const reportFilter = useDeferredValue(filter);

  useEffect(() => {
    void load();
    return followLogChanges();
  }, [load]);

  const unreadable = useMemo(
    () => [...new Set([...listUnreadable, ...(statusUnreadable ?? [])])].sort(),
    [listUnreadable, statusUnreadable],
  );
  const missing = useMemo(
    () => [...new Set([...listMissing, ...(statusMissing ?? [])])].sort(),
    [listMissing, statusMissing],
  );
  if (selected) {
    return (
      <LogDetail
        log={selected}
        onBack={() => {
          close();
          void load();
        }}
      />
    );
  }

  return (
    <>
      {readOnly && (
        <p className="rr-alert rr-alert--warn" role="status">
          {readOnly}
        </p>
      )}
      <UnreadableNotice periods={unreadable} missing={missing} />
      {selectedError && (
        <p className="rr-alert rr-alert--error" role="alert">
          {selectedError.message}
        </p>
      )}
      <LogListSection />
      {loaded && <ReportPanel logs={reportLogs} filter={reportFilter} />}
    </>
  );
}
