import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { createTrustedSenderCheck } from '../../../main/shell/trusted-sender';

const file = resolve('/opt/Creditray/resources/app.asar/out/renderer/index.html');
const fileUrl = pathToFileURL(file).href;

describe('createTrustedSenderCheck', () => {
  it('trusts our built renderer file, whatever its hash route or query', () => {
    const isTrusted = createTrustedSenderCheck({ file });
    expect(isTrusted(fileUrl)).toBe(true);
    expect(isTrusted(`${fileUrl}#/history/a1`)).toBe(true);
    expect(isTrusted(`${fileUrl}?view=settings`)).toBe(true);
  });

  it('refuses other files, web pages, a missing frame and garbage', () => {
    const isTrusted = createTrustedSenderCheck({ file });
    expect(isTrusted(pathToFileURL(resolve('/tmp/evil.html')).href)).toBe(false);
    expect(isTrusted('https://platform.deepseek.com/')).toBe(false);
    expect(isTrusted('http://localhost:5173/')).toBe(false);
    expect(isTrusted(undefined)).toBe(false);
    expect(isTrusted('')).toBe(false);
    expect(isTrusted('not a url')).toBe(false);
  });

  it('trusts the dev server origin only when one is configured', () => {
    const isTrusted = createTrustedSenderCheck({ file, devUrl: 'http://localhost:5173/' });
    expect(isTrusted('http://localhost:5173/#/dashboard')).toBe(true);
    expect(isTrusted('http://localhost:5174/')).toBe(false);
    expect(isTrusted('http://127.0.0.1:5173/')).toBe(false);
  });
});
