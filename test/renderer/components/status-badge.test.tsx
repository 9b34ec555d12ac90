import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { StatusBadge } from '../../../renderer/components/status-badge';

describe('StatusBadge', () => {
  it('says "Could not check" for unknown, never a pass word', () => {
    render(<StatusBadge status="unknown" />);
    expect(screen.getByText('Could not check')).toBeTruthy();
    expect(screen.queryByText('OK')).toBeNull();
  });

  it.each([
    ['pass', 'OK'],
    ['warn', 'Needs attention'],
    ['fail', 'Problem'],
    ['skipped', 'Not needed'],
    ['pending', 'Checking'],
  ] as const)('shows %s with a word as well as a colour', (status, word) => {
    const { container } = render(<StatusBadge status={status} />);
    expect(screen.getByText(word)).toBeTruthy();
    expect(container.querySelector(`[data-status="${status}"]`)).not.toBeNull();
  });
});
