import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { netFake, resetElectronFake } from '../../fakes/electron';
import { serveOverNodeHttp } from '../../fakes/electron-fake/net-wire';
import {
  startFakeDeepSeek,
  FAKE_DEEPSEEK_KEY,
  type FakeDeepSeek,
} from '../../fakes/deepseek-server';
import { createNodeHttp } from '../../../main/core/http-node';
import { createDeepSeekProvider } from '../../../main/core/providers/deepseek';
import type { Http } from '../../../main/core/ports';
import { electronHttp } from '../../../main/shell/http-electron';

let ds: FakeDeepSeek;
let portal: FakeDeepSeek;
const nodeHttp = createNodeHttp();

beforeAll(async () => {
  ds = await startFakeDeepSeek();
  portal = await startFakeDeepSeek({ keys: 'any' });
});
afterAll(async () => {
  await ds.close();
  await portal.close();
});
beforeEach(() => {
  resetElectronFake();
  ds.reset();
  portal.reset();
  netFake.server = serveOverNodeHttp;
});

async function balanceVia(http: Http) {
  const provider = createDeepSeekProvider({ http, timeoutMs: 10_000, now: () => 0 });
  return provider.fetchBalance({ key: FAKE_DEEPSEEK_KEY, baseUrl: ds.url });
}

describe('the app (net.request) and the CLI (undici) read the same server the same way', () => {
  it.each([301, 302, 307, 308])(
    'gives the same redirect diagnosis for a %i and never sends the key to its target',
    async (status) => {
      const target = `${portal.url}/login`;
      ds.enqueue({ kind: 'redirect', location: target, status });
      const cli = await balanceVia(nodeHttp);
      ds.enqueue({ kind: 'redirect', location: target, status });
      const app = await balanceVia(electronHttp);

      expect(cli.ok).toBe(false);
      expect(app).toEqual(cli);
      expect(app).toMatchObject({ ok: false, error: { kind: 'config', status } });
      if (!app.ok) expect(app.error.message).toContain(`127.0.0.1:${portal.port}`);
      expect(portal.requests).toHaveLength(0);
    },
  );

  it('reads a healthy balance through net.request exactly as through undici', async () => {
    const cli = await balanceVia(nodeHttp);
    const app = await balanceVia(electronHttp);
    expect(cli.ok).toBe(true);
    expect(app).toEqual(cli);
  });

  it('classifies a refused connection the same way (Chromium code vs errno)', async () => {
    const { port } = portal;
    await portal.close();
    const provider = (http: Http) =>
      createDeepSeekProvider({ http, timeoutMs: 10_000, now: () => 0 }).fetchBalance({
        key: FAKE_DEEPSEEK_KEY,
        baseUrl: `http://127.0.0.1:${port}`,
      });
    const cli = await provider(nodeHttp);
    const app = await provider(electronHttp);
    portal = await startFakeDeepSeek({ keys: 'any' });
    expect(cli).toMatchObject({ ok: false, error: { kind: 'network' } });
    expect(app).toMatchObject({ ok: false, error: { kind: 'network' } });
    if (!app.ok && !cli.ok) {
      expect(app.error.message).toMatch(/refused the connection/);
      expect(cli.error.message).toMatch(/refused the connection/);
    }
  });
});
