import type { CatalogEntry } from '../../../../shared/catalog/catalog-types';

/**
 * A small stand-in for the automatic catalog (owned elsewhere and still growing), so the wizard's
 * tests do not change when its wording does. Manual and media entries come from the real catalog.
 */
export const testAutomaticCatalog: readonly CatalogEntry[] = [
  {
    id: 'connection.type',
    category: 'connection',
    step: 'connection',
    kind: 'automatic',
    severity: 'advice',
    title: 'Wired connection',
    why: 'A cable is steadier than Wi-Fi (ACTO guidance, 2020).',
    source: 'ACTO guidance, 2020',
    fix: { any: { steps: ['Plug a network cable into your router.'] } },
  },
  {
    id: 'connection.quality',
    category: 'connection',
    step: 'connection',
    kind: 'automatic',
    severity: 'blocker',
    title: 'Connection is steady',
    why: 'Delays and dropouts break up the conversation (NCSC).',
    source: 'NCSC',
    fix: { any: { steps: ['Move closer to the router.'] } },
  },
  {
    id: 'programs.background',
    category: 'programs',
    step: 'programs',
    kind: 'automatic',
    severity: 'advice',
    title: 'Background programs closed',
    why: 'Sync clients slow the call down (ACTO guidance, 2020).',
    source: 'ACTO guidance, 2020',
    fix: { any: { steps: ['Close the programs listed.'] } },
  },
  {
    id: 'security.firewall',
    category: 'security',
    step: 'security',
    kind: 'automatic',
    severity: 'advice',
    title: 'Firewall is on',
    why: 'A firewall blocks unwanted connections (NCSC).',
    source: 'NCSC',
    fix: {
      any: { steps: ['Turn the firewall on.'] },
      win32: {
        steps: ['Open Windows Security.'],
        link: { label: 'Open firewall settings', url: 'ms-settings:windowsdefender' },
      },
    },
  },
];
