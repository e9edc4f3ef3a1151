import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { createTrustedSenderCheck, originForLog } from '../../../main/shell/trusted-sender';
import { APP_ENTRY_URL } from '../../../main/shell/app-scheme';

describe('createTrustedSenderCheck', () => {
  it('trusts our app origin, whatever the page, hash route or query', () => {
    const isTrusted = createTrustedSenderCheck({});
    expect(isTrusted(APP_ENTRY_URL)).toBe(true);
    expect(isTrusted('creditray://app/')).toBe(true);
    expect(isTrusted(`${APP_ENTRY_URL}#/history/a1`)).toBe(true);
    expect(isTrusted(`${APP_ENTRY_URL}?view=settings`)).toBe(true);
  });

  it('does not depend on where the app is installed (paths with [ ] % spaces encode differently)', () => {
    // The old check compared pathToFileURL(file) with Chromium's URL for loadFile; these
    // install paths made the two differ and every call was refused. Origins do not vary.
    const isTrusted = createTrustedSenderCheck({});
    for (const dir of [
      '/opt/My Apps [x64]/Creditray',
      '/Users/a/100% tools',
      'C:\\Program Files\\Creditray',
    ]) {
      expect(isTrusted(APP_ENTRY_URL), dir).toBe(true);
      expect(
        isTrusted(pathToFileURL(resolve(dir, 'resources/app.asar/out/renderer/index.html')).href),
        dir,
      ).toBe(false);
    }
  });

  it('refuses file pages, other hosts on our scheme, web pages, a missing frame and garbage', () => {
    const isTrusted = createTrustedSenderCheck({});
    expect(isTrusted(pathToFileURL(resolve('/tmp/evil.html')).href)).toBe(false);
    expect(isTrusted('creditray://evil/index.html')).toBe(false);
    expect(isTrusted('creditray://app.evil/index.html')).toBe(false);
    expect(isTrusted('creditray://user:pw@app/index.html')).toBe(false);
    expect(isTrusted('https://platform.deepseek.com/')).toBe(false);
    expect(isTrusted('http://localhost:5173/')).toBe(false);
    expect(isTrusted('about:blank')).toBe(false);
    expect(isTrusted(undefined)).toBe(false);
    expect(isTrusted('')).toBe(false);
    expect(isTrusted('not a url')).toBe(false);
  });

  it('trusts the dev server origin only when one is configured', () => {
    const isTrusted = createTrustedSenderCheck({ devUrl: 'http://localhost:5173/' });
    expect(isTrusted('http://localhost:5173/#/dashboard')).toBe(true);
    expect(isTrusted('http://localhost:5174/')).toBe(false);
    expect(isTrusted('http://127.0.0.1:5173/')).toBe(false);
    expect(isTrusted(APP_ENTRY_URL)).toBe(true);
  });
});

describe('originForLog', () => {
  it('names scheme and host of our custom scheme (Node calls its origin "null")', () => {
    expect(originForLog(`${APP_ENTRY_URL}?secret=1`)).toBe('creditray://app');
    expect(originForLog('https://evil.example/path?q=1')).toBe('https://evil.example');
    expect(originForLog('file:///home/u/x.html')).toBe('file://');
    expect(originForLog(undefined)).toBe('(none)');
  });
});
