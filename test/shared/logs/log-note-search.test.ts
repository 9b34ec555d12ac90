import { describe, expect, it } from 'vitest';

import { noteSearchText, searchableText } from '../../../shared/logs/log-note-search';

describe('searchableText', () => {
  it('ignores accents, case and hidden characters, and keeps words apart across line breaks and tabs', () => {
    expect(searchableText('Café\u200b  LATE')).toBe('cafe late');
    expect(searchableText('client late\nheadphones ok')).toBe('client late headphones ok');
    expect(searchableText('late\tagain\r\n')).toBe('late again');
  });

  it('finds a phrase that spans a line break in a note', () => {
    const text = noteSearchText({ note: 'Client was late\nheadphones fine', addenda: [] });
    expect(text.includes(searchableText('late headphones'))).toBe(true);
  });
});
