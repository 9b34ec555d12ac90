import { describe, expect, it } from 'vitest';

import { continuityPlan, continuityPlanText } from '../../../shared/safety/continuity-plan';
import { crisisCardText } from '../../../shared/safety/crisis-card';
import { noCrisisLineText } from '../../../shared/safety/emergency-numbers';

describe('the continuity plan', () => {
  it('covers reconnecting, phoning the back-up number and escalating, in that order', () => {
    const ids = continuityPlan.sections.map((s) => s.id);
    expect(ids.indexOf('reconnect')).toBeLessThan(ids.indexOf('phone'));
    expect(ids.indexOf('phone')).toBeLessThan(ids.indexOf('escalate'));
    for (const section of continuityPlan.sections) expect(section.steps.length).toBeGreaterThan(0);
  });

  it('treats silence as a possible emergency, not a bad connection', () => {
    expect(continuityPlan.principle).toMatch(/not proof of a bad connection/);
    expect(continuityPlan.principle).toMatch(/something may have happened/);
  });

  it('names its sources', () => {
    const text = continuityPlanText();
    expect(text).toContain('ACTO guidance, 2020');
    expect(text).toContain('APA Guidelines for the Practice of Telepsychology');
    expect(text).toContain('BACP');
    expect(text).toContain('Phone the back-up number');
    expect(text).toContain('1. Rejoin the same call');
  });
});

describe('the crisis card as text', () => {
  it('shows the country, its numbers, the crisis line with its source, and the plan', () => {
    const text = crisisCardText('GB');
    expect(text).toContain('CRISIS CARD: United Kingdom (GB)');
    expect(text).toContain('Emergency: 999 or 112');
    expect(text).toContain('Crisis line: Samaritans, 116 123');
    expect(text).toContain('https://www.samaritans.org/');
    expect(text).toContain('IF THE VIDEO DROPS');
  });

  it('says plainly when no crisis line is confirmed', () => {
    const text = crisisCardText('BG');
    expect(text).toContain('Emergency: 112');
    expect(text).toContain(noCrisisLineText);
  });

  it('leaves the plan out on request and says when the country is not in the table', () => {
    expect(crisisCardText('DE', { plan: null })).not.toContain('IF THE VIDEO DROPS');
    expect(crisisCardText('AQ', { plan: null })).toContain('ReadyRoom has no emergency numbers for Antarctica');
  });
});
