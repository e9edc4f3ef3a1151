/**
 * One authenticated GET with the safety rails every provider needs: its own timeout combined
 * with the caller's signal (told apart), no redirects carrying the key, and a capped body
 * read so a misbehaving proxy cannot feed us gigabytes.
 */
import type { ProviderError } from '../../../shared/model';
import { err, ok, type Result } from '../../../shared/result';
import type { Http } from '../ports';
import { classifyThrown, providerError } from './http-errors';

/** DeepSeek answers in well under a second; 15 s covers slow links without hanging a poll forever. */
export const DEFAULT_TIMEOUT_MS = 15_000;
/** A balance answer is a few hundred bytes; anything past this is not the API talking. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface GetRequest {
  http: Http;
  url: string;
  key: string;
  signal?: AbortSignal;
  timeoutMs: number;
  now: () => number;
  maxBytes?: number;
  /** Where the key goes; `Authorization: Bearer KEY` unless a custom endpoint says otherwise. */
  keyHeader?: KeyHeader;
}

/** The header that carries the key and what precedes the key in it ('Bearer ' or nothing). */
export interface KeyHeader {
  name: string;
  prefix: string;
}
const BEARER: KeyHeader = { name: 'Authorization', prefix: 'Bearer ' };

/** What came back, before any provider-specific interpretation. */
export interface RawAnswer {
  status: number;
  headers: Headers;
  body: string;
  /** The response type, so a browser-style 'opaqueredirect' (status 0) is still seen as a redirect. */
  type: string;
}

/** Performs the GET; a missing answer (network, timeout, cancel, oversize) is already a ProviderError. */
export async function getWithKey(req: GetRequest): Promise<Result<RawAnswer, ProviderError>> {
  const host = new URL(req.url).host;
  const keyHeader = req.keyHeader ?? BEARER;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, req.timeoutMs);
  const onCallerAbort = () => controller.abort();
  if (req.signal?.aborted) controller.abort();
  else req.signal?.addEventListener('abort', onCallerAbort, { once: true });

  const failed = (thrown: unknown): Result<never, ProviderError> => {
    const at = req.now();
    if (timedOut) {
      const secs = Math.round(req.timeoutMs / 100) / 10;
      return err(providerError('timeout', `${host} did not answer within ${secs} s.`, at));
    }
    if (req.signal?.aborted) return err(providerError('network', 'The check was cancelled before it finished.', at));
    return err(classifyThrown(thrown, host, at, req.key));
  };

  try {
    const res = await req.http(req.url, {
      method: 'GET',
      headers: { [keyHeader.name]: `${keyHeader.prefix}${req.key}`, Accept: 'application/json' },
      signal: controller.signal,
      redirect: 'manual',
    });
    const read = await readCapped(res, req.maxBytes ?? MAX_BODY_BYTES);
    if (read === null) {
      return err(
        providerError('bad-response', `The answer from ${host} was larger than ${Math.round((req.maxBytes ?? MAX_BODY_BYTES) / 1024)} KiB, which the API never sends: something in between is answering.`, req.now(), { status: res.status }),
      );
    }
    return ok({ status: res.status, headers: res.headers, body: read, type: res.type });
  } catch (thrown) {
    return failed(thrown);
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** Reads the body as UTF-8 up to `max` bytes; null when it is larger (the stream is cancelled). */
async function readCapped(res: Response, max: number): Promise<string | null> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.byteLength;
  }
  return new TextDecoder('utf-8').decode(all);
}
