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

/**
 * Electron security checklist as lint (Electronegativity is not a dependency here): each entry
 * names an insecure setting or call; SECURITY.md lists what they guard.
 */
const prop = (name, value) =>
  `Property:matches([key.name='${name}'], [key.value='${name}'])${value === undefined ? '' : `[value.value=${value}]`}`;
const call = (method) => `CallExpression[callee.property.name='${method}']`;
const electronChecks = [
  [prop('nodeIntegration', true), 'nodeIntegration: true gives web content Node: keep it false.'],
  [prop('nodeIntegrationInWorker', true), 'nodeIntegrationInWorker: true gives workers Node: keep it false.'],
  [prop('nodeIntegrationInSubFrames', true), 'nodeIntegrationInSubFrames: true gives iframes Node: keep it false.'],
  [prop('contextIsolation', false), 'contextIsolation: false lets the page reach the preload: keep it true.'],
  [prop('sandbox', false), 'sandbox: false un-sandboxes the renderer: keep it true.'],
  [prop('webSecurity', false), 'webSecurity: false disables the same-origin policy: keep it true.'],
  [prop('allowRunningInsecureContent', true), 'allowRunningInsecureContent: true loads http into an https page.'],
  [prop('experimentalFeatures', true), 'experimentalFeatures: true enables untested Chromium features.'],
  [prop('enableBlinkFeatures'), 'enableBlinkFeatures turns on Chromium features outside the security review.'],
  [prop('webviewTag', true), 'webviewTag: true lets the page embed other sites with its own preferences.'],
  [call('executeJavaScript'), 'executeJavaScript runs strings as code in the page: use IPC through the preload.'],
  [`${call('insertCSS')}:not([arguments.0.type='Literal'])`, 'insertCSS with a computed string can inject styles from input: pass a literal.'],
  [`${call('setPermissionRequestHandler')} CallExpression[arguments.0.value=true]`, 'Permission requests are denied, never granted (window.ts).'],
];
const openExternalCheck = [
  `${call('openExternal')}[callee.object.name='shell']`,
  'shell.openExternal only in main/shell/external.ts, behind the https allowlist.',
];
const restrictedSyntax = (checks) => ['error', ...checks.map(([selector, message]) => ({ selector, message }))];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'coverage/', 'reports/', 'test/ui/app/dist/'] },
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
    files: ['main/**/*.ts', 'renderer/**/*.{ts,tsx}', 'shared/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-restricted-syntax': restrictedSyntax([...electronChecks, openExternalCheck]) },
  },
  {
    files: ['main/shell/external.ts'],
    rules: { 'no-restricted-syntax': restrictedSyntax(electronChecks) },
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
