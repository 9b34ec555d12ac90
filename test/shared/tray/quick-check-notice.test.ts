import { describe, expect, it } from 'vitest';

import { automaticCheckIds } from '../../../shared/checks/check-ids';
import type { CheckResult, CheckStatus } from '../../../shared/checks/check-result';
import { quickCheckNotice } from '../../../shared/tray/quick-check-notice';

const result = (id: string, status: CheckStatus, summary = `${id} is ${status}`): CheckResult => ({
  id,
  status,
  summary,
  evidence: {},
  fix: null,
  durationMs: 1,
});

/** Every automatic check passed, except the ones named. */
function results(overrides: Record<string, CheckStatus> = {}): CheckResult[] {
  return automaticCheckIds.map((id) => result(id, overrides[id] ?? 'pass'));
}

const input = (list: CheckResult[], rememberedNotApplicable: string[] = []) => ({
  results: list,
  modality: 'video' as const,
  rememberedNotApplicable,
});

describe('quickCheckNotice', () => {
  it('says "Ready" when every computer check passed, and reminds that the room and client are still to confirm', () => {
    const notice = quickCheckNotice(input(results()));
    expect(notice.title).toBe('Ready');
    expect(notice.body).toMatch(/Confirm your room and client/);
    expect(notice).toMatchObject({ outcome: 'ready', firstProblem: null, problemCount: 0 });
  });

  it('counts the things that need attention in the title', () => {
    const notice = quickCheckNotice(
      input(results({ 'security.firewall': 'fail', 'connection.type': 'warn', 'security.antivirus': 'unknown' })),
    );
    expect(notice.title).toBe('3 things need attention');
    expect(notice.problemCount).toBe(3);
    expect(notice.outcome).toBe('ready-with-advice');
  });

  it('says "1 thing" for a single problem, in the check’s own words', () => {
    const notice = quickCheckNotice(
      input([
        ...results({ 'security.firewall': 'fail' }).filter((r) => r.id !== 'security.firewall'),
        result('security.firewall', 'fail', 'The firewall is off.'),
      ]),
    );
    expect(notice.title).toBe('1 thing needs attention');
    expect(notice.body).toBe('The firewall is off. Click to see what to do.');
  });

  it('counts a check that could not tell as needing attention: unknown is never a pass', () => {
    const notice = quickCheckNotice(input(results({ 'security.disk-encryption': 'unknown' })));
    expect(notice.title).toBe('1 thing needs attention');
    expect(notice.firstProblem).toEqual({ step: 'security', checkId: 'security.disk-encryption' });
  });

  it('counts a check that sent no result at all as needing attention', () => {
    const notice = quickCheckNotice(input(results().filter((r) => r.id !== 'computer.power')));
    expect(notice.problemCount).toBe(1);
    expect(notice.outcome).toBe('not-ready');
    expect(notice.body).toMatch(/no result/);
  });

  it('opens at a blocker before advice, even when the advice comes first in the catalog', () => {
    const notice = quickCheckNotice(input(results({ 'connection.type': 'warn', 'privacy.recording': 'fail' })));
    expect(notice.outcome).toBe('not-ready');
    expect(notice.firstProblem).toEqual({ step: 'privacy', checkId: 'privacy.recording' });
    expect(notice.body).toMatch(/^privacy\.recording is fail\. And 1 more\./);
  });

  it('leaves out checks kept as not applicable on this computer, without counting them as passed', () => {
    const notice = quickCheckNotice(input(results({ 'security.antivirus': 'warn' }), ['security.antivirus']));
    expect(notice.title).toBe('Ready');
  });

  it('does not count checks skipped as not applying to this computer', () => {
    const notice = quickCheckNotice(input(results({ 'audio.headset-battery': 'skipped' })));
    expect(notice.problemCount).toBe(0);
  });
});
