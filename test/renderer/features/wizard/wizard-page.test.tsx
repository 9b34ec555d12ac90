import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { catalog } from '../../../../shared/catalog/catalog';
import { AppError } from '../../../../shared/errors';
import type { CheckStatus } from '../../../../shared/checks/check-result';
import { logSaveRequestSchema } from '../../../../shared/ipc/vault.contract';
import { newReadinessLogSchema } from '../../../../shared/logs/readiness-log';
import { MediaEnvContext } from '../../../../renderer/features/media/media-env';
import { lumaStats } from '../../../../renderer/features/media/lighting-analysis';
import { WizardPage } from '../../../../renderer/features/wizard/wizard-page';
import { useMediaStore } from '../../../../renderer/stores/media-store';
import { useRouteStore } from '../../../../renderer/stores/route-store';
import { useWizardStore } from '../../../../renderer/stores/wizard-store';
import type { FakeBridge } from '../../../fakes/fake-bridge';
import { createFakeMediaEnv, type FakeMediaEnv } from '../media/fake-media-env';
import { faceFrame, sine, speechBursts } from '../media/synthetic-media';
import { assembleFromRequest, installWizardBridge } from './wizard-fixtures';

vi.mock('../../../../shared/catalog/automatic.catalog', async () => ({
  automaticCatalog: (await import('./test-catalog')).testAutomaticCatalog,
}));

const allPass: Record<string, CheckStatus> = {
  'connection.type': 'pass',
  'connection.quality': 'pass',
  'programs.background': 'pass',
  'security.firewall': 'pass',
};

let media: FakeMediaEnv;
beforeEach(() => {
  media = createFakeMediaEnv();
  media.frame = faceFrame(140, 120);
  media.samples = () => sine(0.1, 220, 48_000, 4096);
  media.clip = { samples: speechBursts(0.3, 0.0005, 48_000), sampleRate: 48_000 };
});

function renderWizard(mode: 'full' | 'quick') {
  return render(
    <MediaEnvContext.Provider value={media.env}>
      <WizardPage mode={mode} />
    </MediaEnvContext.Provider>,
  );
}

const continueButton = () => screen.getByRole('button', { name: /^(Continue|See the summary)$/ });
const stepHeading = () => screen.getByRole('heading', { level: 2 });

async function fillSession() {
  await userEvent.type(await screen.findByLabelText('Client code'), 'AB-017');
}

/** Makes every media test pass, as if the therapist had done them. */
function passMediaTests() {
  act(() => {
    const store = useMediaStore.getState();
    store.setCamera('live');
    for (let i = 0; i < 3; i += 1) store.addFrame(lumaStats(faceFrame(140, 120)));
    store.setMicrophone('live');
    for (let i = 0; i < 6; i += 1) store.addLevelWindow(sine(0.1, 220, 48_000, 4800), 100);
    store.markTonePlayed();
    store.setHeard(true);
    const report = { voiceDbfs: -15, noiseFloorDbfs: -65, snrDb: 50, clippedFraction: 0, durationMs: 3000, issues: [] };
    store.setEcho({ status: 'done', report, clear: true });
  });
}

function confirmEverything() {
  act(() => useWizardStore.getState().confirmAll(catalog.filter((e) => e.kind === 'manual').map((e) => e.id)));
}

/** The log main builds from what the window sent (the shared assembly, with the fake scan's results). */
function savedLog(bridge: FakeBridge, statuses: Record<string, CheckStatus> = allPass) {
  const call = bridge.calls.find((c) => c.channel === 'logs:save');
  return newReadinessLogSchema.parse(assembleFromRequest(logSaveRequestSchema.parse(call?.request), statuses));
}

describe('WizardPage, full check', () => {
  it('fills the session from settings and asks for a client code before moving on', async () => {
    installWizardBridge(allPass);
    renderWizard('full');
    expect(await screen.findByRole('heading', { name: 'About this session' })).toBeTruthy();
    expect((screen.getByLabelText('Video platform') as HTMLSelectElement).value).toBe('teams');
    await userEvent.click(continueButton());
    expect(screen.getByText('Enter a client code.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Client code')));
    expect(stepHeading().textContent).toBe('About this session');
  });

  it('starts the scan for the chosen platform and moves focus to each step heading', async () => {
    const bridge = installWizardBridge({ ...allPass, 'connection.type': 'warn' });
    renderWizard('full');
    await fillSession();
    await userEvent.click(continueButton());
    expect(bridge.calls.find((c) => c.channel === 'scan:start')?.request).toEqual({ platform: 'teams' });
    expect(bridge.calls.find((c) => c.channel === 'programs:list')?.request).toEqual({ platform: 'teams' });
    expect(stepHeading().textContent).toBe('Internet connection');
    expect(document.activeElement).toBe(stepHeading());
    const wired = (await screen.findByRole('heading', { name: 'Wired connection' })).closest('li') as HTMLElement;
    expect(await within(wired).findByText('Needs attention')).toBeTruthy();
    expect(within(wired).getByText('Plug a network cable into your router.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Others at home will go easy on the internet' })).toBeTruthy();
  });

  it('says when the computer checks could not run, and runs them again on request', async () => {
    const bridge = installWizardBridge(allPass);
    const start = bridge.calls.length;
    bridge.handle('scan:start', () => {
      throw new AppError('BUSY', 'A check is already running.');
    });
    renderWizard('full');
    await fillSession();
    await userEvent.click(continueButton());
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not run: A check is already running/);
    await userEvent.click(screen.getByRole('button', { name: 'Run the checks again' }));
    expect(bridge.calls.slice(start).filter((c) => c.channel === 'scan:start')).toHaveLength(2);
  });

  it('walks every step built from the catalog, and back', async () => {
    installWizardBridge(allPass);
    renderWizard('full');
    await fillSession();
    const seen: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      seen.push(stepHeading().textContent ?? '');
      await userEvent.click(continueButton());
    }
    seen.push(stepHeading().textContent ?? '');
    expect(seen).toEqual([
      'About this session',
      'Internet connection',
      'Other programs',
      'Privacy and listening devices',
      'Camera, microphone and headphones',
      'Computer security',
      'Safeguarding and meeting set-up',
      'Summary',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(stepHeading().textContent).toBe('Safeguarding and meeting set-up');
    expect(screen.getByRole('heading', { name: 'You know where your client is today' })).toBeTruthy();
  });

  it('tests the camera and microphone on the media step and releases them when leaving it', async () => {
    installWizardBridge(allPass);
    renderWizard('full');
    await fillSession();
    await userEvent.click(continueButton());
    act(() => useWizardStore.getState().goTo('media'));
    expect(await screen.findByLabelText(/Camera preview/)).toBeTruthy();
    act(() => media.tick(6));
    const camera = screen.getByRole('heading', { name: 'Camera works' }).closest('li') as HTMLElement;
    expect(within(camera).getByText('OK')).toBeTruthy();
    expect(screen.getByText('Your microphone hears you clearly.')).toBeTruthy();
    await userEvent.click(continueButton());
    expect(media.streams.every((s) => s.tracks.every((t) => t.stopped))).toBe(true);
  });

  it('skips the camera step for text chat and says what is not needed', async () => {
    installWizardBridge(allPass);
    renderWizard('full');
    await fillSession();
    await userEvent.click(screen.getByLabelText('Text chat'));
    await userEvent.click(continueButton());
    for (let i = 0; i < 3; i += 1) await userEvent.click(continueButton());
    expect(stepHeading().textContent).toBe('Computer security');
    expect(screen.getAllByRole('listitem').length).toBeGreaterThan(0);
    act(() => useWizardStore.getState().goTo('privacy'));
    expect(screen.getByText(/Not needed for text chat sessions: nothing confidential is in view/)).toBeTruthy();
  });

  it('is not ready until the blockers are done, and lists what is left with a way back to each', async () => {
    installWizardBridge(allPass);
    renderWizard('full');
    await fillSession();
    await userEvent.click(continueButton());
    act(() => useWizardStore.getState().goTo('summary'));
    expect(await screen.findByRole('heading', { name: /Not ready/ })).toBeTruthy();
    const needed = screen.getByRole('heading', { name: /Needed before you start \(\d+\)/ })
      .parentElement as HTMLElement;
    const privacy = within(needed).getByText('Privacy and listening devices').closest('li') as HTMLElement;
    const room = within(privacy).getByText('The room is private').closest('li') as HTMLElement;
    expect(within(room).getByText('Not confirmed yet')).toBeTruthy();
    expect(within(needed).getByText('Camera works').closest('li')?.textContent).toMatch(/Not tested yet/);
    const advice = screen.getByRole('heading', { name: /Advice \(\d+\)/ }).parentElement as HTMLElement;
    expect(within(advice).getByText('The session link was sent privately')).toBeTruthy();
    await userEvent.click(within(privacy).getByRole('button', { name: /Go to this step/ }));
    expect(stepHeading().textContent).toBe('Privacy and listening devices');
  });

  it('saves a ready log, records the end of the session and reopens closed programs', async () => {
    const bridge = installWizardBridge(allPass);
    renderWizard('full');
    await fillSession();
    await userEvent.click(continueButton());
    passMediaTests();
    confirmEverything();
    act(() => useWizardStore.getState().goTo('summary'));
    expect(await screen.findByRole('heading', { name: 'Ready' })).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Note for the log (optional)'), 'All fine.');
    await userEvent.click(await screen.findByRole('button', { name: 'Save and start session' }));

    // The window names main's scan and sends only what it measured itself (the media tests).
    const request = logSaveRequestSchema.parse(bridge.calls.find((c) => c.channel === 'logs:save')?.request);
    expect(request.scanId).toBe('scan-1');
    expect(request.media.map((m) => m.id).sort()).toEqual([
      'media.camera',
      'media.echo',
      'media.lighting',
      'media.microphone',
      'media.output',
    ]);
    const log = savedLog(bridge);
    expect(log).toMatchObject({
      clientCode: 'AB-017',
      platform: 'teams',
      modality: 'video',
      outcome: 'ready',
      note: 'All fine.',
    });
    expect(log.programsClosed).toEqual([{ name: 'Dropbox', category: 'sync' }]);
    expect(log.checks.map((c) => c.id)).toEqual(
      expect.arrayContaining(['connection.quality', 'media.camera', 'media.output']),
    );
    expect(log.confirmations.every((c) => c.confirmed)).toBe(true);
    const saved = await screen.findByRole('heading', { name: /Log saved/ });
    expect(document.activeElement).toBe(saved);

    await userEvent.click(screen.getByRole('button', { name: 'End session' }));
    const ended = bridge.calls.find((c) => c.channel === 'logs:add-addendum');
    expect(ended?.request).toMatchObject({ id: 'log-00000001', addendum: { kind: 'session-ended' } });
    expect(await screen.findByRole('heading', { name: /Session ended at/ })).toBeTruthy();

    expect(await screen.findByText(/closed one program before the session: Dropbox/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Reopen closed programs' }));
    expect(bridge.calls.some((c) => c.channel === 'programs:reopen')).toBe(true);
    expect(bridge.calls.filter((c) => c.channel === 'logs:add-addendum').at(-1)?.request).toEqual({
      id: 'log-00000001',
      addendum: { kind: 'programs-reopened', programs: [{ name: 'Dropbox', category: 'sync' }] },
    });
    expect(await screen.findByText(/Dropbox: opened again/)).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Start a new check' }));
    expect(await screen.findByRole('heading', { name: 'About this session' })).toBeTruthy();
    expect((screen.getByLabelText('Client code') as HTMLInputElement).value).toBe('');
    expect(useWizardStore.getState().confirmations).toEqual({});
  });

  it('still lets a not-ready log be saved, saying so honestly', async () => {
    const bridge = installWizardBridge({ ...allPass, 'connection.quality': 'fail' });
    renderWizard('full');
    await fillSession();
    await userEvent.click(continueButton());
    act(() => useWizardStore.getState().goTo('summary'));
    expect(await screen.findByText(/log will record honestly/)).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: 'Save and start session' }));
    expect(savedLog(bridge, { ...allPass, 'connection.quality': 'fail' }).outcome).toBe('not-ready');
  });

  it('shows why the log was not saved', async () => {
    installWizardBridge(allPass, {
      'logs:save': () => {
        throw new (class extends Error {})('nope');
      },
    });
    renderWizard('full');
    await fillSession();
    await userEvent.click(continueButton());
    act(() => useWizardStore.getState().goTo('summary'));
    await userEvent.click(await screen.findByRole('button', { name: 'Save and start session' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/The log was not saved/);
  });

  it('offers to run the checks again when main no longer has them, keeping what was entered', async () => {
    let saves = 0;
    const bridge = installWizardBridge(allPass, {
      'logs:save': (req) => {
        saves += 1;
        if (saves === 1) throw new AppError('STALE', 'The computer checks for this session were run too long ago.');
        return { id: 'log-00000002', outcome: 'not-ready', unused: [req.scanId ?? 'none'] };
      },
    });
    renderWizard('full');
    await fillSession();
    await userEvent.click(continueButton());
    act(() => useWizardStore.getState().goTo('summary'));
    await userEvent.type(await screen.findByLabelText('Note for the log (optional)'), 'Kept.');
    await userEvent.click(await screen.findByRole('button', { name: 'Save and start session' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/run too long ago/);
    await userEvent.click(within(alert).getByRole('button', { name: 'Run the checks again' }));
    await waitFor(() => expect(bridge.calls.filter((c) => c.channel === 'scan:start')).toHaveLength(2));
    await userEvent.click(await screen.findByRole('button', { name: 'Save and start session' }));
    const second = logSaveRequestSchema.parse(bridge.calls.filter((c) => c.channel === 'logs:save').at(-1)?.request);
    expect(second.scanId).toBe('scan-2');
    expect(second.note).toBe('Kept.');
  });
});

describe('WizardPage, saving', () => {
  it('keeps focus on "Save and start session" while saving and saves only once on a double press', async () => {
    const bridge = installWizardBridge(allPass);
    let finish: (() => void) | null = null;
    bridge.handle(
      'logs:save',
      () =>
        new Promise((resolve) => {
          finish = () => resolve({ id: 'log-00000001', outcome: 'ready', unused: [] });
        }),
    );
    renderWizard('full');
    await fillSession();
    await userEvent.click(continueButton());
    act(() => useWizardStore.getState().goTo('summary'));
    const save = await screen.findByRole('button', { name: 'Save and start session' });
    await userEvent.click(save);
    const saving = screen.getByRole('button', { name: 'Saving…' });
    expect(saving.getAttribute('aria-disabled')).toBe('true');
    expect((saving as HTMLButtonElement).disabled).toBe(false);
    expect(document.activeElement).toBe(saving);
    await userEvent.click(saving);
    expect(bridge.calls.filter((c) => c.channel === 'logs:save')).toHaveLength(1);
    await act(async () => finish?.());
    expect(await screen.findByRole('heading', { name: /Log saved/ })).toBeTruthy();
  });
  it('reopens the closed programs once, however quickly "Reopen" is pressed twice', async () => {
    const bridge = installWizardBridge(allPass);
    let finish: (() => void) | null = null;
    bridge.handle(
      'programs:reopen',
      () =>
        new Promise((resolve) => {
          finish = () => resolve({ results: [{ name: 'Dropbox', outcome: 'reopened', message: '' }] });
        }),
    );
    renderWizard('full');
    await fillSession();
    await userEvent.click(continueButton());
    act(() => useWizardStore.getState().goTo('summary'));
    await userEvent.click(await screen.findByRole('button', { name: 'Save and start session' }));
    await userEvent.click(await screen.findByRole('button', { name: 'End session' }));
    const reopen = await screen.findByRole('button', { name: 'Reopen closed programs' });
    await userEvent.dblClick(reopen);
    expect(screen.getByRole('button', { name: 'Opening…' }).getAttribute('aria-disabled')).toBe('true');
    await act(async () => finish?.());
    expect(await screen.findByText(/Dropbox: opened again/)).toBeTruthy();
    expect(bridge.calls.filter((c) => c.channel === 'programs:reopen')).toHaveLength(1);
    expect(screen.queryByText(/could not be added to the log/)).toBeNull();
  });
});

describe('WizardPage, quick check', () => {
  it('runs the checks at once and saves after confirming everything on one screen', async () => {
    const bridge = installWizardBridge(allPass);
    renderWizard('quick');
    expect(await screen.findByRole('heading', { name: 'Quick check', level: 1 })).toBeTruthy();
    expect(bridge.calls.find((c) => c.channel === 'scan:start')?.request).toEqual({ platform: 'teams' });
    expect(await screen.findByText(/All 4 computer checks passed/)).toBeTruthy();

    await fillSession();
    act(() => media.tick(6));
    await userEvent.click(screen.getByRole('button', { name: 'Play test sound' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, I heard it' }));
    await userEvent.click(screen.getByRole('button', { name: 'Record and play back 3 seconds' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Yes, I sounded clear' }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm all of these' }));
    // "Confirm all" covers the room, devices and meeting, never the client's own safety items.
    expect(await screen.findByRole('heading', { name: 'Not ready', level: 2 })).toBeTruthy();
    const location = screen.getByLabelText('I know where client AB-017 is for this session (the exact location).');
    const contact = screen.getByLabelText('I have the emergency contact for client AB-017 at hand.');
    expect((location as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('heading', { name: 'For client AB-017, today' })).toBeTruthy();
    await userEvent.click(location);
    await userEvent.click(contact);
    expect(await screen.findByRole('heading', { name: 'Ready', level: 2 })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Save and start session' }));
    expect(savedLog(bridge).outcome).toBe('ready');
  });

  it('lists automatic problems and opens the full check where they are', async () => {
    installWizardBridge({ ...allPass, 'security.firewall': 'fail' });
    renderWizard('quick');
    expect(await screen.findByText(/One thing needs a look/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Open the full check' }));
    expect(useRouteStore.getState().route).toBe('wizard');
    expect(useWizardStore.getState().step).toBe('security');
  });

  it('says which computer checks do not apply instead of counting them as passed', async () => {
    installWizardBridge({ ...allPass, 'security.firewall': 'skipped' });
    renderWizard('quick');
    expect(
      await screen.findByText(/3 computer checks passed\. One other does not apply to this computer\./),
    ).toBeTruthy();
    expect(screen.queryByText(/All 4 computer checks passed/)).toBeNull();
  });

  it('shows the checks as still running, not as problems, until the scan answers', async () => {
    const bridge = installWizardBridge(allPass);
    let answer: (() => void) | null = null;
    bridge.handle(
      'scan:start',
      () =>
        new Promise((resolve) => {
          answer = () => resolve({ scanId: 'scan-late', checkIds: [] });
        }),
    );
    renderWizard('quick');
    expect(await screen.findByText(/Checking this computer… 0 of 4 done/)).toBeTruthy();
    expect(screen.queryByText(/need a look/)).toBeNull();
    expect(screen.queryByText(/computer checks passed/)).toBeNull();
    await act(async () => answer?.());
  });

  it('offers to run the computer checks again when they could not run', async () => {
    const bridge = installWizardBridge(allPass);
    const handlers = { ok: false };
    const working = (req: { only?: string[] }) => {
      const scanId = 'scan-again';
      const ids = ['connection.type', 'connection.quality', 'programs.background', 'security.firewall'];
      queueMicrotask(() => {
        for (const id of req.only ?? ids) {
          bridge.emit('scan:result', {
            scanId,
            result: { id, status: 'pass', summary: 'ok', evidence: {}, fix: null, durationMs: 1 },
          });
        }
        bridge.emit('scan:finished', { scanId, durationMs: 1 });
      });
      return { scanId, checkIds: (req.only ?? ids) as never };
    };
    bridge.handle('scan:start', (req) => {
      if (!handlers.ok) throw new AppError('BUSY', 'A check is already running.');
      return working(req);
    });
    renderWizard('quick');
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not run: A check is already running/);
    handlers.ok = true;
    await userEvent.click(screen.getByRole('button', { name: 'Run the checks again' }));
    expect(await screen.findByText(/All 4 computer checks passed/)).toBeTruthy();
    expect(bridge.calls.filter((c) => c.channel === 'scan:start')).toHaveLength(2);
  });

  it('asks for a client code before saving', async () => {
    installWizardBridge(allPass);
    renderWizard('quick');
    expect(await screen.findByText('Enter a client code.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save and start session' })).toBeNull();
  });
});

describe('WizardPage, vault', () => {
  const locked = {
    state: 'locked' as const,
    keychain: { available: false, enabled: false, reason: null },
    unreadablePeriods: [],
    idleLockMinutes: 15,
  };

  it('asks to unlock the vault before saving, then saves', async () => {
    const bridge = installWizardBridge(allPass, {
      'vault:status': () => locked,
      'vault:unlock': () => ({ ...locked, state: 'unlocked' }),
    });
    renderWizard('full');
    await fillSession();
    await userEvent.click(continueButton());
    act(() => useWizardStore.getState().goTo('summary'));
    expect(await screen.findByRole('heading', { name: 'Unlock your logs' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save and start session' })).toBeNull();
    await userEvent.type(screen.getByLabelText('Passphrase'), 'calm harbour lantern');
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    const save = await screen.findByRole('button', { name: 'Save and start session' });
    await waitFor(() => expect(document.activeElement).toBe(save));
    await userEvent.click(save);
    expect(bridge.calls.some((c) => c.channel === 'logs:save')).toBe(true);
  });

  it('shows unlock again when the vault locked before the save arrived', async () => {
    let state: 'unlocked' | 'locked' = 'unlocked';
    installWizardBridge(allPass, {
      'vault:status': () => ({ ...locked, state }),
      'logs:save': () => {
        state = 'locked';
        throw new AppError('LOCKED', 'Your logs are locked.');
      },
    });
    renderWizard('full');
    await fillSession();
    await userEvent.click(continueButton());
    act(() => useWizardStore.getState().goTo('summary'));
    await userEvent.click(await screen.findByRole('button', { name: 'Save and start session' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/The log was not saved: Your logs are locked/);
    expect(await screen.findByRole('heading', { name: 'Unlock your logs' })).toBeTruthy();
  });
});
