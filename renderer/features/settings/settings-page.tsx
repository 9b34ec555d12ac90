import { useEffect, useState, type ReactNode } from 'react';

import type { Settings } from '../../../shared/settings/settings';
import { PageHeader } from '../../components/page-header';
import { useSettingsStore } from '../../stores/settings-store';
import { AppearanceSection } from './appearance-section';
import { ChecksSection } from './checks-section';
import { DataSection } from './data-section';
import { SecuritySection } from './security-section';
import { panelId, SectionTabs, tabId } from './section-tabs';
import { SessionsSection } from './sessions-section';
import { SettingsDraftContext, useSettingsDraft } from './settings-draft';
import { settingsSections, type SettingsSectionId } from './settings-sections';
import { StartAtLoginSection } from './start-at-login';
import './settings.css';

const prefix = 'rr-settings';

const panels: Record<SettingsSectionId, () => ReactNode> = {
  sessions: () => <SessionsSection />,
  checks: () => <ChecksSection />,
  security: () => <SecuritySection />,
  data: () => <DataSection />,
  startup: () => <StartAtLoginSection />,
  appearance: () => <AppearanceSection />,
};

/** Preferences, in sections. None of these name a client, so they are kept outside the encrypted vault. */
export function SettingsPage() {
  const { settings, loaded, load } = useSettingsStore();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="rr-settings">
      <PageHeader title="Settings" />
      {loaded ? <SettingsSections initial={settings} /> : <p role="status">Loading your settings…</p>}
    </section>
  );
}

function SettingsSections({ initial }: { readonly initial: Settings }) {
  const [section, setSection] = useState<SettingsSectionId>('sessions');
  const draft = useSettingsDraft(initial, setSection);
  const error = useSettingsStore((s) => s.error);
  return (
    <SettingsDraftContext.Provider value={draft}>
      <SectionTabs
        label="Settings sections"
        tabs={settingsSections}
        selected={section}
        onSelect={setSection}
        idPrefix={prefix}
      />
      {/* What is typed is kept in the shared draft, so only the section shown is rendered: the vault's
          own steps (a new recovery key) must appear once, in the section that asked for them. */}
      {settingsSections.map(({ id }) => (
        <div
          key={id}
          role="tabpanel"
          id={panelId(prefix, id)}
          aria-labelledby={tabId(prefix, id)}
          hidden={id !== section}
          className="rr-settings__panel"
        >
          {id === section && panels[id]()}
        </div>
      ))}
      <div role="status" aria-live="polite">
        {draft.problem && <p className="rr-alert rr-alert--error">{draft.problem}</p>}
        {!draft.problem && error && <p className="rr-alert rr-alert--error">{error.message}</p>}
        {draft.saved && !draft.problem && <p className="rr-alert rr-alert--info">Settings saved.</p>}
      </div>
    </SettingsDraftContext.Provider>
  );
}
