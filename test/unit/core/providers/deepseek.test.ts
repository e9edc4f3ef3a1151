import { describe, expect, it } from 'vitest';
import type { Http } from '../../../../main/core/ports';
import { createDeepSeekProvider } from '../../../../main/core/providers/deepseek';

const KEY = 'sk-0123456789abcdef0123456789abcdef';

/** A recording Http that answers with a fixed Response. */
function recordingHttp(answer: () => Response) {
  const calls: { url: string; init: Parameters<Http>[1] }[] = [];
  const http: Http = async (url, init) => {
    calls.push({ url, init });
    return answer();
  };
  return { http, calls };
}

describe('DeepSeek provider request policy', () => {
  it.each(['http://api.deepseek.com', 'https://user:pw@api.deepseek.com', 'https://api.deepseek.com/?a=1', 'not a url'])(
    'never calls Http (so the key never leaves) for the refused base URL %s',
    async (baseUrl) => {
      const { http, calls } = recordingHttp(() => new Response('{}'));
      const r = await createDeepSeekProvider({ http }).fetchBalance({ key: KEY, baseUrl });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.kind).toBe('config');
      expect(calls).toHaveLength(0);
    },
  );

  it('asks for JSON with a Bearer key and manual redirects, at /user/balance outside /v1', async () => {
    const { http, calls } = recordingHttp(() => Response.json({ is_available: true, balance_infos: [] }));
    await createDeepSeekProvider({ http }).fetchBalance({ key: KEY, baseUrl: 'https://api.deepseek.com/v1' });
    expect(calls[0]?.url).toBe('https://api.deepseek.com/user/balance');
    expect(calls[0]?.init).toMatchObject({
      method: 'GET',
      redirect: 'manual',
      headers: { Authorization: `Bearer ${KEY}`, Accept: 'application/json' },
    });
    expect(calls[0]?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it("treats a browser-style opaque redirect (Electron's manual mode) as a redirect, not a balance", async () => {
    const opaque = new Response(null, { status: 200 });
    Object.defineProperty(opaque, 'type', { value: 'opaqueredirect' });
    Object.defineProperty(opaque, 'status', { value: 0 });
    const { http } = recordingHttp(() => opaque);
    const r = await createDeepSeekProvider({ http }).fetchBalance({ key: KEY, baseUrl: 'https://api.deepseek.com' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ kind: 'config', status: null });
  });

  it('stamps snapshots and errors with the injected clock', async () => {
    const { http } = recordingHttp(() => Response.json({ is_available: true, balance_infos: [] }));
    const r = await createDeepSeekProvider({ http, now: () => 42 }).fetchBalance({ key: KEY, baseUrl: 'https://api.deepseek.com' });
    expect(r).toEqual({ ok: true, value: { at: 42, available: true, rows: [] } });
  });
});
