import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'test/main/**/*.test.ts',
            'test/shared/**/*.test.ts',
            'test/host/**/*.test.ts',
            'test/tools/**/*.test.ts',
          ],
          setupFiles: ['test/setup.node.ts'],
          // @actions/workflow-parser imports JSON without an import attribute: let Vite load it.
          server: { deps: { inline: ['electron-store', 'conf', '@actions/workflow-parser'] } },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.ts', 'test/renderer/**/*.test.tsx'],
          setupFiles: ['test/setup.dom.ts'],
        },
      },
    ],
  },
});
