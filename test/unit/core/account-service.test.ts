import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAccountService } from '../../../main/core/account-service';
import { uniqueLabel } from '../../../main/core/account-input';
import { createLogger } from '../../../main/core/logger';
import { createSettingsStore, type ConfLike } from '../../../main/core/settings-store';
import { PROVIDER_IDS, type ProviderId } from '../../../shared/model';
import { PROVIDERS } from '../../../shared/providers';
import { createMemorySecretStore, type MemorySecretStore } from '../../fakes/memory-secret-store';
import { createStubProvider, providerError, type StubProvider } from '../../fakes/stub-provider';

const KEY = 'sk-0123456789abcdef0123456789abcdef';
/** Other accounts need other keys: the same key twice is refused (issue 13). */
const KEY2 = 'sk-0123456789abcdef0123456789abcd02';
const KEY3 = 'sk-0123456789abcdef0123456789abcd03';

/** conf in memory, with a switch that makes writes fail like a full disk. */
function memoryConf() {
  let data: Record<string, unknown> = {};
  const conf = {
    failWrites: false,
    // No file is written here; the folder only holds the settings lock.
    path: join(mkdtempSync(join(tmpdir(), 'creditray-acc-')), 'config.json'),
    get store() {
      return structuredClone(data);
    },
    set store(v: Record<string, unknown>) {
      if (conf.failWrites) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
      data = structuredClone(v);
    },
  };
  return conf satisfies ConfLike;
}

let conf: ReturnType<typeof memoryConf>;
let secrets: MemorySecretStore;
let deepseek: StubProvider;
let logLines: string[];
let removedHistory: string[];
let ids: number;
const make = () => {
  const settings = createSettingsStore({ store: conf });
  const service = createAccountService({
    settings,
    secrets,
    providers: {
      ...(Object.fromEntries(PROVIDER_IDS.map((id) => [id, createStubProvider(id)])) as Record<
        ProviderId,
        StubProvider
      >),
      deepseek,
    },
    history: { remove: async (id) => void removedHistory.push(id) },
    logger: createLogger({ sink: (l) => logLines.push(l) }),
    now: () => 1_800_000_000_000,
    newId: () => `acc-${++ids}`,
  });
  return { settings, service };
};
const add = (over: Partial<{ label: string; key: string; baseUrl: string; provider: 'deepseek' | 'demo' }> = {}) =>
  make().service.add({ provider: 'deepseek', label: 'DeepSeek', key: KEY, ...over });

beforeEach(() => {
  conf = memoryConf();
  secrets = createMemorySecretStore();
  deepseek = createStubProvider('deepseek');
  logLines = [];
  removedHistory = [];
  ids = 0;
});

describe('account service: add', () => {
  it('verifies the key, stores it in the keychain and saves the account with a mask only', async () => {
    const r = await add({ key: `  ${KEY}\n`, baseUrl: 'https://api.deepseek.com/v1/' });
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({ id: 'acc-1', label: 'DeepSeek', baseUrl: 'https://api.deepseek.com', keyMask: 'sk-…cdef', createdAt: 1_800_000_000_000 }),
    });
    expect(deepseek.calls.verify).toEqual([{ key: KEY, baseUrl: 'https://api.deepseek.com' }]);
    expect(secrets.entries.get('acc-1')).toBe(KEY);
    expect(JSON.stringify(conf.store)).not.toContain('0123456789abcdef');
    expect(make().settings.listAccounts()).toHaveLength(1);
  });

  it('saves nothing anywhere when the provider answers 401, and says where to create a key', async () => {
    deepseek.scriptVerify(providerError('auth', 401, 'Authentication Fails'));
    const r = await add();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('auth');
    expect(r.error.message).toMatch(/wrong, was deleted/);
    expect(r.error.message).toContain(PROVIDERS.deepseek.links.apiKeys);
    expect(secrets.entries.size).toBe(0);
    expect(secrets.calls).toEqual([]);
    expect(make().settings.listAccounts()).toEqual([]);
  });

  it.each([
    ['network', null, 'could not reach api.deepseek.com (DNS lookup failed)'],
    ['timeout', null, 'no answer within 15 s'],
    ['bad-response', 200, 'got an HTML page instead of JSON (a proxy or login page?)'],
  ] as const)('reports a %s failure with its own plain reason and saves nothing', async (kind, status, message) => {
    deepseek.scriptVerify(providerError(kind, status, message));
    const r = await add();
    expect(r).toEqual({ ok: false, error: { code: kind, message: expect.stringContaining(message) } });
    expect(secrets.entries.size).toBe(0);
    expect(make().settings.listAccounts()).toEqual([]);
  });

  it('accepts a key the provider answers 402 for: it works, the account is just empty', async () => {
    deepseek.scriptVerify(providerError('insufficient-balance', 402));
    expect((await add()).ok).toBe(true);
  });

  it.each([
    ['   ', /empty/],
    ['sk-abc\ndef12345', /line break/],
    ['sk-abc def12345', /space or tab/],
    ['sk-abc\u200bdef12345', /not plain ASCII/],
    ['“sk-abcdef12345”', /not plain ASCII/],
    ['sk-' + 'a'.repeat(510), /513 characters/],
  ])('refuses %j before asking the provider', async (key, reason) => {
    const r = await add({ key });
    expect(r).toEqual({ ok: false, error: { code: 'bad-key', message: expect.stringMatching(reason) } });
    expect(deepseek.calls.verify).toEqual([]);
  });

  it('refuses a base URL the key must not travel to', async () => {
    const r = await add({ baseUrl: 'http://api.deepseek.com' });
    expect(r).toMatchObject({ ok: false, error: { code: 'insecure-base-url' } });
    expect(deepseek.calls.verify).toEqual([]);
  });

  it('only warns in the log about an odd-looking key, and never logs the key itself', async () => {
    deepseek.keyShapeWarning = 'does not look like a DeepSeek key';
    const odd = 'my-relay-key-0123456789';
    expect((await add({ key: odd })).ok).toBe(true);
    expect(logLines.join('\n')).toContain('does not look like a DeepSeek key');
    expect(logLines.join('\n')).not.toContain(odd);
  });

  it('returns the keychain error and saves no account when the keychain is locked', async () => {
    secrets.failNext({ code: 'keychain-locked', message: 'The system keychain is locked.' }, 'set');
    const r = await add();
    expect(r).toEqual({ ok: false, error: { code: 'keychain-locked', message: 'The system keychain is locked. Nothing was saved.' } });
    expect(make().settings.listAccounts()).toEqual([]);
  });

  it('writes no key at all when the settings cannot be written', async () => {
    conf.failWrites = true;
    const r = await add();
    expect(r).toMatchObject({ ok: false, error: { code: 'settings-write-failed', message: expect.stringContaining('disk is full') } });
    expect(secrets.calls).toEqual([]);
  });

  it('takes the key back out of the keychain when the account write fails after it', async () => {
    const realSet = secrets.set.bind(secrets);
    secrets.set = async (id, key) => {
      const r = await realSet(id, key);
      conf.failWrites = true; // the disk fills up between the key and its account
      return r;
    };
    const r = await add();
    expect(r).toMatchObject({ ok: false, error: { code: 'settings-write-failed', message: expect.stringContaining('disk is full') } });
    expect(secrets.entries.size).toBe(0);
    expect(secrets.calls.map((c) => c.op)).toEqual(['set', 'delete']);
  });

  it('numbers duplicate labels and defaults an empty label to the provider name', async () => {
    await add();
    await add({ key: KEY2 });
    const third = await add({ label: '', key: KEY3 });
    expect(third.ok && third.value.label).toBe('DeepSeek 3');
    expect(make().settings.listAccounts().map((a) => a.label)).toEqual(['DeepSeek', 'DeepSeek 2', 'DeepSeek 3']);
    expect(uniqueLabel('x'.repeat(60), ['x'.repeat(60)])).toBe('x'.repeat(58) + ' 2');
  });

  it('refuses a key another account of the same provider and endpoint holds, naming it, without the key', async () => {
    await add({ label: 'Work' });
    const again = await add({ label: 'Other', key: `  ${KEY}\n` });
    expect(again).toMatchObject({ ok: false, error: { code: 'duplicate-key' } });
    expect(!again.ok && again.error.message).toContain('"Work"');
    expect(JSON.stringify(again)).not.toContain(KEY);
    expect(make().settings.listAccounts().map((a) => a.label)).toEqual(['Work']);
    // Another endpoint (a relay, a proxy) is another account, even with the same key.
    expect((await add({ label: 'Elsewhere', baseUrl: 'https://api.example.com' })).ok).toBe(true);
    // Replacing a key with one another account holds is refused too; its own key is fine.
    await add({ label: 'Second', key: KEY2 });
    const second = make().settings.listAccounts().find((a) => a.label === 'Second')!;
    expect(await make().service.replaceKey({ id: second.id, key: KEY })).toMatchObject({ ok: false, error: { code: 'duplicate-key' } });
    expect((await make().service.replaceKey({ id: second.id, key: KEY2 })).ok).toBe(true);
  });

  it('adds a demo account with no key, no keychain and no verification', async () => {
    const r = await add({ provider: 'demo', key: '', label: 'Demo' });
    expect(r).toMatchObject({ ok: true, value: { provider: 'demo', keyMask: '', baseUrl: 'demo://deepseek' } });
    expect(secrets.calls).toEqual([]);
  });
});

describe('account service: update, replace key, remove', () => {
  it('updates only the patched fields and merges notification switches', async () => {
    await add();
    await add({ key: KEY2 });
    const r = await make().service.update({ id: 'acc-2', patch: { label: 'DeepSeek', notify: { low: false }, pollIntervalSec: 60 } });
    expect(r).toMatchObject({ ok: true, value: { label: 'DeepSeek 2', pollIntervalSec: 60, notify: { low: false, critical: true } } });
    expect(make().settings.getAccount('acc-2')?.notify.low).toBe(false);
    expect(await make().service.update({ id: 'gone', patch: {} })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('replaces a key only after verifying it, and updates the mask', async () => {
    await add();
    deepseek.scriptVerify(providerError('auth', 401));
    const refused = await make().service.replaceKey({ id: 'acc-1', key: 'sk-ffffffffffffffffffffffffffff9999' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'auth' } });
    expect(secrets.entries.get('acc-1')).toBe(KEY);
    const r = await make().service.replaceKey({ id: 'acc-1', key: 'sk-ffffffffffffffffffffffffffff9999' });
    expect(r).toMatchObject({ ok: true, value: { keyMask: 'sk-…9999' } });
    expect(secrets.entries.get('acc-1')).toBe('sk-ffffffffffffffffffffffffffff9999');
  });

  it('puts the old key back when the new mask cannot be saved', async () => {
    await add();
    conf.failWrites = true;
    const r = await make().service.replaceKey({ id: 'acc-1', key: 'sk-ffffffffffffffffffffffffffff9999' });
    expect(r).toMatchObject({ ok: false, error: { code: 'settings-write-failed' } });
    expect(secrets.entries.get('acc-1')).toBe(KEY);
  });

  it('removes the key, the history and the account, and is fine when the key was already gone', async () => {
    await add();
    await add({ key: KEY2 });
    secrets.entries.delete('acc-2');
    expect(await make().service.remove('acc-1')).toEqual({ ok: true, value: null });
    expect(await make().service.remove('acc-2')).toEqual({ ok: true, value: null });
    expect(secrets.entries.size).toBe(0);
    expect(removedHistory).toEqual(['acc-1', 'acc-2']);
    expect(make().settings.listAccounts()).toEqual([]);
  });

  it('keeps the account when its key cannot be deleted from a locked keychain', async () => {
    await add();
    secrets.failNext({ code: 'keychain-locked', message: 'locked' }, 'delete');
    expect(await make().service.remove('acc-1')).toMatchObject({ ok: false, error: { code: 'keychain-locked' } });
    expect(make().settings.getAccount('acc-1')).toBeDefined();
    expect(removedHistory).toEqual([]);
  });
});

describe('account service: set endpoint (another site, relay address or custom mapping)', () => {
  const moonshotService = (moonshot: StubProvider) => {
    const settings = createSettingsStore({ store: conf });
    const providers = Object.fromEntries(PROVIDER_IDS.map((id) => [id, createStubProvider(id)])) as Record<ProviderId, StubProvider>;
    providers.moonshot = moonshot;
    const custom = providers.custom;
    const service = createAccountService({
      settings,
      secrets,
      providers,
      logger: createLogger({ sink: (l) => logLines.push(l) }),
      now: () => 1_800_000_000_000,
      newId: () => `acc-${++ids}`,
    });
    return { settings, service, custom };
  };

  it('verifies the stored key at the new site, then moves the account (same id, key untouched)', async () => {
    const moonshot = createStubProvider('moonshot');
    const { service, settings } = moonshotService(moonshot);
    const added = await service.add({ provider: 'moonshot', label: 'Kimi', key: KEY });
    expect(added.ok).toBe(true);
    const r = await service.setEndpoint({ id: 'acc-1', baseUrl: 'https://api.moonshot.ai/v1/' });
    expect(r).toMatchObject({ ok: true, value: { id: 'acc-1', baseUrl: 'https://api.moonshot.ai', label: 'Kimi' } });
    expect(moonshot.calls.verify.at(-1)).toEqual({ key: KEY, baseUrl: 'https://api.moonshot.ai' });
    expect(settings.getAccount('acc-1')?.baseUrl).toBe('https://api.moonshot.ai');
    expect(await secrets.get('acc-1')).toEqual({ ok: true, value: KEY });
    expect(logLines.join('\n')).not.toContain(KEY);
  });

  it('keeps the old address when the key does not work at the new one, and says why', async () => {
    const moonshot = createStubProvider('moonshot');
    const { service, settings } = moonshotService(moonshot);
    await service.add({ provider: 'moonshot', label: 'Kimi', key: KEY });
    moonshot.scriptVerify(providerError('auth', 401));
    const r = await service.setEndpoint({ id: 'acc-1', baseUrl: 'https://api.moonshot.ai' });
    expect(r).toMatchObject({ ok: false, error: { code: 'auth', message: expect.stringContaining('Nothing was saved') } });
    expect(settings.getAccount('acc-1')?.baseUrl).toBe('https://api.moonshot.cn');
  });

  it('refuses an address the key must not travel to before sending it anywhere', async () => {
    const moonshot = createStubProvider('moonshot');
    const { service } = moonshotService(moonshot);
    await service.add({ provider: 'moonshot', label: 'Kimi', key: KEY });
    const before = moonshot.calls.verify.length;
    expect(await service.setEndpoint({ id: 'acc-1', baseUrl: 'http://api.moonshot.ai' })).toMatchObject({ ok: false, error: { code: 'insecure-base-url' } });
    expect(await service.setEndpoint({ id: 'acc-1', baseUrl: 'https://x.example', custom: { keyPlacement: 'bearer', balance: 'b', currency: 'USD' } })).toMatchObject({
      ok: false,
      error: { code: 'config', message: expect.stringMatching(/only applies to a custom endpoint/) },
    });
    expect(moonshot.calls.verify.length).toBe(before);
  });

  it('changes a custom endpoint URL and mapping together; the new mapping is what is verified', async () => {
    const { service, settings, custom } = moonshotService(createStubProvider('moonshot'));
    const mapping = { keyPlacement: 'bearer' as const, balance: 'data.balance', currency: 'USD' };
    await service.add({ provider: 'custom', label: 'GW', key: KEY, baseUrl: 'https://gw.example.com/api/balance', custom: mapping });
    expect(settings.getAccount('acc-1')).toMatchObject({ baseUrl: 'https://gw.example.com', custom: { path: '/api/balance', ...mapping } });
    const next = { keyPlacement: 'header' as const, keyHeader: 'X-Api-Key', balance: 'data.quota', currency: 'USD', decimals: 4 };
    const r = await service.setEndpoint({ id: 'acc-1', baseUrl: 'https://gw2.example.com/v2/quota?x=1', custom: next });
    expect(r.ok).toBe(true);
    expect(custom.calls.verify.at(-1)).toEqual({ key: KEY, baseUrl: 'https://gw2.example.com', custom: { path: '/v2/quota?x=1', ...next } });
    expect(settings.getAccount('acc-1')).toMatchObject({ baseUrl: 'https://gw2.example.com', custom: { path: '/v2/quota?x=1', keyHeader: 'X-Api-Key' } });
    expect(await service.setEndpoint({ id: 'acc-1', baseUrl: 'https://gw2.example.com/q' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/needs its mapping/) },
    });
  });

  it('refuses the demo, an unknown account, and an account whose key is gone', async () => {
    const { service } = moonshotService(createStubProvider('moonshot'));
    const demo = await service.add({ provider: 'demo', label: 'Demo', key: '' });
    expect(await service.setEndpoint({ id: demo.ok ? demo.value.id : '', baseUrl: 'https://x.example' })).toMatchObject({ ok: false, error: { code: 'not-supported' } });
    expect(await service.setEndpoint({ id: 'nope', baseUrl: 'https://x.example' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await service.add({ provider: 'moonshot', label: 'Kimi', key: KEY });
    await secrets.delete('acc-2');
    expect(await service.setEndpoint({ id: 'acc-2', baseUrl: 'https://api.moonshot.ai' })).toMatchObject({ ok: false, error: { code: 'key-missing' } });
  });
});
