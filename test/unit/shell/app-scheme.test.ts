import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  RENDERER_CSP,
  assetPathFor,
  createAssetHandler,
  isAppUrl,
  mimeTypeFor,
} from '../../../main/shell/app-scheme';

// A small built-renderer look-alike, plus a secret file beside it that must never be served.
const base = mkdtempSync(join(tmpdir(), 'creditray-scheme-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
writeFileSync(join(base, 'secret.txt'), 'sk-do-not-serve');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const reads: string[] = [];
const handler = createAssetHandler({
  root,
  readFile: (p) => (reads.push(p), readFile(p)),
});
const get = (path: string, init?: RequestInit) =>
  handler(new Request(`${APP_ORIGIN}${path}`, init));

describe('app scheme handler', () => {
  it('serves index.html for / and /index.html with the CSP as a header and nosniff', async () => {
    for (const path of ['/', '/index.html']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(RENDERER_CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toContain('id="root"');
    }
  });

  it('serves scripts and styles with the types a module script needs, without a CSP header', async () => {
    const js = await get('/assets/index-abc.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBeNull();
    expect(await js.text()).toBe('console.log(1)');
    expect((await get('/assets/index-abc.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
  });

  it('ignores query and hash', async () => {
    expect((await get('/index.html?view=settings#/x')).status).toBe(200);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets%5c..%5c..%5csecret.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses a path that would leave the renderer folder or is not plain: %s', async (path) => {
    const before = reads.length;
    const res = await get(path);
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).not.toContain('sk-do-not-serve');
    // Nothing outside the renderer folder is even read (URL parsing may already have folded
    // a "/../" into the root: that then reads a missing file inside it, a plain 404).
    expect(reads.slice(before).every((p) => p.startsWith(root + sep))).toBe(true);
  });

  it('answers 404 for a missing file or a folder, and for another host on our scheme', async () => {
    expect((await get('/nope.js')).status).toBe(404);
    expect((await get('/assets')).status).toBe(404);
    expect((await handler(new Request('creditray://evil/index.html'))).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD; HEAD has no body', async () => {
    expect((await get('/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
    const head = await get('/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('maps paths only inside the root', () => {
    expect(assetPathFor(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(assetPathFor(root, '/')).toBe(join(root, 'index.html'));
    expect(assetPathFor(root, '/../x')).toBeNull();
    expect(assetPathFor(root, '/a/./../../x')).toBeNull();
  });

  it('knows the MIME types of what a renderer build contains', () => {
    expect(mimeTypeFor('a.MJS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a.exe')).toBe('application/octet-stream');
  });
});

describe('app origin', () => {
  it('recognises only creditray://app URLs', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('creditray://app')).toBe(true);
    expect(isAppUrl('creditray://apps/index.html')).toBe(false);
    expect(isAppUrl('https://app/index.html')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });

  it('sends the same policy as the meta tag the page carries for dev mode', () => {
    const html = readFileSync(
      fileURLToPath(new URL('../../../renderer/index.html', import.meta.url)),
      'utf8',
    );
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta?.replace(/\s+/g, ' ')).toBe(RENDERER_CSP);
  });
});
