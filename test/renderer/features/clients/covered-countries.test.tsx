import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';

import { CoveredCountries } from '../../../../renderer/features/clients/covered-countries';

function Harness({ onValue }: { readonly onValue: (v: string[]) => void }) {
  const [value, setValue] = useState<string[]>(['GB']);
  return (
    <CoveredCountries
      value={value}
      onChange={(next) => {
        setValue(next);
        onValue(next);
      }}
    />
  );
}

describe('CoveredCountries', { timeout: 20_000 }, () => {
  it('adds and removes countries by name, and says what happened', async () => {
    let last: string[] = [];
    const user = userEvent.setup();
    render(<Harness onValue={(v) => (last = v)} />);
    expect(screen.getByRole('list', { name: 'Countries covered' }).textContent).toContain('United Kingdom');
    await user.selectOptions(screen.getByLabelText('Add a country'), 'IE');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(last).toEqual(['GB', 'IE']);
    expect(screen.getByRole('status').textContent).toBe('Added Ireland.');
    await user.selectOptions(screen.getByLabelText('Add a country'), 'GB');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByRole('status').textContent).toBe('United Kingdom is already listed.');
    await user.click(screen.getByRole('button', { name: 'Remove United Kingdom' }));
    expect(last).toEqual(['IE']);
  });
});
