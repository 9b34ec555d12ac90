import { describe, expect, it } from 'vitest';

import { clientPrepSheet, clientPrepText, prepPlatforms } from '../../../shared/safety/client-prep';
import { sessionPlatformIds } from '../../../shared/session/platforms';

describe('the client preparation sheet', () => {
  it('exists for every platform that can be chosen', () => {
    expect(prepPlatforms).toEqual(sessionPlatformIds);
  });

  it.each(sessionPlatformIds)('covers every part of preparing for %s', (platform) => {
    const sheet = clientPrepSheet(platform);
    expect(sheet.sections.map((s) => s.id)).toEqual(['space', 'headphones', 'device', 'drops', 'privacy', 'leave']);
    for (const section of sheet.sections) {
      expect(section.points.length, section.id).toBeGreaterThan(0);
      for (const point of section.points) expect(point.trim().length, section.id).toBeGreaterThan(10);
    }
    const text = clientPrepText(sheet);
    expect(text).toContain(sheet.platformName);
    expect(text).toMatch(/headphones/i);
    expect(text).toMatch(/charge/i);
    expect(text).toContain('If the call drops');
    expect(text).toContain('ACTO guidance, 2020');
  });

  it('tells a browser user to close the tab and an app user to press Leave or hang up', () => {
    expect(clientPrepText(clientPrepSheet('doxy-me'))).toContain('Ctrl+W (Cmd+W on a Mac)');
    expect(clientPrepText(clientPrepSheet('zoom'))).toContain('red Leave or End button');
    expect(clientPrepText(clientPrepSheet('whatsapp'))).toContain('Tap the red button');
  });

  it('names the platform’s own privacy risks', () => {
    expect(clientPrepText(clientPrepSheet('whatsapp'))).toMatch(/backups/i);
    expect(clientPrepText(clientPrepSheet('teams'))).toMatch(/work, school or shared Microsoft account/);
    expect(clientPrepText(clientPrepSheet('whereby'))).toMatch(/room link/);
  });
});
