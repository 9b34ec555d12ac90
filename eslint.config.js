import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'net',
  'http',
  'https',
  'url',
  'util',
  'stream',
  'events',
];

/** Import boundaries: the folder is the process. */
const noElectronOrNode = {
  patterns: [
    { group: ['electron', 'electron/*'], message: 'shared/ and renderer/ must not import electron.' },
    { group: nodeBuiltins, message: 'shared/ and renderer/ must not import Node built-ins.' },
  ],
};

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'assets/**/*.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['main/**/*.ts', 'shared/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'error' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noElectronOrNode,
          patterns: [
            ...noElectronOrNode.patterns,
            {
              group: ['react', 'react-dom', 'react/*', 'zustand', 'systeminformation', 'electron-store', 'conf'],
              message: 'shared/ is pure TypeScript.',
            },
            {
              group: ['**/main/**', '**/renderer/**', '../main/*', '../renderer/*'],
              message: 'shared/ may not import from main/ or renderer/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          ...noElectronOrNode,
          patterns: [
            ...noElectronOrNode.patterns,
            { group: ['**/main/**', '../main/*'], message: 'renderer/ talks to main only through the IPC bridge.' },
          ],
        },
      ],
    },
  },
  {
    // Electron stays at the edges: only these files may import it.
    files: ['main/**/*.ts'],
    ignores: [
      'main/index.ts',
      'main/windows/**',
      'main/tray/**',
      'main/ipc/ipc-adapter.ts',
      'main/preload/**',
      'main/adapters/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              allowTypeImports: true,
              message:
                'Only edge files (index, windows, tray, ipc-adapter, preload, adapters) import electron; services take ports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: nodeBuiltins, message: 'The sandboxed preload cannot use Node built-ins.' }] },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx', '*.config.ts', '*.config.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
