import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { ReviewPage } from '../../../../renderer/features/review/review-page';
import type { ReviewItemView, ReviewView } from '../../../../shared/ipc/review.contract';
import { defaultSettings } from '../../../../shared/settings/settings';
import { installFakeVault } from '../vault/fake-vault';

const item = (entry: ReviewItemView['entry'], due: boolean, dueOn: string | null): ReviewItemView => ({
  id: 'review.cyber-cover',
  title: 'Cyber insurance',
  detail: 'Check what your insurance covers online.',
  source: 'NCSC',
  entry,
  due,
  dueOn,
});

function setup() {
  const { bridge } = installFakeVault({ state: 'unlocked' });
  let view: ReviewView = {
    intervalMonths: 12,
    dueCount: 1,
    items: [item({ doneOn: null, nextDue: null, note: '' }, true, null)],
  };
  bridge.handle('settings:get', () => defaultSettings);
  bridge.handle('review:get', () => view);
  bridge.handle('review:update', ({ doneOn, nextDue, note }) => {
    view = { intervalMonths: 12, dueCount: 0, items: [item({ doneOn, nextDue, note }, false, '2027-03-02')] };
    return view;
  });
  return bridge;
}

describe('ReviewPage', () => {
  it('after a save, keeps the form open, says "Saved." and leaves the focus on the Save button', async () => {
    setup();
    const user = userEvent.setup();
    render(<ReviewPage />);
    const card = await screen.findByRole('listitem', { name: 'Cyber insurance' });
    expect(within(card).getByText('Due: not reviewed yet')).toBeTruthy();
    await user.click(within(card).getByText('Record this review'));
    await user.type(within(card).getByLabelText('Done on'), '2026-03-02');
    const saveButton = within(card).getByRole('button', { name: /Save/ });
    await user.click(saveButton);
    expect(await within(card).findByRole('status')).toHaveProperty('textContent', 'Saved.');
    expect(document.activeElement).toBe(saveButton);
    expect(within(card).getByText('Done 2 March 2026; next due 2 March 2027')).toBeTruthy();
  });

  it('says only the next due date of an item with one but never done', async () => {
    const bridge = setup();
    bridge.handle('review:get', () => ({
      intervalMonths: 12,
      dueCount: 0,
      items: [item({ doneOn: null, nextDue: '2027-01-10', note: '' }, false, '2027-01-10')],
    }));
    render(<ReviewPage />);
    const card = await screen.findByRole('listitem', { name: 'Cyber insurance' });
    expect(within(card).getByText('Next due 10 January 2027')).toBeTruthy();
  });
});
