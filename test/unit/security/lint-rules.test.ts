/**
 * The static Electron security scan is the lint config (npm test runs `npm run lint`): this
 * proves each rule fires on a fixture through ESLint's Node API with the project's own config,
 * and that the secure code the app actually uses passes.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

/** The restricted-syntax messages ESLint reports for `code` as if it lived at `filePath`. */
async function findings(code: string, filePath = 'main/shell/fixture.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

const cases: [string, string, RegExp][] = [
  ['nodeIntegration on', `export const p = { nodeIntegration: true };`, /nodeIntegration: true/],
  ['nodeIntegration on (quoted key)', `export const p = { 'nodeIntegration': true };`, /nodeIntegration: true/],
  ['nodeIntegrationInWorker on', `export const p = { nodeIntegrationInWorker: true };`, /workers/],
  ['nodeIntegrationInSubFrames on', `export const p = { nodeIntegrationInSubFrames: true };`, /iframes/],
  ['contextIsolation off', `export const p = { contextIsolation: false };`, /contextIsolation/],
  ['sandbox off', `export const p = { sandbox: false };`, /sandbox/],
  ['webSecurity off', `export const p = { webSecurity: false };`, /same-origin/],
  ['insecure content', `export const p = { allowRunningInsecureContent: true };`, /allowRunningInsecureContent/],
  ['experimental features', `export const p = { experimentalFeatures: true };`, /experimentalFeatures/],
  ['blink features', `export const p = { enableBlinkFeatures: 'CSSVariables' };`, /enableBlinkFeatures/],
  ['webview tag', `export const p = { webviewTag: true };`, /webviewTag/],
  ['executeJavaScript', `declare const wc: { executeJavaScript(s: string): void }; wc.executeJavaScript('1');`, /executeJavaScript/],
  ['insertCSS from input', `declare const wc: { insertCSS(s: string): void }; declare const css: string; wc.insertCSS(css);`, /insertCSS/],
  ['granting a permission', `declare const s: { setPermissionRequestHandler(h: (a: unknown, b: string, cb: (x: boolean) => void) => void): void }; s.setPermissionRequestHandler((_a, _b, cb) => cb(true));`, /denied/],
  ['openExternal outside external.ts', `import { shell } from 'electron'; void shell.openExternal('https://x');`, /only in main\/shell\/external.ts/],
];

describe('Electron security lint rules', () => {
  it.each(cases)('flag %s', async (_name, code, message) => {
    const found = await findings(code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it('also guard renderer and shared code', async () => {
    expect(await findings(`export const p = { sandbox: false };`, 'renderer/fixture.tsx')).toHaveLength(1);
    expect(await findings(`export const p = { webSecurity: false };`, 'shared/fixture.ts')).toHaveLength(1);
  });

  it('let the secure settings the app uses pass, and openExternal inside external.ts', async () => {
    const secure = `export const p = { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true,
      allowRunningInsecureContent: false, webviewTag: false };
      declare const wc: { insertCSS(s: string): void }; wc.insertCSS('body { margin: 0 }');
      declare const s: { setPermissionRequestHandler(h: (a: unknown, b: string, cb: (x: boolean) => void) => void): void };
      s.setPermissionRequestHandler((_a, _b, cb) => cb(false));`;
    expect(await findings(secure)).toEqual([]);
    const opener = `import { shell } from 'electron'; export const go = () => shell.openExternal('https://x');`;
    expect(await findings(opener, 'main/shell/external.ts')).toEqual([]);
    expect(await findings(`export const p = { sandbox: false };`, 'main/shell/external.ts')).toHaveLength(1);
  });
});
