/**
 * The conformance suite every HTTP balance provider passes against its own fake server:
 * exact readings, depletion, each error class, hangs, proxies' HTML and empty bodies, wrong
 * shapes, and the key never leaving the account's origin (no redirects, https only).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeHttp } from '../../../../main/core/http-node';
import { computeLevel } from '../../../../shared/level';
import {
  DEFAULT_NOTIFY,
  type AccountConfig,
  type ProviderError,
  type Snapshot,
} from '../../../../shared/model';
import type { Result } from '../../../../shared/result';
import { startFakeProvider, type FakeProvider } from '../../../fakes/provider-server';
import { CASES } from './conformance-cases';

const NOW = 1_800_000_000_000;
const http = createNodeHttp();

function snapshot(r: Result<Snapshot, ProviderError>): Snapshot {
  if (!r.ok) throw new Error(`expected a snapshot, got ${r.error.kind}: ${r.error.message}`);
  return r.value;
}
function failure(r: Result<unknown, ProviderError>): ProviderError {
  if (r.ok) throw new Error('expected a failure, got a reading');
  return r.error;
}
const account = (provider: AccountConfig['provider']): AccountConfig => ({
  id: 'a',
  label: 'A',
  provider,
  baseUrl: '',
  headlineCurrency: 'auto',
  thresholds: null,
  budget: { kind: 'none' },
  pollIntervalSec: null,
  notify: DEFAULT_NOTIFY,
  keyMask: '…',
  createdAt: 0,
});

describe.each(CASES)('$id conformance', (c) => {
  let fake: FakeProvider;
  let elsewhere: FakeProvider;
  const provider = c.create({ http, timeoutMs: 400, now: () => NOW });
  const fetch = (baseUrl = fake.url) =>
    provider.fetchBalance({ key: c.key, baseUrl, custom: c.custom });
  const at = (path: string, reply: Parameters<FakeProvider['route']>[1]) =>
    fake.reset({ ...c.healthy, [path]: reply });

  beforeAll(async () => {
    fake = await startFakeProvider();
    elsewhere = await startFakeProvider();
  });
  beforeEach(() => {
    fake.reset(c.healthy);
    elsewhere.reset();
  });
  afterAll(async () => {
    await fake.close();
    await elsewhere.close();
  });

  it('reads the real healthy body exactly, digit for digit, with the key as a Bearer header', async () => {
    const snap = snapshot(await fetch());
    expect(snap.rows).toEqual(c.healthyRows);
    expect(snap.at).toBe(NOW);
    expect(
      computeLevel({ snapshot: snap, error: null, account: account(c.id), previous: null }),
    ).toBe(c.healthyLevel ?? 'healthy');
    expect(fake.requests.length).toBeGreaterThan(0);
    for (const r of fake.requests) expect(r.authorization).toBe(`Bearer ${c.key}`);
  });

  it('reports a depleted account as depleted, not as an error or unknown', async () => {
    fake.reset(c.depleted);
    const snap = snapshot(await fetch());
    expect(
      computeLevel({ snapshot: snap, error: null, account: account(c.id), previous: null }),
    ).toBe('depleted');
  });

  it("classifies the provider's real refused-key answer as auth", async () => {
    at(c.firstPath, c.auth);
    expect(failure(await fetch()).kind).toBe('auth');
  });

  it('classifies 429 as rate-limit and keeps Retry-After', async () => {
    at(c.firstPath, {
      kind: 'status',
      status: 429,
      retryAfter: '7',
      body: { error: { message: 'Too many requests' } },
    });
    expect(failure(await fetch())).toMatchObject({
      kind: 'rate-limit',
      status: 429,
      retryAfterMs: 7000,
    });
  });

  it('classifies 500 and 503 as server errors', async () => {
    for (const status of [500, 503]) {
      at(c.firstPath, { kind: 'status', status, body: { error: { message: 'upstream failed' } } });
      expect(failure(await fetch())).toMatchObject({ kind: 'server', status });
    }
  });

  it('says a proxy answered when a 200 is an HTML page, and never shows a number', async () => {
    at(c.firstPath, { kind: 'html' });
    const e = failure(await fetch());
    expect(e.kind).toBe('bad-response');
    expect(e.message).toMatch(/HTML/);
  });

  it('refuses an empty body and JSON of the wrong shape as bad-response', async () => {
    at(c.firstPath, { kind: 'empty' });
    expect(failure(await fetch()).kind).toBe('bad-response');
    at(c.firstPath, { kind: 'json', body: c.wrongShape });
    expect(failure(await fetch()).kind).toBe('bad-response');
  });

  it('times out on a server that accepts the request and never answers', async () => {
    at(c.firstPath, { kind: 'hang' });
    expect(failure(await fetch()).kind).toBe('timeout');
  });

  it('reports a connection cut halfway through the body as a network error', async () => {
    at(c.firstPath, { kind: 'reset' });
    expect(['network', 'bad-response']).toContain(failure(await fetch()).kind);
  });

  it('never follows a redirect with the key', async () => {
    at(c.firstPath, { kind: 'redirect', location: `${elsewhere.url}${c.firstPath}` });
    const e = failure(await fetch());
    expect(e.kind).toBe('config');
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('reaches the same path when the base URL is pasted with the SDK suffix and a slash', async () => {
    const plain = snapshot(await fetch());
    const paths = fake.requests.map((r) => r.path);
    fake.reset(c.healthy);
    expect(snapshot(await fetch(`${fake.url}${c.pastedSuffix}/`)).rows).toEqual(plain.rows);
    expect(fake.requests.map((r) => r.path)).toEqual(paths);
  });

  it('sends the key nowhere over plain http except loopback', async () => {
    const e = failure(await fetch('http://api.example.com'));
    expect(e.kind).toBe('config');
    expect(e.message).toMatch(/https/);
  });

  it('never repeats the key in an error, even when the server echoes it', async () => {
    at(c.firstPath, {
      kind: 'status',
      status: 401,
      body: { error: { message: `Invalid key ${c.key}` } },
    });
    const e = failure(await fetch());
    expect(e.kind).toBe('auth');
    expect(e.message).not.toContain(c.key);
    expect(e.message).not.toContain(c.key.slice(-12));
  });
});
