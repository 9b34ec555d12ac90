import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { ScheduleSettings } from '../../../../renderer/features/schedule/schedule-settings';
import type { ScheduledSession } from '../../../../shared/ipc/schedule.contract';
import type { ScheduleInput } from '../../../../shared/schedule/schedule';
import { defaultSettings } from '../../../../shared/settings/settings';
import { installFakeVault } from '../vault/fake-vault';
import { sampleScheduleInput } from '../../../fixtures/schedule/sample-sessions';

const stored: ScheduledSession = { id: '0123456789abcdef', ...sampleScheduleInput() };

function setup() {
  const { bridge } = installFakeVault({ state: 'unlocked' });
  let sessions: ScheduledSession[] = [stored];
  const updates: { id: string; session: ScheduleInput }[] = [];
  bridge.handle('settings:get', () => defaultSettings);
  bridge.handle('schedule:list', () => ({ sessions, locked: false }));
  bridge.handle('schedule:upcoming', () => ({ sessions: [], locked: false }));
  bridge.handle('schedule:update', ({ id, session }) => {
    updates.push({ id, session: session as ScheduleInput });
    const next = { ...(session as ScheduleInput), id };
    sessions = [next];
    return next;
  });
  bridge.handle('schedule:delete', ({ id }) => {
    sessions = sessions.filter((s) => s.id !== id);
    return { deleted: true };
  });
  return { bridge, updates };
}

describe('ScheduleSettings', () => {
  it('changes a session: the form starts from its values and saves the new time in its own zone', async () => {
    const { updates } = setup();
    const user = userEvent.setup();
    render(<ScheduleSettings />);
    await user.click(await screen.findByRole('button', { name: 'Change the session with AB-017' }));
    const form = screen.getByRole('form', { name: 'Change this session' });
    const time = within(form).getByLabelText('Time');
    expect((time as HTMLInputElement).value).toBe('09:00');
    await user.clear(time);
    await user.type(time, '10:30');
    await user.selectOptions(within(form).getByLabelText('Repeats'), 'fortnightly');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Session changed.');
    const { id: _id, ...times } = stored;
    expect(updates).toEqual([
      { id: stored.id, session: { ...times, start: '2026-03-30T10:30', repeat: 'fortnightly' } },
    ]);
    expect(screen.getByRole('list', { name: 'Your scheduled sessions' }).textContent).toMatch(/10:30.*every two weeks/);
  });

  it('refuses an end date before the first session without calling main', async () => {
    const { bridge } = setup();
    const user = userEvent.setup();
    render(<ScheduleSettings />);
    const form = await screen.findByRole('form', { name: 'Add a session' });
    await user.type(within(form).getByLabelText('Date'), '2026-04-10');
    await user.type(within(form).getByLabelText('Time'), '09:00');
    await user.type(within(form).getByLabelText('Client code'), 'CD-2');
    await user.type(within(form).getByLabelText('Last date (optional)'), '2026-04-01');
    await user.click(within(form).getByRole('button', { name: 'Add session' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('The end date is before the first session.');
    await waitFor(() => expect(bridge.calls.some((c) => c.channel === 'schedule:add')).toBe(false));
  });
});
