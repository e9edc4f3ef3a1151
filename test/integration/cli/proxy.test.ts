/**
 * The real CLI behind hostile proxies (issue 11): it ends within its 15 s request timeout
 * (plus start-up), opens a bounded number of connections, and never sends a key through a
 * proxy in cleartext. Proxy variables are set only in the child's environment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';
import { startHostileProxy, type HostileMode, type HostileProxy } from '../../fakes/hostile-proxy';
import {
  FAKE_DEEPSEEK_KEY,
  startFakeDeepSeek,
  type FakeDeepSeek,
} from '../../fakes/deepseek-server';

const NO_PROXY_ENV = {
  HTTP_PROXY: '',
  http_proxy: '',
  HTTPS_PROXY: '',
  https_proxy: '',
  NO_PROXY: '',
  no_proxy: '',
};
const dataDir = () => mkdtempSync(join(tmpdir(), 'creditray-cli-proxy-'));
/**
 * From the first byte at the proxy to the child's exit: the CLI's own 15 s request timeout
 * plus slack for a loaded 2-core machine. Process start-up is not counted (it varies by
 * seconds under load and says nothing about hanging).
 */
const EXIT_BUDGET_MS = 17_500;

let ds: FakeDeepSeek;
const proxies: HostileProxy[] = [];
beforeAll(async () => {
  ds = await startFakeDeepSeek();
  // Builds the CLI bundle before any clock starts: the budget is the CLI's, not esbuild's.
  await runCli(['--help']);
}, 60_000);
afterAll(async () => {
  await ds.close();
  await Promise.all(proxies.map((p) => p.close()));
});

async function checkBehind(
  mode: HostileMode,
  baseUrl: string,
  proxyVar: 'HTTPS_PROXY' | 'HTTP_PROXY',
) {
  const proxy = await startHostileProxy(mode);
  proxies.push(proxy);
  const run = await runCli(
    ['check', '--provider', 'deepseek', '--key-env', 'DS_KEY', '--base-url', baseUrl, '--json'],
    {
      // Both spellings: undici reads the lowercase one first, and an empty value counts as set.
      env: {
        ...NO_PROXY_ENV,
        DS_KEY: FAKE_DEEPSEEK_KEY,
        [proxyVar]: proxy.url,
        [proxyVar.toLowerCase()]: proxy.url,
      },
      dataDir: dataDir(),
      killAfterMs: 40_000,
    },
  );
  const ms = Date.now() - (proxy.firstConnectionAt() ?? Date.now());
  return { run, proxy, ms };
}

describe.concurrent('creditray check behind a hostile proxy', () => {
  it('gives up at once, with a handful of connections, when the proxy hangs up on CONNECT', async () => {
    const { run, proxy, ms } = await checkBehind(
      'close-on-connect',
      'https://api.deepseek.com',
      'HTTPS_PROXY',
    );
    console.log(
      `close-on-connect: exit ${run.code} after ${ms} ms, ${proxy.connections()} connections`,
    );
    expect(run.code).toBe(3);
    expect(ms).toBeLessThan(EXIT_BUDGET_MS);
    expect(proxy.connections()).toBeLessThanOrEqual(3);
    const [acct] = JSON.parse(run.stdout).accounts;
    expect(acct.error).toMatchObject({ kind: 'network' });
    expect(acct.error.message).toMatch(/proxy/);
  }, 45_000);

  it('exits within its timeout when the proxy never answers', async () => {
    const { run, proxy, ms } = await checkBehind(
      'silent',
      'https://api.deepseek.com',
      'HTTPS_PROXY',
    );
    console.log(`silent: exit ${run.code} after ${ms} ms, ${proxy.connections()} connections`);
    expect(run.code).toBe(3);
    expect(ms).toBeLessThan(EXIT_BUDGET_MS);
    expect(proxy.connections()).toBeLessThanOrEqual(3);
    expect(JSON.parse(run.stdout).accounts[0].error).toMatchObject({ kind: 'timeout' });
  }, 45_000);

  it('exits within its timeout when the proxy answers one byte a second', async () => {
    const { run, proxy, ms } = await checkBehind('slow', 'https://api.deepseek.com', 'HTTPS_PROXY');
    console.log(`slow: exit ${run.code} after ${ms} ms, ${proxy.connections()} connections`);
    expect(run.code).toBe(3);
    expect(ms).toBeLessThan(EXIT_BUDGET_MS);
    expect(proxy.connections()).toBeLessThanOrEqual(3);
    expect(JSON.parse(run.stdout).accounts[0].error).toMatchObject({ kind: 'timeout' });
  }, 45_000);

  it('never sends the key through HTTP_PROXY: a plain-http loopback relay is reached directly', async () => {
    const { run, proxy } = await checkBehind('recording', ds.url, 'HTTP_PROXY');
    expect(proxy.seen.join('\n')).not.toMatch(/authorization/i);
    expect(proxy.connections()).toBe(0);
    expect(run.code).toBe(0);
    expect(ds.requests.some((r) => r.path === '/user/balance')).toBe(true);
  }, 45_000);

  it('sends an https request through HTTPS_PROXY as a CONNECT tunnel, never as a readable request', async () => {
    const { run, proxy } = await checkBehind(
      'recording',
      'https://api.deepseek.com',
      'HTTPS_PROXY',
    );
    expect(run.code).toBe(3);
    expect(proxy.seen.length).toBeGreaterThan(0);
    for (const head of proxy.seen) expect(head).toMatch(/^CONNECT api\.deepseek\.com:443 /);
    expect(proxy.seen.join('\n')).not.toMatch(/authorization|sk-/i);
  }, 45_000);
});
