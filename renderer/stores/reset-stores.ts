/** Every zustand store registers its reset here, so tests start from a clean slate. */
const resetters = new Set<() => void>();

export function registerStoreReset(reset: () => void): void {
  resetters.add(reset);
}

export function resetAllStores(): void {
  for (const reset of resetters) reset();
}
