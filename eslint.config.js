// Lint guards the architecture as much as the style: see ../shared/design.md "Conventions".
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

/** 'electron' at run time in plain Node triggers a binary download and crashes (no binary here). */
const noElectron = {
  name: 'electron',
  message: "Only main/shell, main/preload.ts and main/index.ts may import 'electron' (design.md).",
};
/** electron-store imports electron; plain Node code uses conf (electron-store's base class). */
const noElectronStore = {
  name: 'electron-store',
  message: 'electron-store imports electron; core code receives a conf-compatible store instead.',
};
const noNode = {
  group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto'],
  message: 'shared/ and renderer/ run in the browser too: no Node built-ins.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'coverage/', 'test/ui/app/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { paths: [noElectron, noElectronStore] }],
    },
  },
  {
    // The Electron layer: the only code allowed to touch 'electron'. IPC primitives stay in the wrappers.
    files: ['main/shell/**/*.ts', 'main/index.ts', 'main/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'Use the typed IPC wrappers (main/shell/ipc-main.ts, main/preload.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/shell/ipc-main.ts', 'main/preload.ts', 'test/fakes/**', 'test/electron/**', 'test/ui/harness/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron, noElectronStore, { name: 'react', message: 'shared/ is UI-free.' }], patterns: [noNode, { group: ['**/main/**', '**/renderer/**'], message: 'shared/ depends on nothing of ours.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { paths: [noElectron, noElectronStore], patterns: [noNode, { group: ['**/main/**'], message: 'The renderer talks to main only through window.creditray (preload).' }] },
      ],
    },
  },
);
