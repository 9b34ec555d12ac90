import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { programCatalog } from '../../../shared/programs/programs.catalog';
import { parseHostTarget } from '../../../shared/session/host-target';
import {
  asksForHost,
  describePlatform,
  getSessionPlatform,
  hostPrompt,
  isRetiredPlatform,
  knownPlatformIds,
  platformChoiceError,
  platformLabel,
  retiredPlatformIds,
  retiredPlatforms,
  sessionPlatformIds,
  sessionPlatforms,
} from '../../../shared/session/platforms';

const sourceSchema = z.strictObject({ url: z.url({ protocol: /^https$/ }), title: z.string().min(10) });
const timingSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('host'),
    host: z.string().refine((h) => parseHostTarget(h)?.host === h, 'a plain host name'),
    port: z.number().int().min(1).max(65_535),
    role: z.enum(['media', 'signalling']),
    why: z.string().min(30).max(220),
    source: sourceSchema,
  }),
  z.strictObject({
    kind: z.literal('user-host'),
    example: z.string().refine((h) => parseHostTarget(h) !== null),
    why: z.string().min(30),
    source: sourceSchema.nullable(),
  }),
  z.strictObject({ kind: z.literal('none'), reason: z.string().min(20) }),
]);
const platformSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string().min(2).max(40),
  timing: timingSchema,
  inBrowser: z.boolean(),
  programId: z.string().nullable(),
  closed: z.string().optional(),
});

describe('session platform data', () => {
  it('keeps the stored ids stable (they are saved in settings and logs: never rename or reuse one)', () => {
    expect(sessionPlatformIds).toEqual([
      'zoom',
      'zoom-healthcare',
      'teams',
      'google-meet',
      'doxy-me',
      'simplepractice',
      'therapynotes',
      'jane',
      'whereby',
      'vsee',
      'nhs-attend-anywhere',
      'coviu',
      'signal',
      'whatsapp',
      'other',
    ]);
    expect(retiredPlatformIds).toEqual(['skype']);
    expect(new Set(knownPlatformIds).size).toBe(knownPlatformIds.length);
  });

  it('describes every platform with a valid entry, in the same order as the ids', () => {
    expect(sessionPlatforms.map((p) => p.id)).toEqual([...sessionPlatformIds]);
    expect(retiredPlatforms.map((p) => p.id)).toEqual([...retiredPlatformIds]);
    for (const p of [...sessionPlatforms, ...retiredPlatforms])
      expect(platformSchema.safeParse(p).error).toBeUndefined();
  });

  it('gives every choosable platform something to time, each with a public https source', () => {
    for (const p of sessionPlatforms) {
      expect(p.timing.kind, p.id).not.toBe('none');
      if (p.timing.kind === 'host') expect(p.timing.source.url, p.id).toMatch(/^https:\/\//);
      if (p.timing.kind === 'user-host' && p.id !== 'other') expect(p.timing.source, p.id).not.toBeNull();
    }
  });

  it('covers the telehealth platforms therapists use, and no longer offers Skype', () => {
    const names = sessionPlatforms.map((p) => p.name).join(' | ');
    for (const name of [
      'SimplePractice',
      'TherapyNotes',
      'Jane',
      'doxy.me',
      'Zoom',
      'Zoom for Healthcare',
      'Microsoft Teams',
      'Google Meet',
      'Whereby',
      'VSee',
      'Attend Anywhere',
      'Near Me',
      'Coviu',
    ]) {
      expect(names).toContain(name);
    }
    expect(names).not.toMatch(/skype/i);
  });

  it('times Signal on its calling server, not the signal.org website', () => {
    const timing = getSessionPlatform('signal').timing;
    expect(timing).toMatchObject({ kind: 'host', host: 'sfu.voip.signal.org' });
  });

  it('never times a bare marketing website for a platform that publishes its call hosts', () => {
    const hosts = sessionPlatforms.flatMap((p) => (p.timing.kind === 'host' ? [p.timing.host] : []));
    expect(hosts).not.toContain('signal.org');
    expect(hosts).not.toContain('teams.microsoft.com');
    expect(hosts).not.toContain('whereby.com');
  });

  it('links every platform app to a program the programs catalog knows, so it is never closed', () => {
    const programIds = new Set(programCatalog.map((p) => p.id));
    for (const p of [...sessionPlatforms, ...retiredPlatforms]) {
      if (p.programId !== null) expect(programIds.has(p.programId), `${p.id} → ${p.programId}`).toBe(true);
    }
  });

  it('asks for an address only where the practice has its own (Jane, another platform)', () => {
    expect(sessionPlatformIds.filter(asksForHost)).toEqual(['jane', 'other']);
    expect(hostPrompt('jane')).toEqual({ label: 'Your Jane address', example: 'yourclinic.janeapp.com' });
    expect(hostPrompt('other')).toEqual({ label: 'Platform web address', example: 'video.example.org' });
  });
});

describe('closed platforms in old logs', () => {
  it('shows Skype with its closing date wherever an old log names it', () => {
    expect(isRetiredPlatform('skype')).toBe(true);
    expect(platformLabel('skype')).toBe('Skype (closed May 2025)');
    expect(describePlatform('skype').timing).toMatchObject({ kind: 'none' });
  });

  it('labels current platforms plainly, with the address when one was named', () => {
    expect(platformLabel('teams')).toBe('Microsoft Teams');
    expect(platformLabel('jane', 'myclinic.janeapp.com')).toBe('Jane (myclinic.janeapp.com)');
  });

  it('shows an id it does not know as unknown instead of failing', () => {
    expect(platformLabel('future-app')).toBe('Unknown platform (future-app)');
  });

  it('explains why a closed platform cannot be chosen', () => {
    expect(platformChoiceError('skype')).toMatch(
      /^Skype closed in May 2025 and can no longer be chosen\. Use one of: zoom,/,
    );
    expect(platformChoiceError('myspace')).toMatch(/^Unknown platform "myspace"\./);
  });
});
