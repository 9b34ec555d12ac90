import type { CatalogEntry } from './catalog-types';

/** Catalog entries the therapist confirms (manual) or tests with the camera and microphone (media). */
export const manualCatalog: readonly CatalogEntry[] = [];
