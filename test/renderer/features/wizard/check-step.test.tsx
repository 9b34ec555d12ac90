import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { MediaEnvContext } from '../../../../renderer/features/media/media-env';
import { CheckStep } from '../../../../renderer/features/wizard/check-step';
import { useProgramsStore } from '../../../../renderer/stores/programs-store';
import { useScanStore } from '../../../../renderer/stores/scan-store';
import { useWizardStore } from '../../../../renderer/stores/wizard-store';
import { createFakeMediaEnv } from '../media/fake-media-env';
import { checkResult, installWizardBridge } from './wizard-fixtures';

vi.mock('../../../../shared/catalog/automatic.catalog', async () => ({
  automaticCatalog: (await import('./test-catalog')).testAutomaticCatalog,
}));

function renderStep(step: Parameters<typeof CheckStep>[0]['step'], modality: 'video' | 'audio' | 'text') {
  useWizardStore.getState().initialise({
    clientCode: 'AB-017',
    sessionAt: '',
    platform: 'zoom',
    platformHost: '',
    modality,
  });
  return render(
    <MediaEnvContext.Provider value={createFakeMediaEnv().env}>
      <CheckStep step={step} />
    </MediaEnvContext.Provider>,
  );
}

beforeEach(() => {
  installWizardBridge();
});

describe('CheckStep', () => {
  it('shows every catalog item of the step, automatic first and confirmations last', () => {
    useScanStore.setState({ results: { 'connection.type': checkResult('connection.type', 'pass', 'On a cable.') } });
    renderStep('connection', 'video');
    const titles = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(titles).toEqual(['Wired connection', 'Connection is steady', 'Others at home will go easy on the internet']);
    expect(screen.getByText('On a cable.')).toBeTruthy();
  });

  it('leaves the camera out of an audio-only session and says so', () => {
    renderStep('media', 'audio');
    expect(screen.queryByRole('heading', { name: 'Camera works' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Microphone picks up your voice' })).toBeTruthy();
    expect(screen.getByText(/Not needed for audio only sessions: camera works; your face is well lit/)).toBeTruthy();
  });

  it('gives the programs item its checklist', async () => {
    renderStep('programs', 'video');
    await act(() => useProgramsStore.getState().load('zoom', []));
    expect((screen.getByLabelText(/Dropbox/) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('button', { name: 'Close selected (2)' })).toBeTruthy();
  });

  it('gives the media items their tests', () => {
    renderStep('media', 'video');
    expect(screen.getByRole('button', { name: 'Play test sound' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Check for speakers with the microphone' })).toBeTruthy();
  });
});
