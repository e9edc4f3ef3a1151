/**
 * Provider faults, group 1: the server answers, but with an HTTP error, a rate limit or a
 * page that is not the API. Each row runs the full fault story (provider-scenario.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDeepSeek, type FakeDeepSeek, type FakeReply } from '../../fakes/deepseek-server';
import { createFaultRig } from '../../fakes/fault-rig';
import { runFaultScenario, tally, type FaultCase } from './provider-scenario';

let ds: FakeDeepSeek;
beforeAll(async () => {
  ds = await startFakeDeepSeek();
});
afterAll(async () => {
  console.log(`[faults/status] ${tally.scenarios} scenarios, ${tally.faultsInjected} faulty polls, ${tally.cycles} polls, ${tally.notifications} notifications`);
  await ds.close();
});

const persistent = (reply: FakeReply): Pick<FaultCase, 'inject' | 'clear'> => ({
  inject: (d) => d.setPersistent(reply),
  clear: (d) => d.setPersistent(null),
});

const cases: FaultCase[] = [
  { name: '429 without Retry-After', ...persistent({ kind: 'status', status: 429 }), kinds: ['rate-limit'], message: /rate limiting this account \(429/ },
  { name: '429 with Retry-After: 1200 (longer than the backoff)', ...persistent({ kind: 'status', status: 429, retryAfter: '1200' }), kinds: ['rate-limit'], message: /429/, retryAfterMs: 1_200_000 },
  { name: '429 with Retry-After: 7 (shorter than the backoff)', ...persistent({ kind: 'status', status: 429, retryAfter: '7' }), kinds: ['rate-limit'], message: /429/, retryAfterMs: 7_000 },
  { name: '429 with an absurd Retry-After (3 000 years: capped at 6 h)', ...persistent({ kind: 'status', status: 429, retryAfter: '99999999999' }), kinds: ['rate-limit'], message: /429/, retryAfterMs: 99_999_999_999_000 },
  { name: '500 server error', ...persistent({ kind: 'status', status: 500 }), kinds: ['server'], message: /server error \(500\)/ },
  { name: '503 overloaded with Retry-After: 60', ...persistent({ kind: 'status', status: 503, retryAfter: '60' }), kinds: ['server'], message: /overloaded \(503\)/, retryAfterMs: 60_000 },
  { name: '502 HTML error page from a gateway', ...persistent({ kind: 'html', status: 502 }), kinds: ['server'], message: /HTML page/ },
  { name: '404 HTML page (wrong path behind a proxy)', ...persistent({ kind: 'html', status: 404 }), kinds: ['request'], message: /refused the request \(404\).*HTML page/ },
  { name: '200 HTML captive portal page', ...persistent({ kind: 'html' }), kinds: ['bad-response'], message: /HTML page instead of DeepSeek's JSON/ },
  { name: '200 with an empty body', ...persistent({ kind: 'empty' }), kinds: ['bad-response'], message: /empty body/ },
  { name: '503 with an empty body', ...persistent({ kind: 'empty', status: 503 }), kinds: ['server'], message: /overloaded \(503\)/ },
  { name: '200 with plain text', ...persistent({ kind: 'raw', status: 200, headers: { 'content-type': 'text/plain' }, body: 'upstream connect error' }), kinds: ['bad-response'], message: /not JSON: "upstream connect error"/ },
  { name: '200 with a 2 MiB body (something in between is answering)', ...persistent({ kind: 'raw', status: 200, headers: { 'content-type': 'application/json' }, body: ' '.repeat(2 * 1024 * 1024) }), kinds: ['bad-response'], message: /larger than 1024 KiB/ },
];

describe('provider faults: HTTP errors, rate limits and non-API pages, each for many polls', () => {
  it.each(cases)('$name: keeps the last good value as stale, backs off to the cap, recovers, notifies once per real change', async (fc) => {
    await runFaultScenario(fc, { ds });
  });

  it('ran every row through the whole story', () => {
    expect(tally.scenarios).toBe(cases.length);
    expect(tally.notifications).toBe(3 * cases.length);
  });
});

describe('a redirect (captive portal or moved gateway) for many polls', () => {
  it('never follows it with the key, shows an error naming where it points, keeps the last balance, backs off, and recovers', async () => {
    ds.reset();
    const rig = createFaultRig({ ds });
    try {
      await rig.start();
      ds.setPersistent({ kind: 'redirect', location: 'http://portal.example/login' });
      const delays: number[] = [];
      for (let i = 0; i < 5; i++) {
        const c = await rig.cycle();
        expect(c).toMatchObject({ level: 'error', stale: true, total: '110.00', errorKind: 'config' });
        expect(c.errorMessage).toMatch(/redirects \(302\) to portal\.example; the key is not sent along redirects/);
        delays.push(c.delayMs);
      }
      expect(delays).toEqual([600_000, 1_200_000, 1_800_000, 1_800_000, 1_800_000]);
      expect(ds.requests.every((r) => r.path === '/user/balance')).toBe(true);
      ds.setPersistent(null);
      expect(await rig.cycle()).toMatchObject({ level: 'healthy', stale: false, errorKind: null, delayMs: 300_000 });
      expect(rig.notes).toEqual([]);
    } finally {
      ds.setPersistent(null);
      await rig.stop();
    }
  });
});
