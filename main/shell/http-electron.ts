/**
 * The core's `Http` port over Electron's `net.request`: Chromium's network stack, so the
 * system proxy settings (PAC, corporate proxies) apply the way users expect.
 *
 * Why not `net.fetch`: it maps `redirect: 'manual'` onto a ClientRequest with no 'redirect'
 * listener, and Electron cancels a manual redirect that is not followed synchronously inside
 * that event, so `net.fetch` rejects with "Redirect was cancelled" instead of answering the
 * 3xx (electron/electron lib/browser/api/net-fetch.ts and lib/common/api/net-client-request.ts).
 * With the default 'follow', Chromium would carry the Authorization header to wherever the
 * 3xx points. Here the 'redirect' event is answered as the 3xx itself (status + Location),
 * which is exactly what undici's `redirect: 'manual'` gives the CLI, so the provider's
 * redirect diagnosis reads the same in both.
 */
import { net, type ClientRequest, type IncomingMessage } from 'electron';
import type { Http } from '../core/ports';

/** Statuses whose Response must not have a body (the Response constructor throws otherwise). */
const NULL_BODY = new Set([101, 204, 205, 304]);

/** Performs one request; resolves with the answer (a 3xx too), rejects on network failure or abort. */
export const electronHttp: Http = (url, init) =>
  new Promise<Response>((resolve, reject) => {
    const signal = init.signal;
    if (signal?.aborted) return reject(abortReason(signal));
    const req: ClientRequest = net.request({
      url,
      method: init.method ?? 'GET',
      headers: init.headers ?? {},
      redirect: init.redirect === 'follow' || init.redirect === 'error' ? init.redirect : 'manual',
      // 'omit': no cookies and no HTTP auth from the session (and no 'login' event on a 401);
      // the key in the header is the only credential. (useSessionCookies is ignored once
      // credentials is set; see ClientRequestConstructorOptions.)
      credentials: 'omit',
      cache: 'no-store',
    });
    let answered = false;
    let body: BodyChannel | null = null;

    const finish = () => signal?.removeEventListener('abort', onAbort);
    const onAbort = () => {
      const reason = abortReason(signal as AbortSignal);
      if (!answered) reject(reason);
      body?.fail(reason);
      answered = true;
      finish();
      req.abort();
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    req.on('redirect', (status, _method, redirectUrl, headers) => {
      if (init.redirect === 'follow') {
        // Must be synchronous: Electron cancels the redirect once this handler returns.
        req.followRedirect();
        return;
      }
      // Not following: answer the 3xx and stop. Aborting here also keeps Electron from
      // raising its own "Redirect was cancelled" error for this request.
      answered = true;
      finish();
      resolve(redirectResponse(status, redirectUrl, headers));
      req.abort();
    });
    req.on('response', (res: IncomingMessage) => {
      if (answered) return;
      answered = true;
      body = bodyOf(res, finish, () => {
        finish();
        req.abort();
      });
      resolve(
        new Response(NULL_BODY.has(res.statusCode) ? null : body.stream, {
          status: res.statusCode,
          statusText: res.statusMessage,
          headers: toHeaders(res.headers),
        }),
      );
    });
    req.on('error', (error: Error) => {
      // Chromium's words ("net::ERR_NAME_NOT_RESOLVED") reach http-errors.ts unchanged.
      if (!answered) reject(error);
      body?.fail(error);
      answered = true;
      finish();
    });
    req.end();
  });

/** What fetch rejects with on abort: the signal's reason, or an AbortError. */
function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** The refused redirect as an answer: its status and where it pointed (Location). */
function redirectResponse(
  status: number,
  redirectUrl: string,
  headers: Record<string, string[]>,
): Response {
  const h = toHeaders(headers);
  if (!h.has('location')) h.set('location', redirectUrl);
  return new Response(null, { status, headers: h });
}

function toHeaders(raw: Record<string, string | string[]>): Headers {
  const h = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    try {
      h.set(name, Array.isArray(value) ? value.join(', ') : value);
    } catch {
      // A header Chromium accepted but the Headers class refuses is not one we read.
    }
  }
  return h;
}

interface BodyChannel {
  stream: ReadableStream<Uint8Array>;
  fail(reason: unknown): void;
}

/**
 * The response body as a web stream. The core reads it with a size cap and cancels past it;
 * cancelling aborts the request so Chromium stops downloading. An abort after the answer
 * errors the stream here, because Electron destroys the IncomingMessage without an 'error'.
 */
function bodyOf(res: IncomingMessage, onEnd: () => void, onCancel: () => void): BodyChannel {
  let ctrl!: ReadableStreamDefaultController<Uint8Array>;
  let done = false;
  const end = (how: (c: ReadableStreamDefaultController<Uint8Array>) => void) => {
    if (done) return;
    done = true;
    how(ctrl);
    onEnd();
  };
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      ctrl = c;
      res.on('data', (chunk: Buffer) => {
        if (!done) c.enqueue(new Uint8Array(chunk)); // a copy: Node may reuse pooled memory
      });
      res.on('end', () => end((x) => x.close()));
      res.on('error', (e: Error) => end((x) => x.error(e)));
      res.on('aborted', () => end((x) => x.error(new Error('net::ERR_ABORTED'))));
    },
    cancel() {
      done = true;
      onCancel();
    },
  });
  return { stream, fail: (reason) => end((x) => x.error(reason)) };
}
