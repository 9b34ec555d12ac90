import { describe, expect, it } from 'vitest';

import { getCatalogEntry } from '../../../shared/catalog/catalog';
import type { CatalogEntry } from '../../../shared/catalog/catalog-types';
import {
  canConfirmByHand,
  canMarkNotApplicable,
  judgementInputSchema,
  judgementProblem,
  notApplicableReasonLabels,
  notApplicableReasons,
} from '../../../shared/checks/judgement';

const entry = (id: string): CatalogEntry => {
  const found = getCatalogEntry(id);
  if (!found) throw new Error(`no catalog entry ${id}`);
  return found;
};
const at = '2026-03-15T09:00:00.000Z';

describe('judgement rules', () => {
  it('offers "I checked this myself" only on automatic or media checks that could not tell or only warned', () => {
    const firewall = entry('security.firewall');
    expect(
      ['pass', 'warn', 'fail', 'unknown', 'skipped'].filter((s) => canConfirmByHand(firewall, s as never)),
    ).toEqual(['warn', 'unknown']);
    expect(canConfirmByHand(entry('media.camera'), 'unknown')).toBe(true);
    expect(canConfirmByHand(entry('room.private'), 'unconfirmed')).toBe(false);
  });

  it('offers "Not applicable" on anything not passed, except the client location and emergency contacts', () => {
    expect(canMarkNotApplicable(entry('security.antivirus'), 'fail')).toBe(true);
    expect(canMarkNotApplicable(entry('connection.household'), 'unconfirmed')).toBe(true);
    expect(canMarkNotApplicable(entry('security.antivirus'), 'pass')).toBe(false);
    expect(canMarkNotApplicable(entry('safeguarding.client-location'), 'unconfirmed')).toBe(false);
    expect(canMarkNotApplicable(entry('safeguarding.emergency-contacts'), 'unconfirmed')).toBe(false);
  });

  it('asks for a note on a blocker, for both kinds, and on "another reason"', () => {
    const quality = entry('connection.quality');
    expect(judgementProblem(quality, 'unknown', { kind: 'confirmed' })).toMatch(/add a short note/);
    expect(judgementProblem(quality, 'unknown', { kind: 'confirmed', note: '  ' })).toMatch(/add a short note/);
    expect(judgementProblem(quality, 'unknown', { kind: 'confirmed', note: 'Zoom test call was clear' })).toBeNull();
    expect(judgementProblem(quality, 'fail', { kind: 'not-applicable', reason: 'managed-by-clinic' })).toMatch(/note/);
    const firewall = entry('security.firewall');
    expect(judgementProblem(firewall, 'unknown', { kind: 'confirmed' })).toBeNull();
    expect(judgementProblem(firewall, 'unknown', { kind: 'not-applicable', reason: 'managed-by-clinic' })).toBeNull();
    expect(judgementProblem(firewall, 'unknown', { kind: 'not-applicable', reason: 'other' })).toMatch(
      /why "Firewall is on" does not apply/,
    );
  });

  it('explains why a judgement does not fit, in one sentence naming the check', () => {
    expect(judgementProblem(entry('security.firewall'), 'fail', { kind: 'confirmed' })).toMatch(
      /^"Firewall is on" found a problem/,
    );
    expect(judgementProblem(entry('room.private'), 'unconfirmed', { kind: 'confirmed' })).toMatch(/tick it/);
    expect(
      judgementProblem(entry('safeguarding.client-location'), 'unconfirmed', {
        kind: 'not-applicable',
        reason: 'other',
        note: 'x',
      }),
    ).toMatch(/about this session's client/);
  });

  it('has a label for every reason and validates input strictly', () => {
    expect(Object.keys(notApplicableReasonLabels).sort()).toEqual([...notApplicableReasons].sort());
    expect(judgementInputSchema.safeParse({ id: 'security.firewall', kind: 'confirmed', at }).success).toBe(true);
    expect(
      judgementInputSchema.safeParse({ id: 'security.firewall', kind: 'not-applicable', at }).success,
      'a reason is required',
    ).toBe(false);
    expect(
      judgementInputSchema.safeParse({ id: 'security.firewall', kind: 'confirmed', at, remembered: true }).success,
      'only main marks a judgement remembered',
    ).toBe(false);
    expect(
      judgementInputSchema.safeParse({ id: 'security.firewall', kind: 'confirmed', at, note: 'x'.repeat(501) }).success,
    ).toBe(false);
  });
});
