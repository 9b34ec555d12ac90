import type { FixAdvice } from '../checks/check-result';
import type { OsName } from '../platform';
import { automaticCatalog } from './automatic.catalog';
import type { CatalogEntry, WizardStep } from './catalog-types';
import { manualCatalog } from './manual.catalog';

/** The one checklist catalog: the wizard, logs, CLI and exports all read it. */
export const catalog: readonly CatalogEntry[] = [...automaticCatalog, ...manualCatalog];

const byId = new Map(catalog.map((entry) => [entry.id, entry]));

export function getCatalogEntry(id: string): CatalogEntry | undefined {
  return byId.get(id);
}

export function entriesForStep(step: WizardStep): readonly CatalogEntry[] {
  return catalog.filter((entry) => entry.step === step);
}

/** The fix for this OS, falling back to the OS-independent steps. */
export function fixFor(entry: CatalogEntry, os: OsName | null): FixAdvice | null {
  return (os ? entry.fix[os] : undefined) ?? entry.fix.any ?? null;
}
