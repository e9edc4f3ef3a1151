import { beforeEach, describe, expect, it } from 'vitest';
import { callsTo, netFake, resetElectronFake } from '../../fakes/electron';
import { electronHttp } from '../../../main/shell/http-electron';

beforeEach(() => resetElectronFake());

describe('electronHttp', () => {
  it('goes through net.fetch (system proxy) with the method, headers and signal, and no cookies', async () => {
    netFake.fetchImpl = async () => new Response('{"is_available":true}', { status: 200 });
    const signal = new AbortController().signal;
    const res = await electronHttp('https://api.deepseek.com/user/balance', {
      headers: { Authorization: 'Bearer x' },
      signal,
    });
    expect(await res.json()).toEqual({ is_available: true });
    const [url, init] = callsTo('net', 'fetch')[0]!.args as [string, RequestInit];
    expect(url).toBe('https://api.deepseek.com/user/balance');
    expect(init).toMatchObject({
      method: 'GET',
      headers: { Authorization: 'Bearer x' },
      signal,
      credentials: 'omit',
    });
  });

  it('lets a network failure reject, for the provider to classify', async () => {
    netFake.fetchImpl = () => Promise.reject(new TypeError('net::ERR_PROXY_CONNECTION_FAILED'));
    await expect(electronHttp('https://api.deepseek.com/user/balance', {})).rejects.toThrow(
      'ERR_PROXY',
    );
  });
});
