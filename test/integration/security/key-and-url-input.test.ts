/**
 * What a user types into the key and base URL fields, through the real core (createCore,
 * node Http, fake DeepSeek on 127.0.0.1, memory keychain, conf in a temp dir). Every outbound
 * request is recorded, so "the key was never sent anywhere refused" is checked on the wire.
 *
 * Decision (documented in SECURITY.md): http is refused except for loopback; https to an IP
 * literal, a private-range address or an odd port is allowed, because TLS still proves the
 * server's identity and self-hosted relays use exactly that; the user typed it explicitly.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { createCore } from '../../../main/core/create-core';
import type { CoreApi } from '../../../main/core/app-core';
import { createNodeHttp } from '../../../main/core/http-node';
import { silentLogger } from '../../../main/core/logger';
import type { Http } from '../../../main/core/ports';
import { normalizeBaseUrl } from '../../../main/core/url-policy';
import { createMemorySecretStore, type MemorySecretStore } from '../../fakes/memory-secret-store';
import { FAKE_DEEPSEEK_KEY, startFakeDeepSeek, type FakeDeepSeek } from '../../fakes/deepseek-server';

let ds: FakeDeepSeek;
let dataDir: string;
let secrets: MemorySecretStore;
let core: CoreApi | undefined;
/** Every URL the core asked the network for, with the Authorization it carried. */
let wire: { url: string; auth: string | undefined }[];

const recordingHttp = (inner: Http): Http => (url, init) => {
  wire.push({ url, auth: init.headers?.Authorization ?? init.headers?.authorization });
  return inner(url, init);
};

const build = (http: Http = recordingHttp(createNodeHttp())) =>
  createCore({
    dataDir,
    http,
    secrets,
    conf: new Conf({ cwd: dataDir, configName: 'config', projectName: 'creditray' }),
    notifier: { show: () => {} },
    logger: silentLogger,
    systemLocale: 'en-US',
    demo: false,
  });

/** Every file under the data dir, concatenated (settings, history, anything else). */
function dataDirText(dir = dataDir): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((p) => (statSync(p).isDirectory() ? dataDirText(p) : readFileSync(p, 'utf8')))
    .join('\n');
}

function expectNothingStored(c: CoreApi, key: string): void {
  expect(secrets.entries.size).toBe(0);
  expect(secrets.calls.filter((x) => x.op === 'set')).toEqual([]);
  expect(c.getState().accounts).toEqual([]);
  if (key.trim().length >= 6) expect(dataDirText()).not.toContain(key.trim());
}

beforeEach(async () => {
  ds = await startFakeDeepSeek();
  dataDir = mkdtempSync(join(tmpdir(), 'creditray-sec-input-'));
  secrets = createMemorySecretStore();
  wire = [];
});
afterEach(async () => {
  await core?.stop();
  core = undefined;
  await ds.close();
});

describe('key input', () => {
  const cases: [string, string, RegExp][] = [
    ['empty', '', /empty/],
    ['only whitespace', ' \t \n ', /empty/],
    ['a space inside', 'sk-0123456789abcdef 0123456789abc18b', /space or tab/],
    ['a newline inside', 'sk-0123456789abcdef\n0123456789abc18b', /line break/],
    ['a CRLF inside', 'sk-0123456789abcdef\r\n0123456789abc18b', /line break/],
    ['curly quotes', '“sk-0123456789abcdef0123456789abc18b”', /not plain ASCII/],
    ['a zero-width space', 'sk-0123456789abcdef\u200b0123456789abc18b', /not plain ASCII/],
    ['full-width letters', 'ｓｋ-0123456789abcdef0123456789abc18b', /not plain ASCII/],
    ['a whole pasted e-mail', `Hi,\nhere is the key: ${FAKE_DEEPSEEK_KEY}\nBest`, /line break/],
    ['a very long paste', 'sk-' + 'a1'.repeat(2000), /4003 characters/],
    ['an OpenAI project key', 'sk-proj-Ab3dEf5gHi7jKl9mNo1pQr3sTu5vWx7yZa9bCd1eFg3hIj5kLm7nOp9', /OpenAI.*not a DeepSeek key/],
    ['an Anthropic key', 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-abcdefAA', /Anthropic.*not a DeepSeek key/],
    ['an OpenRouter key', 'sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef', /OpenRouter/],
    ['a Google key', 'AIzaSyA-0123456789abcdefghijklmnopqrstu', /Google/],
  ];

  it.each(cases)('%s: a clear message, nothing stored, nothing sent', async (_name, key, message) => {
    core = await build();
    const r = await core.addAccount({ provider: 'deepseek', label: 'Work', key, baseUrl: ds.url });
    expect(r).toEqual({ ok: false, error: { code: 'bad-key', message: expect.stringMatching(message) } });
    expect(r.ok || r.error.message).not.toContain(key.trim().slice(8) || '\u0000');
    expectNothingStored(core, key);
    expect(wire).toEqual([]);
    expect(ds.requests).toEqual([]);
  });

  it('a well-formed key the server refuses (401): says so, stores nothing, and was sent only to the fake', async () => {
    core = await build();
    const key = 'sk-ffffffffffffffffffffffffffffffff';
    const r = await core.addAccount({ provider: 'deepseek', label: 'Work', key, baseUrl: ds.url });
    expect(r).toMatchObject({ ok: false, error: { code: 'auth', message: expect.stringMatching(/refused this key.*Nothing was saved/) } });
    expectNothingStored(core, key);
    expect(wire.every((w) => w.url.startsWith(`${ds.url}/`))).toBe(true);
    expect(ds.requests.length).toBeGreaterThan(0);
  });

  it('replacing a key with a bad one keeps the old key and sends nothing', async () => {
    core = await build();
    const added = await core.addAccount({ provider: 'deepseek', label: 'Work', key: FAKE_DEEPSEEK_KEY, baseUrl: ds.url });
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    const before = wire.length;
    const r = await core.replaceKey({ id: added.value.id, key: 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz' });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-key' } });
    expect(secrets.entries.get(added.value.id)).toBe(FAKE_DEEPSEEK_KEY);
    expect(wire.slice(before).some((w) => w.auth?.includes('sk-ant-'))).toBe(false);
  });
});

describe('base URL input', () => {
  const refused: [string, (port: number) => string, string][] = [
    ['plain http to a public host', () => 'http://api.deepseek.com', 'insecure-base-url'],
    ['plain http to a private-range IP', () => 'http://192.168.1.20:8080', 'insecure-base-url'],
    ['plain http to 10/8', () => 'http://10.0.0.5', 'insecure-base-url'],
    ['plain http to an IPv6 ULA', () => 'http://[fd00::1]:8080', 'insecure-base-url'],
    ['plain http to 0.0.0.0', (p) => `http://0.0.0.0:${p}`, 'insecure-base-url'],
    ['plain http to a loopback look-alike', (p) => `http://127.0.0.1.nip.io:${p}`, 'insecure-base-url'],
    ['credentials in an https URL', () => 'https://user:secret@api.deepseek.com', 'bad-base-url'],
    ['credentials even on loopback', (p) => `http://me:pw@127.0.0.1:${p}`, 'bad-base-url'],
    ['a query that could smuggle data', () => 'https://api.deepseek.com/?next=evil', 'bad-base-url'],
    ['javascript:', () => 'javascript:alert(document.cookie)', 'insecure-base-url'],
    ['file:', () => 'file:///etc/passwd', 'insecure-base-url'],
    ['data:', () => 'data:text/plain,hi', 'insecure-base-url'],
    ['ws:', (p) => `ws://127.0.0.1:${p}`, 'insecure-base-url'],
    ['ftp:', () => 'ftp://api.deepseek.com', 'insecure-base-url'],
    ['not a URL', () => 'api deepseek com', 'bad-base-url'],
  ];

  it.each(refused)('%s is refused before the key goes anywhere', async (_name, url, code) => {
    core = await build();
    const r = await core.addAccount({ provider: 'deepseek', label: 'Work', key: FAKE_DEEPSEEK_KEY, baseUrl: url(ds.port) });
    expect(r).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
    if (!r.ok) expect(r.error.message.length).toBeGreaterThan(20);
    expectNothingStored(core, FAKE_DEEPSEEK_KEY);
    expect(wire).toEqual([]);
    expect(ds.requests).toEqual([]);
  });

  it('allows plain http only to loopback (the fake server, a local relay)', async () => {
    core = await build();
    const r = await core.addAccount({ provider: 'deepseek', label: 'Local', key: FAKE_DEEPSEEK_KEY, baseUrl: `http://localhost:${ds.port}/v1/` });
    expect(r).toMatchObject({ ok: true, value: { baseUrl: `http://localhost:${ds.port}` } });
    expect(ds.requests.every((q) => q.authorization === `Bearer ${FAKE_DEEPSEEK_KEY}`)).toBe(true);
  });

  const allowedHttps = [
    'https://203.0.113.7',
    'https://203.0.113.7:8443/relay',
    'https://10.0.0.5:9443',
    'https://[2001:db8::1]:8443',
    'https://relay.example:65000',
  ];
  it.each(allowedHttps)('https to %s is allowed as typed, and the key goes to exactly that origin', async (typed) => {
    expect(normalizeBaseUrl(typed)).toEqual({ ok: true, value: typed });
    // An https stub: records the request and answers 401, so nothing is stored.
    core = await build(recordingHttp(async () => new Response('{"error":{"message":"no"}}', { status: 401 })));
    const r = await core.addAccount({ provider: 'deepseek', label: 'Relay', key: FAKE_DEEPSEEK_KEY, baseUrl: typed });
    expect(r).toMatchObject({ ok: false, error: { code: 'auth' } });
    expect(wire.length).toBeGreaterThan(0);
    for (const w of wire) expect(new URL(w.url).origin).toBe(new URL(typed).origin);
    expectNothingStored(core, FAKE_DEEPSEEK_KEY);
  });
});
