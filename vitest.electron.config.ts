import { defineConfig } from 'vitest/config';

/** The real Electron app, launched by Playwright; only the GitHub workflow's electron job runs this (it needs the Electron binary and a display). */
export default defineConfig({
  test: {
    name: 'electron',
    environment: 'node',
    include: ['test/electron/**/*.electron.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
