import { beforeEach, describe, expect, it } from 'vitest';
import { callsTo, netFake, resetElectronFake, type FakeClientRequest } from '../../fakes/electron';
import { electronHttp } from '../../../main/shell/http-electron';

beforeEach(() => resetElectronFake());

const URL_ = 'https://api.deepseek.com/user/balance';
const KEY_HEADERS = { Authorization: 'Bearer sk-secret', Accept: 'application/json' };

/** Starts a request and hands over the fake ClientRequest once it has been sent (end()). */
async function started(
  init: Parameters<typeof electronHttp>[1] = { headers: KEY_HEADERS, redirect: 'manual' },
): Promise<{ pending: Promise<Response>; req: FakeClientRequest }> {
  const pending = electronHttp(URL_, init);
  const req = netFake.requests.at(-1)!;
  expect(req.started).toBe(true);
  return { pending, req };
}

describe('electronHttp over net.request', () => {
  it('sends method and headers with no session credentials, and streams a 200 into a Response', async () => {
    const { pending, req } = await started();
    expect(req.options).toMatchObject({ url: URL_, method: 'GET', credentials: 'omit' });
    expect(req.getHeader('authorization')).toBe('Bearer sk-secret');
    const msg = req.serverRespond(200, { 'content-type': 'application/json', 'x-a': ['1', '2'] });
    const res = await pending;
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-a')).toBe('1, 2');
    msg.push(Buffer.from('{"is_available"'));
    msg.push(Buffer.from(':true}'));
    msg.push(null);
    expect(await res.json()).toEqual({ is_available: true });
  });

  it('refuses a redirect: answers the 3xx with its Location and never follows it with the key', async () => {
    const { pending, req } = await started();
    const followed = req.serverRedirect(302, 'https://login.hotel.example/portal', {
      location: ['https://login.hotel.example/portal'],
    });
    expect(followed).toBe(false);
    const res = await pending;
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://login.hotel.example/portal');
    expect(req.hops).toEqual([URL_]);
    expect(req.aborted).toBe(true);
  });

  it('still refuses when the caller leaves the redirect mode unset', async () => {
    const { pending, req } = await started({ headers: KEY_HEADERS });
    expect(req.serverRedirect(307, 'https://elsewhere.example/x')).toBe(false);
    expect((await pending).status).toBe(307);
  });

  it('follows only when asked to, and synchronously (Electron cancels it otherwise)', async () => {
    const { pending, req } = await started({ redirect: 'follow' });
    expect(req.serverRedirect(301, 'https://api2.example/user/balance')).toBe(true);
    req.serverRespond(200, {}, 'ok');
    expect(await (await pending).text()).toBe('ok');
    expect(req.hops).toEqual([URL_, 'https://api2.example/user/balance']);
  });

  it("rejects a redirect in 'error' mode with Electron's message", async () => {
    const { pending, req } = await started({ redirect: 'error' });
    req.serverRedirect(302, 'https://x.example/');
    await expect(pending).rejects.toThrow("redirect policy was 'error'");
  });

  it('rejects with the Chromium error string so the provider can classify it', async () => {
    const { pending, req } = await started();
    req.serverFail('net::ERR_PROXY_CONNECTION_FAILED');
    await expect(pending).rejects.toThrow('net::ERR_PROXY_CONNECTION_FAILED');
  });

  it('errors the body when the connection breaks mid-answer', async () => {
    const { pending, req } = await started();
    const msg = req.serverRespond(200, {});
    const res = await pending;
    msg.push(Buffer.from('{"partial'));
    req.serverFail('net::ERR_CONNECTION_RESET');
    await expect(res.text()).rejects.toThrow('ERR_CONNECTION_RESET');
  });

  it('aborts the request when the signal fires before the answer, rejecting with the reason', async () => {
    const ac = new AbortController();
    const { pending, req } = await started({ headers: KEY_HEADERS, signal: ac.signal });
    ac.abort(new Error('timed out'));
    await expect(pending).rejects.toThrow('timed out');
    expect(req.aborted).toBe(true);
    expect(callsTo('net', 'request:abort')).toHaveLength(1);
  });

  it('does not even start when the signal is already aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(electronHttp(URL_, { signal: ac.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(netFake.requests).toHaveLength(0);
  });

  it('errors a body still streaming when the signal fires (Electron ends it with no error event)', async () => {
    const ac = new AbortController();
    const { pending, req } = await started({ signal: ac.signal });
    const msg = req.serverRespond(200, {});
    const res = await pending;
    msg.push(Buffer.from('{"a":'));
    const text = res.text();
    ac.abort(new Error('timed out'));
    await expect(text).rejects.toThrow('timed out');
  });

  it('aborts the download when the reader cancels (the core caps the body size)', async () => {
    const { pending, req } = await started();
    req.serverRespond(200, {});
    const res = await pending;
    await res.body!.cancel();
    expect(req.aborted).toBe(true);
  });

  it('gives a 204 no body rather than throwing', async () => {
    const { pending, req } = await started();
    req.serverRespond(204, {});
    expect((await pending).body).toBeNull();
  });
});

describe('the fake ClientRequest behaves like Electron', () => {
  it("cancels a manual redirect nobody follows with 'Redirect was cancelled'", async () => {
    const { net } = await import('../../fakes/electron');
    const req = net.request({ url: URL_, redirect: 'manual' });
    const errors: string[] = [];
    req.on('error', (e: Error) => errors.push(e.message));
    req.on('redirect', () => {
      // Following later, outside the event, is too late in Electron.
    });
    req.end();
    await new Promise((r) => setImmediate(r)); // the server answers later, never inside end()
    expect(req.serverRedirect(302, 'https://x.example/')).toBe(false);
    await new Promise((r) => setImmediate(r));
    expect(errors).toEqual(['Redirect was cancelled']);
    expect(() => req.followRedirect()).toThrow('not waiting for a redirect');
  });

  it('refuses non-http protocols and unknown redirect modes, as Electron does', async () => {
    const { net } = await import('../../fakes/electron');
    expect(() => net.request({ url: 'file:///etc/passwd' })).toThrow('only supports http');
    expect(() => net.request({ url: URL_, redirect: 'sometimes' as unknown as 'manual' })).toThrow(
      'redirect mode should be one of',
    );
  });
});
