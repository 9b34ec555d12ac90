import type { CatalogEntry } from './catalog-types';

/** Catalog entries for the automatic checks (one per id in check-ids.ts). */
export const automaticCatalog: readonly CatalogEntry[] = [];
