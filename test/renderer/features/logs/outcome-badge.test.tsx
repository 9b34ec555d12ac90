import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { outcomeIcons } from '../../../../renderer/components/icons';
import { OutcomeBadge } from '../../../../renderer/features/logs/outcome-badge';
import { outcomes, type Outcome } from '../../../../shared/logs/readiness-log';

// Tests run from the repository's root.
const css = readFileSync(resolve('renderer/features/logs/outcome-badge.css'), 'utf8');

/** The path data a CSS rule's mask draws, decoded from its data: address. */
function cssPaths(outcome: Outcome): string[] {
  const rule = new RegExp(
    `\\.rr-outcome--${outcome}::before \\{\\s*mask-image: url\\("data:image/svg\\+xml,([^"]+)"\\);`,
  ).exec(css);
  if (!rule?.[1]) return [];
  return [...decodeURIComponent(rule[1]).matchAll(/ d='([^']+)'/g)].map((m) => m[1] ?? '');
}

function lucidePaths(outcome: Outcome): string[] {
  const svg = renderToStaticMarkup(createElement(outcomeIcons[outcome]));
  return [...svg.matchAll(/ d="([^"]+)"/g)].map((m) => m[1] ?? '');
}

describe('OutcomeBadge', () => {
  it.each(outcomes)('draws the same shape for "%s" as the lucide icon used elsewhere', (outcome) => {
    expect(lucidePaths(outcome).length).toBeGreaterThan(0);
    expect(cssPaths(outcome)).toEqual(lucidePaths(outcome));
  });

  it('says the outcome in words, with one element and no SVG, so a long list stays light', () => {
    const { container } = render(<OutcomeBadge outcome="ready-with-advice" />);
    expect(screen.getByText('Ready with advice')).toBe(container.firstElementChild);
    expect(container.querySelectorAll('*')).toHaveLength(1);
    expect(container.firstElementChild?.className).toContain('rr-outcome--ready-with-advice');
  });
});
