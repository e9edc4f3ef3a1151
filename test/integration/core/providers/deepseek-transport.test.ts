import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer, type AddressInfo } from 'node:net';
import { createNodeHttp } from '../../../../main/core/http-node';
import { createDeepSeekProvider } from '../../../../main/core/providers/deepseek';
import type { ProviderError } from '../../../../shared/model';
import type { Result } from '../../../../shared/result';
import { FAKE_DEEPSEEK_KEY, startFakeDeepSeek, type FakeDeepSeek } from '../../../fakes/deepseek-server';

let ds: FakeDeepSeek;
let other: FakeDeepSeek;
const http = createNodeHttp();
// A short timeout only where a timeout is the point; elsewhere a generous one, so a loaded
// machine answering slowly can never turn a reset or a refusal into a timeout.
const hurried = createDeepSeekProvider({ http, timeoutMs: 300 });
const provider = createDeepSeekProvider({ http, timeoutMs: 10_000 });
const req = (over: { key?: string; baseUrl?: string; signal?: AbortSignal } = {}) => ({ key: FAKE_DEEPSEEK_KEY, baseUrl: ds.url, ...over });

function failure<T>(r: Result<T, ProviderError>): ProviderError {
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}

/** A port that was free a moment ago and now has nothing listening. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

beforeAll(async () => {
  ds = await startFakeDeepSeek();
  other = await startFakeDeepSeek({ keys: 'any' });
});
afterEach(() => {
  ds.reset();
  other.reset();
});
afterAll(async () => {
  await ds.close();
  await other.close();
});

describe('DeepSeek transport failures', () => {
  it('turns a server that never answers into a timeout', async () => {
    ds.enqueue({ kind: 'hang' });
    const e = failure(await hurried.fetchBalance(req()));
    expect(e.kind).toBe('timeout');
    expect(e.message).toMatch(/did not answer within 0.3 s/);
  });

  it('tells a caller cancel apart from a timeout', async () => {
    ds.enqueue({ kind: 'hang' });
    const ac = new AbortController();
    const pending = provider.fetchBalance(req({ signal: ac.signal }));
    // Cancel only once the server has the request: one still on its way when the test ends
    // would take the next test's queued reply.
    await vi.waitFor(() => expect(ds.count()).toBe(1));
    ac.abort();
    const e = failure(await pending);
    expect(e.kind).toBe('network');
    expect(e.message).toMatch(/cancelled/);
  });

  it('does not even send the request when the caller already cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    failure(await provider.fetchBalance(req({ signal: ac.signal })));
    expect(ds.count()).toBe(0);
  });

  it('reports a connection reset mid-body as a network failure in plain words', async () => {
    // Persistent: a late request of an earlier (timed-out) test cannot take it away.
    ds.setPersistent({ kind: 'reset' });
    const e = failure(await provider.fetchBalance(req()));
    expect(e.kind).toBe('network');
    expect(e.message).toMatch(/cut before the answer was complete/);
  });

  it('reports a closed port as connection refused', async () => {
    const port = await closedPort();
    const e = failure(await provider.fetchBalance(req({ baseUrl: `http://127.0.0.1:${port}` })));
    expect(e.kind).toBe('network');
    expect(e.message).toMatch(/refused the connection/);
    expect(e.message).toContain(`127.0.0.1:${port}`);
  });

  it('never sends the key to a refused base URL', async () => {
    const e = failure(await provider.fetchBalance(req({ baseUrl: `http://localhost.${ds.port}.example.invalid/` })));
    expect(e.kind).toBe('config');
    const e2 = failure(await provider.fetchBalance(req({ baseUrl: `${ds.url}?x=1` })));
    expect(e2.kind).toBe('config');
    expect(ds.requests).toHaveLength(0);
  });

  it('does not follow a redirect with the key, and names where it pointed', async () => {
    ds.enqueue({ kind: 'redirect', location: `${other.url}/user/balance`, status: 307 });
    const e = failure(await provider.fetchBalance(req()));
    expect(e).toMatchObject({ kind: 'config', status: 307 });
    expect(e.message).toContain(`127.0.0.1:${other.port}`);
    expect(other.requests).toHaveLength(0);
  });
});

describe('DeepSeek verifyKey', () => {
  it('confirms a working key through /models', async () => {
    expect(await provider.verifyKey(req())).toEqual({ ok: true, value: undefined });
    expect(ds.requests.map((r) => r.path)).toEqual(['/models']);
  });

  it('reports a wrong key as auth', async () => {
    expect(failure(await provider.verifyKey(req({ key: 'sk-00000000000000000000000000000000' }))).kind).toBe('auth');
  });

  it('classifies /models failures like balance failures', async () => {
    ds.enqueue({ kind: 'status', status: 503, retryAfter: '3' }, '/models');
    expect(failure(await provider.verifyKey(req()))).toMatchObject({ kind: 'server', retryAfterMs: 3000 });
    ds.enqueue({ kind: 'html' }, '/models');
    expect(failure(await provider.verifyKey(req())).kind).toBe('bad-response');
    ds.enqueue({ kind: 'json', body: { models: [] } }, '/models');
    expect(failure(await provider.verifyKey(req())).message).toMatch(/unexpected shape/);
  });
});

describe('DeepSeek checkKeyShape', () => {
  it('accepts sk- plus 32 hex and warns otherwise without refusing', () => {
    expect(provider.checkKeyShape('sk-0123456789abcdef0123456789abcdef')).toBeNull();
    expect(provider.checkKeyShape('sk-short')).toMatch(/32 hexadecimal/);
    expect(provider.checkKeyShape('or-v1-abc')).toMatch(/start with "sk-"/);
    expect(provider.checkKeyShape(' sk-0123456789abcdef0123456789abcdef\n')).toMatch(/spaces/);
    expect(provider.checkKeyShape('')).toMatch(/empty/);
  });
});

describe('DeepSeek slow answers', () => {
  it('times out when the body stalls after the headers', async () => {
    ds.enqueue({ kind: 'stall' });
    expect(failure(await hurried.fetchBalance(req())).kind).toBe('timeout');
  });

  it('waits for a slow but timely answer', async () => {
    ds.enqueue({ kind: 'delay', ms: 50, then: { kind: 'status', status: 402 } });
    expect(failure(await provider.fetchBalance(req())).kind).toBe('insufficient-balance');
  });
});
