import { catalog } from '../../../shared/catalog/catalog';
import type { CheckResult } from '../../../shared/checks/check-result';
import type { ErrorCode } from '../../../shared/errors';
import type { ClosedProgram } from '../../../shared/programs/program-types';
import { addressText, checkPlatformAddress } from '../../../shared/network/network-address';
import { asksForHost } from '../../../shared/session/platforms';
import { call } from '../../api';
import { useMediaStore } from '../../stores/media-store';
import { useProgramsStore } from '../../stores/programs-store';
import { useScanStore } from '../../stores/scan-store';
import { useSessionSafetyStore } from '../../stores/session-safety-store';
import { useSettingsStore } from '../../stores/settings-store';
import { useVaultSessionStore } from '../../stores/vault-session-store';
import { useWizardStore, type SessionDetails } from '../../stores/wizard-store';
import { mediaResults } from '../media/media-results';
import { buildSaveRequest } from './log-builder';

/** A vault that locked (or vanished) behind our back: let the vault gate show unlock again. */
function followVaultError(code: ErrorCode): void {
  if (code === 'LOCKED' || code === 'NO_VAULT') void useVaultSessionStore.getState().refresh();
}

/** Every automatic and media result known now, by id. */
export function currentResults(): Record<string, CheckResult> {
  return { ...useScanStore.getState().results, ...mediaResults(useMediaStore.getState()) };
}

/** The scan's platform and connection target for these session details. */
export function scanContext(session: SessionDetails) {
  const typed = session.platformHost.trim();
  // A pasted meeting link is sent as its host only; main judges an address it cannot use and says why.
  const checked = checkPlatformAddress(typed);
  const host = checked.ok ? addressText(checked.target) : typed;
  return { platform: session.platform, ...(asksForHost(session.platform) && host ? { target: host } : {}) };
}

/** Runs the automatic checks and lists background programs for the session's platform. */
export async function startChecks(): Promise<void> {
  const { session } = useWizardStore.getState();
  const neverSuggest = useSettingsStore.getState().settings.programs.neverSuggest;
  await Promise.all([
    useScanStore.getState().start(scanContext(session)),
    useProgramsStore.getState().load(session.platform, neverSuggest),
  ]);
}

/** Saves the readiness log in the vault; the caller shows the vault gate first. */
export async function saveReadinessLog(now: Date = new Date()): Promise<boolean> {
  const wizard = useWizardStore.getState();
  if (wizard.save.status === 'saving' || wizard.save.status === 'saved') return wizard.save.status === 'saved';
  wizard.setSave({ status: 'saving' });
  const programsClosed = await useProgramsStore.getState().closedPrograms();
  const request = buildSaveRequest({
    catalog,
    session: wizard.session,
    scanId: useScanStore.getState().scanId,
    results: currentResults(),
    confirmations: wizard.confirmations,
    judgements: wizard.judgements,
    programsClosed,
    note: wizard.note,
    now,
  });
  const result = await call('logs:save', request);
  if (!result.ok) {
    followVaultError(result.error.code);
    // Too old or forgotten by main: what the therapist entered stays; the checks run again.
    const stale = result.error.code === 'STALE';
    useWizardStore.getState().setSave({ status: 'failed', message: result.error.message, rerun: stale });
    return false;
  }
  useWizardStore.getState().setSave({ status: 'saved', logId: result.value.id });
  return true;
}

/** Records the end of the session as an addendum; the original log never changes. */
export async function endSession(now: Date = new Date()): Promise<boolean> {
  const { save, end, setEnd } = useWizardStore.getState();
  if (save.status !== 'saved' || end.status === 'ending' || end.status === 'ended') return false;
  setEnd({ status: 'ending' });
  const endedAt = now.toISOString();
  const result = await call('logs:add-addendum', { id: save.logId, addendum: { kind: 'session-ended', endedAt } });
  if (!result.ok) {
    followVaultError(result.error.code);
    useWizardStore.getState().setEnd({ status: 'failed', message: result.error.message });
    return false;
  }
  useWizardStore.getState().setEnd({ status: 'ended', endedAt });
  return true;
}

/** Reopens what ReadyRoom closed and notes, by name, what came back. */
export async function reopenClosedPrograms(): Promise<boolean> {
  const { save } = useWizardStore.getState();
  const programs = useProgramsStore.getState();
  const closed = await programs.closedPrograms();
  const results = await programs.reopen();
  if (!results) return false;
  useWizardStore.getState().setReopenHandled();
  const reopened: ClosedProgram[] = results
    .filter((r) => r.outcome === 'reopened')
    .map((r) => ({ name: r.name, category: closed.find((c) => c.name === r.name)?.category ?? 'other' }));
  if (save.status !== 'saved' || reopened.length === 0) return true;
  const addendum = await call('logs:add-addendum', {
    id: save.logId,
    addendum: { kind: 'programs-reopened', programs: reopened.slice(0, 100) },
  });
  if (!addendum.ok) followVaultError(addendum.error.code);
  return addendum.ok;
}

/** Forgets this check so the next session starts from a clean slate. */
export function startNewCheck(): void {
  useWizardStore.getState().reset();
  useScanStore.getState().reset();
  useMediaStore.getState().reset();
  useProgramsStore.getState().reset();
  useSessionSafetyStore.getState().clear();
}
