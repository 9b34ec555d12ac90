import { describe, expect, it } from 'vitest';

import { toLocalInput } from '../../../renderer/lib/local-time';
import { useWizardStore } from '../../../renderer/stores/wizard-store';

const details = {
  clientCode: '',
  sessionAt: '2026-03-02T10:00',
  platform: 'teams',
  platformHost: '',
  modality: 'audio',
} as const;

describe('useWizardStore', () => {
  it('applies the defaults once, so a later visit keeps what was typed', () => {
    useWizardStore.getState().initialise(details);
    useWizardStore.getState().updateSession({ clientCode: 'AB-017' });
    useWizardStore.getState().initialise({ ...details, platform: 'zoom' });
    expect(useWizardStore.getState().session).toMatchObject({ clientCode: 'AB-017', platform: 'teams' });
  });

  it('records confirmations one by one or all at once', () => {
    useWizardStore.getState().confirm('room.private', true);
    useWizardStore.getState().confirm('room.private', false);
    useWizardStore.getState().confirmAll(['a.b', 'c.d']);
    expect(useWizardStore.getState().confirmations).toEqual({ 'room.private': false, 'a.b': true, 'c.d': true });
  });

  it('starts again from the first step on reset', () => {
    useWizardStore.getState().goTo('summary');
    useWizardStore.getState().setSave({ status: 'saved', logId: 'log-12345678' });
    useWizardStore.getState().reset();
    expect(useWizardStore.getState()).toMatchObject({ step: 'session', save: { status: 'idle' }, initialised: false });
  });
});

describe('toLocalInput', () => {
  it('formats a date the way a datetime-local input expects', () => {
    expect(toLocalInput(new Date(2026, 0, 5, 9, 7))).toBe('2026-01-05T09:07');
  });
});
