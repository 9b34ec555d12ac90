import { useCallback, useEffect, useState } from 'react';

import type { ErrorData } from '../../../shared/errors';
import type { HomeSummary } from '../../../shared/ipc/home.contract';
import { call, subscribe } from '../../api';

/** The home screen's summary, read again when the vault locks or the logs change. */
export function useHomeSummary(): { summary: HomeSummary | null; error: ErrorData | null; reload: () => void } {
  const [summary, setSummary] = useState<HomeSummary | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const reload = useCallback(() => {
    void call('home:summary', {}).then((result) => {
      if (result.ok) {
        setSummary(result.value);
        setError(null);
      } else setError(result.error);
    });
  }, []);
  useEffect(() => {
    reload();
    const offLocked = subscribe('vault:locked', reload);
    const offLogs = subscribe('logs:changed', reload);
    return () => {
      offLocked();
      offLogs();
    };
  }, [reload]);
  return { summary, error, reload };
}
