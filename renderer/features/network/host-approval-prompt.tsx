import { useId, useState } from 'react';

import type { HostApprovalRequest } from '../../../shared/ipc/scan.contract';
import { Button } from '../../components/button';
import { useScanStore } from '../../stores/scan-store';
import { useSettingsStore } from '../../stores/settings-store';

type HostApprovalPromptProps = {
  /** Only ask about addresses these checks are waiting for; every address when absent. */
  readonly checkIds?: readonly string[];
};

/** Why ReadyRoom would contact the address, in the therapist's terms. */
function why(request: HostApprovalRequest): string {
  const where = `${request.host} (port ${request.port})`;
  return request.purpose === 'connection'
    ? `To time your connection before the session, ReadyRoom opens a few short connections to ${where} and closes each one at once.`
    : `For the speed test you turned on in Settings, ReadyRoom downloads a test file from ${where}, or sends it random data.`;
}

/**
 * Asks, the first time, before main contacts an address that is not one of the video platforms
 * ReadyRoom knows (the other platform's address, a speed-test address). Main has left those
 * checks unanswered; allowing runs them again and is remembered (Settings lists it).
 */
export function HostApprovalPrompt({ checkIds }: HostApprovalPromptProps) {
  const all = useScanStore((s) => s.needsApproval);
  const pending = checkIds ? all.filter((a) => a.checkIds.some((id) => checkIds.includes(id))) : all;
  const request = pending[0];
  if (!request) return null;
  return <Ask key={request.target} request={request} />;
}

function Ask({ request }: { readonly request: HostApprovalRequest }) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const allow = async () => {
    setBusy(true);
    setProblem(null);
    const settings = useSettingsStore.getState();
    const approved = await settings.approveHost(request.target);
    setBusy(false);
    if (!approved) {
      setProblem(useSettingsStore.getState().error?.message ?? 'ReadyRoom could not save your answer.');
      return;
    }
    const scan = useScanStore.getState();
    scan.dismissApproval(request.target);
    await scan.start(scan.context ?? {}, request.checkIds);
  };

  return (
    <section className="rr-alert rr-alert--info" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Allow ReadyRoom to contact {request.host}?</h3>
      <p>{why(request)}</p>
      <p>
        Nothing about you or your clients is sent. Whoever runs {request.host} can see that this computer connected, as
        when you join a call. ReadyRoom asks only this once; you can withdraw it in Settings.
      </p>
      {problem && (
        <p className="rr-alert rr-alert--error" role="alert">
          {problem}
        </p>
      )}
      <div className="rr-actions">
        <Button variant="primary" disabled={busy} onClick={() => void allow()}>
          Allow and check
        </Button>
        <Button disabled={busy} onClick={() => useScanStore.getState().dismissApproval(request.target)}>
          Not now
        </Button>
      </div>
    </section>
  );
}
