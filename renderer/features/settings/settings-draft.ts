import { createContext, useContext, useState } from 'react';

import { checkPlatformAddress, checkSpeedTestUrl } from '../../../shared/network/network-address';
import { asksForHost } from '../../../shared/session/platforms';
import { settingsIssue, type Settings } from '../../../shared/settings/settings';
import { thresholdEntries, type ThresholdPath, type Thresholds } from '../../../shared/settings/thresholds';
import { useSettingsStore } from '../../stores/settings-store';
import type { SettingsSectionId } from './settings-sections';

const toLines = (items: readonly string[]) => items.join('\n');
const fromLines = (text: string) =>
  text
    .split(/\r?\n|,/)
    .map((s) => s.trim())
    .filter(Boolean);

function thresholdTexts(thresholds: Thresholds): Record<ThresholdPath, string> {
  return Object.fromEntries(
    thresholdEntries().map(({ path }) => {
      const [group, key] = path.split('.') as [keyof Thresholds, string];
      return [path, String((thresholds[group] as Record<string, number>)[key])];
    }),
  ) as Record<ThresholdPath, string>;
}

/** The typed boxes as numbers; an empty or unreadable box becomes NaN, which the shared rules refuse in words. */
function thresholdsFrom(texts: Readonly<Record<ThresholdPath, string>>): Thresholds {
  const out: Record<string, Record<string, number>> = {};
  for (const { path } of thresholdEntries()) {
    const [group, key] = path.split('.') as [string, string];
    const text = texts[path].trim().replace(/^−/, '-');
    out[group] = { ...out[group], [key]: text === '' ? Number.NaN : Number(text) };
  }
  return out as unknown as Thresholds;
}

/** Which section shows a setting, so a refusal can bring its box into view. */
function sectionOfSetting(path: string): SettingsSectionId {
  const key = path.split('.')[0] ?? '';
  if (['defaultPlatform', 'otherPlatformHost', 'defaultModality', 'sessionMinutes', 'coveredCountries'].includes(key))
    return 'sessions';
  if (key === 'idleLockMinutes') return 'security';
  if (key === 'retentionYears' || key === 'practiceName') return 'data';
  if (key === 'theme') return 'appearance';
  return 'checks';
}

/** Why these addresses would be refused on save, and where; null when they are fine (or unchanged from the saved ones). */
function addressProblem(draft: Settings): { readonly reason: string; readonly section: SettingsSectionId } | null {
  const saved = useSettingsStore.getState().settings;
  const host = draft.otherPlatformHost.trim();
  if (asksForHost(draft.defaultPlatform) && host && host !== saved.otherPlatformHost) {
    const check = checkPlatformAddress(host);
    if (!check.ok) return { reason: check.reason, section: 'sessions' };
  }
  if (draft.throughput.enabled && !draft.throughput.downloadUrl.trim())
    return { reason: 'To run the speed test, give the https:// address of a file to download.', section: 'checks' };
  for (const field of ['downloadUrl', 'uploadUrl'] as const) {
    const url = draft.throughput[field].trim();
    if (!url || url === saved.throughput[field]) continue;
    const check = checkSpeedTestUrl(url);
    if (!check.ok) return { reason: check.reason, section: 'checks' };
  }
  return null;
}

/**
 * Every section edits one draft, and any section's "Save settings" saves all of it, so moving
 * between sections never loses a change. A refusal brings the section of the refused box into view.
 */
export function useSettingsDraft(initial: Settings, showSection: (section: SettingsSectionId) => void) {
  const update = useSettingsStore((s) => s.update);
  const [draft, setDraft] = useState<Settings>(initial);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // Raw text while typing; split into names only on save, so Enter starts a new line.
  const [alwaysText, setAlwaysText] = useState(toLines(initial.programs.alwaysSuggest));
  const [neverText, setNeverText] = useState(toLines(initial.programs.neverSuggest));
  const [limits, setLimits] = useState(() => thresholdTexts(initial.thresholds));
  const [invalidPath, setInvalidPath] = useState<string | null>(null);

  const changed = () => setSaved(false);
  return {
    draft,
    saved,
    problem,
    invalidPath,
    alwaysText,
    neverText,
    limits,
    patch(next: Partial<Settings>) {
      changed();
      setDraft((d) => ({ ...d, ...next }));
    },
    setAlwaysText(text: string) {
      changed();
      setAlwaysText(text);
    },
    setNeverText(text: string) {
      changed();
      setNeverText(text);
    },
    setLimit(path: ThresholdPath, text: string) {
      changed();
      setLimits((l) => ({ ...l, [path]: text }));
    },
    resetLimits(thresholds: Thresholds) {
      changed();
      setLimits(thresholdTexts(thresholds));
    },
    async save() {
      // The same rules main applies on save, shown before the round trip.
      const address = addressProblem(draft);
      if (address) {
        setProblem(address.reason);
        showSection(address.section);
        return;
      }
      const programs = { alwaysSuggest: fromLines(alwaysText), neverSuggest: fromLines(neverText) };
      // The list of "not applicable", the approvals and the login offer are changed on their own, never by this form.
      const { notApplicable: _kept, approvedHosts: _approvals, startAtLoginOffered: _offered, ...rest } = draft;
      const patch = { ...rest, practiceName: rest.practiceName.trim(), programs, thresholds: thresholdsFrom(limits) };
      const issue = settingsIssue({ ...useSettingsStore.getState().settings, ...patch });
      setInvalidPath(issue?.path ?? null);
      if (issue) {
        setProblem(`${issue.message} Nothing was saved.`);
        showSection(sectionOfSetting(issue.path));
        return;
      }
      setProblem(null);
      setSaved(await update(patch));
    },
  };
}

type SettingsDraft = ReturnType<typeof useSettingsDraft>;

export const SettingsDraftContext = createContext<SettingsDraft | null>(null);

export function useDraft(): SettingsDraft {
  const draft = useContext(SettingsDraftContext);
  if (!draft) throw new Error('useDraft outside the settings page');
  return draft;
}
