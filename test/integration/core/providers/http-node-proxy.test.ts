import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { createNodeHttp, proxyHostFor } from '../../../../main/core/http-node';
import { createDeepSeekProvider } from '../../../../main/core/providers/deepseek';
import {
  FAKE_DEEPSEEK_KEY,
  startFakeDeepSeek,
  type FakeDeepSeek,
} from '../../../fakes/deepseek-server';
import { startHostileProxy } from '../../../fakes/hostile-proxy';

/** A tiny forward proxy: CONNECT tunnels and absolute-URI requests, recording what passed through. */
async function startRecordingProxy() {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const target = new URL(req.url ?? '');
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: req.method,
        headers: req.headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (s) => sockets.add(s));
  server.on('connect', (req, client: Socket, head) => {
    seen.push(`CONNECT ${req.url}`);
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host ?? '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

const PROXY_VARS = [
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'NO_PROXY',
  'no_proxy',
];
let saved: Record<string, string | undefined>;
let ds: FakeDeepSeek;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;

beforeAll(async () => {
  ds = await startFakeDeepSeek();
  proxy = await startRecordingProxy();
});
afterAll(async () => {
  await ds.close();
  await proxy.close();
});
beforeEach(() => {
  saved = Object.fromEntries(PROXY_VARS.map((k) => [k, process.env[k]]));
  for (const k of PROXY_VARS) delete process.env[k];
  proxy.seen.length = 0;
  ds.reset();
});
afterEach(() => {
  for (const k of PROXY_VARS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

const balanceVia = (http: ReturnType<typeof createNodeHttp>) =>
  createDeepSeekProvider({ http, timeoutMs: 5_000 }).fetchBalance({
    key: FAKE_DEEPSEEK_KEY,
    baseUrl: ds.url,
  });

describe('createNodeHttp', () => {
  it('never sends a loopback request through HTTP_PROXY: the key would cross the network in cleartext', async () => {
    process.env.HTTP_PROXY = proxy.url;
    process.env.http_proxy = proxy.url;
    const r = await balanceVia(createNodeHttp());
    expect(r.ok).toBe(true);
    expect(proxy.seen).toEqual([]);
    expect(ds.count()).toBe(1);
  });

  it('tunnels an https request through HTTPS_PROXY with CONNECT', async () => {
    process.env.HTTPS_PROXY = proxy.url;
    const http = createNodeHttp();
    const r = await createDeepSeekProvider({ http, timeoutMs: 5_000 }).fetchBalance({
      key: FAKE_DEEPSEEK_KEY,
      baseUrl: 'https://api.deepseek.invalid',
    });
    await http.close();
    expect(r.ok).toBe(false);
    expect(proxy.seen).toEqual(['CONNECT api.deepseek.invalid:443']);
  });

  it('fails at once, without reconnecting in a loop, when the proxy hangs up during CONNECT', async () => {
    const hostile = await startHostileProxy('close-on-connect');
    process.env.HTTPS_PROXY = hostile.url;
    const http = createNodeHttp();
    const started = Date.now();
    const r = await createDeepSeekProvider({ http, timeoutMs: 5_000 }).fetchBalance({
      key: FAKE_DEEPSEEK_KEY,
      baseUrl: 'https://api.deepseek.com',
    });
    const ms = Date.now() - started;
    await new Promise((res) => setTimeout(res, 300));
    const connections = hostile.connections();
    await http.close();
    await hostile.close();
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({ kind: 'network', message: expect.stringMatching(/proxy/) });
    expect(ms).toBeLessThan(4_000);
    expect(connections).toBe(1);
  });

  it('close() cuts a connection a silent proxy holds open, so the process can exit', async () => {
    const silent = await startHostileProxy('silent');
    process.env.HTTPS_PROXY = silent.url;
    const http = createNodeHttp();
    const pending = http('https://api.deepseek.com/user/balance', { method: 'GET' }).then(
      () => 'answered',
      () => 'failed',
    );
    while (silent.connections() === 0) await new Promise((res) => setTimeout(res, 20));
    await http.close();
    expect(await pending).toBe('failed');
    await silent.close();
  });

  it('goes direct for hosts listed in NO_PROXY', async () => {
    process.env.HTTP_PROXY = proxy.url;
    process.env.NO_PROXY = '127.0.0.1';
    const r = await balanceVia(createNodeHttp());
    expect(r.ok).toBe(true);
    expect(proxy.seen).toEqual([]);
  });

  it('goes direct when no proxy variable is set', async () => {
    expect((await balanceVia(createNodeHttp())).ok).toBe(true);
    expect(proxy.seen).toEqual([]);
  });

  it('reports a dead proxy as a network failure that names the proxy, not DeepSeek', async () => {
    const dead = createTcpServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
    const { port } = dead.address() as AddressInfo;
    await new Promise<void>((r) => dead.close(() => r()));
    process.env.HTTPS_PROXY = `http://127.0.0.1:${port}`;
    const r = await createDeepSeekProvider({
      http: createNodeHttp(),
      timeoutMs: 5_000,
    }).fetchBalance({ key: FAKE_DEEPSEEK_KEY, baseUrl: 'https://api.deepseek.com' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('network');
      expect(r.error.message).toMatch(
        new RegExp(`the proxy 127\\.0\\.0\\.1:${port} refused the connection`),
      );
    }
  });
});

describe('proxyHostFor', () => {
  it('follows the same variables and NO_PROXY rules as undici', () => {
    const env = {
      HTTPS_PROXY: 'http://proxy.corp:8080',
      HTTP_PROXY: 'http://plain.corp:3128',
      NO_PROXY: 'localhost,.internal.example,*.lan',
    };
    expect(proxyHostFor('https://api.deepseek.com/user/balance', env)).toBe('proxy.corp:8080');
    expect(proxyHostFor('http://127.0.0.1:9/x', env)).toBeNull(); // loopback never goes through a proxy
    expect(proxyHostFor('http://relay.example:9/x', env)).toBe('plain.corp:3128');
    expect(proxyHostFor('http://localhost:9/x', env)).toBeNull();
    expect(proxyHostFor('https://api.internal.example/x', env)).toBeNull();
    expect(proxyHostFor('https://box.lan/x', env)).toBeNull();
    expect(
      proxyHostFor('https://api.deepseek.com/', { HTTP_PROXY: 'http://plain.corp:3128' }),
    ).toBe('plain.corp:3128');
    expect(
      proxyHostFor('https://api.deepseek.com/', { HTTPS_PROXY: 'http://p:1', NO_PROXY: '*' }),
    ).toBeNull();
    expect(proxyHostFor('https://api.deepseek.com/', {})).toBeNull();
  });
});
