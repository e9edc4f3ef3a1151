/**
 * Takes apart an error a user pasted from their own program, whatever printed it: DeepSeek's
 * raw JSON, `curl -i`, the OpenAI Python or JS SDK, a LangChain-style wrapper, or plain words.
 * Classification follows provider-facts: HTTP status first, then `type`, then `message`
 * (DeepSeek's `code` is the same for 401 and 402, so it decides nothing).
 */
import type { ErrorKind } from '../model';
import { maskKey } from '../providers';
import type { ParsedError, PastedSource } from './types';

/** Words that identify a status when no number was printed (DeepSeek's and HTTP's names). */
const MESSAGE_STATUS: [RegExp, number][] = [
  [/insufficient[\s_-]*balance|payment required|insufficient[\s_-]*quota/i, 402],
  [/authentication[\s_-]*fails|invalid api[\s_-]*key|incorrect api key|unauthori[sz]ed|authentication_error/i, 401],
  [/rate[\s_-]*limit|too many requests/i, 429],
  [/server overloaded|service unavailable|overloaded/i, 503],
  [/internal server error|server error|bad gateway|gateway time-?out/i, 500],
  [/invalid parameters|unprocessable entity/i, 422],
  [/invalid format|invalid request body|bad request/i, 400],
];

const NETWORK = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|name or service not known|connection error|connection refused|apiconnectionerror|apitimeouterror|timed? ?out|certificate|\bssl|\btls\b|proxy|fetch failed|socket hang up|network is unreachable/i;

/** The error kind a status means; the same mapping the provider client uses for polls. */
export function kindForStatus(status: number): ErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 402) return 'insufficient-balance';
  if (status === 429) return 'rate-limit';
  if (status >= 500) return 'server';
  return 'request';
}

/** Finds `'key': 'value'` / `"key": "value"` in JSON or a Python dict repr (None -> null). */
function field(text: string, key: string): string | null {
  const re = new RegExp(`['"]${key}['"]\\s*:\\s*(?:'((?:[^'\\\\]|\\\\.)*)'|"((?:[^"\\\\]|\\\\.)*)")`);
  const m = re.exec(text);
  if (!m) return null;
  return (m[1] ?? m[2] ?? '').replace(/\\(.)/g, '$1');
}

function statusFromWords(text: string): number | null {
  for (const [re, status] of MESSAGE_STATUS) if (re.test(text)) return status;
  return null;
}

/** Class names the OpenAI SDKs themselves raise; anything else wrapping them is a wrapper. */
const SDK_CLASS = /^(?:openai\.)?(?:APIStatusError|APIError|AuthenticationError|PermissionDeniedError|RateLimitError|InternalServerError|BadRequestError|UnprocessableEntityError|NotFoundError|ConflictError|APIConnectionError|APITimeoutError|Error)$/;

function wrapperSource(text: string, index: number, sdk: PastedSource): PastedSource {
  if (/langchain/i.test(text)) return 'langchain';
  const before = text.slice(0, index);
  const cls = /([A-Za-z_][\w.]*(?:Error|Exception))\s*[:(]\s*$/.exec(before.split('\n').pop() ?? '');
  if (cls?.[1] && !SDK_CLASS.test(cls[1])) return 'langchain';
  return sdk;
}

function finish(source: PastedSource, status: number | null, type: string | null, message: string | null, raw: string): ParsedError {
  const st = status ?? (type ? statusFromWords(type) : null) ?? (message ? statusFromWords(message) : null) ?? statusFromWords(raw);
  let kind: ErrorKind | null = st !== null ? kindForStatus(st) : null;
  if (kind === null && NETWORK.test(raw)) kind = /timed? ?out|APITimeoutError|ETIMEDOUT/i.test(raw) ? 'timeout' : 'network';
  const recognised = kind !== null;
  return {
    recognised,
    status: st,
    type,
    message: message?.trim() || null,
    source: recognised ? source : 'unknown',
    kind,
    isBalanceProblem: recognised ? kind === 'insufficient-balance' : null,
  };
}

/** Reads DeepSeek's `{"error":{...}}` body (or any JSON/dict-looking text with those fields). */
function bodyFields(body: string): { type: string | null; message: string | null } {
  return { type: field(body, 'type'), message: field(body, 'message') };
}

/**
 * Users paste whole curl commands and logs: any key-looking token is masked before anything
 * from the text is kept, so a diagnosis (shown, printed as JSON, logged) never holds a key.
 */
export function redactKeys(text: string): string {
  return text
    .replace(/\bsk-[A-Za-z0-9_-]{8,}/g, (k) => maskKey(k))
    .replace(/\b(Bearer\s+)([A-Za-z0-9._~+/=-]{12,})/gi, (_m, bearer: string, token: string) => bearer + maskKey(token));
}

/** Parses any pasted error text; unknown text comes back `recognised: false`, never throws. */
export function parsePastedError(input: string): ParsedError {
  const text = redactKeys(input.replace(/\r\n?/g, '\n').trim());
  if (!text) return finish('unknown', null, null, null, '');

  // curl -i: a status line, headers, a blank line, then the body.
  const curl = /^HTTP\/[\d.]+\s+(\d{3})(?:[ \t]+([^\n]*))?$/m.exec(text);
  if (curl) {
    const body = text.slice(curl.index).split(/\n\s*\n/).slice(1).join('\n');
    const f = bodyFields(body);
    return finish('curl', Number(curl[1]), f.type, f.message ?? curl[2] ?? null, text);
  }

  // The SDKs' own connection failures carry no status: `openai.APIConnectionError: Connection error.`
  const conn = /(openai\.)?(APIConnectionError|APITimeoutError)\s*:\s*([^\n]*)/.exec(text);
  if (conn) {
    const sdk = conn[1] || /Traceback|File "/.test(text) ? 'openai-python' : 'openai-js';
    return finish(wrapperSource(text, conn.index, sdk), null, null, conn[3] || conn[2] || null, text);
  }

  // OpenAI Python SDK: `Error code: 402 - {'error': {...}}` (dict repr, single quotes, None).
  const py = /Error code:\s*(\d{3})(?:\s*-\s*([\s\S]*))?/.exec(text);
  if (py) {
    const f = bodyFields(py[2] ?? '');
    return finish(wrapperSource(text, py.index, 'openai-python'), Number(py[1]), f.type, f.message ?? py[2] ?? null, text);
  }

  // Raw JSON body from DeepSeek (or a proxy answering in its shape).
  if (/\{\s*"error"\s*:/.test(text)) {
    const f = bodyFields(text);
    if (f.type || f.message) {
      const num = /"status"\s*:\s*(\d{3})/.exec(text);
      return finish('deepseek-json', num ? Number(num[1]) : null, f.type, f.message, text);
    }
  }

  // OpenAI JS SDK: `402 Insufficient Balance`, `Error: 402 status code (no body)`.
  const js = /(?:^|(?:Error|Exception)\]?:[ \t]*)([1-5]\d{2}) ((?:status code \(no body\))|[A-Za-z][^\n]*)$/m.exec(text);
  if (js) {
    const msg = js[2] ?? '';
    const f = bodyFields(msg);
    return finish(wrapperSource(text, js.index + js[0].indexOf(js[1]!), 'openai-js'), Number(js[1]), f.type, f.message ?? msg, text);
  }

  // Plain words: "Insufficient Balance", "status 429", "ECONNREFUSED"...
  const num = /\b(?:HTTP|status(?: code)?|code)\s*[:=]?\s*([1-5]\d{2})\b/i.exec(text);
  const f = bodyFields(text);
  const firstLine = text.split('\n').find((l) => l.trim()) ?? text;
  return finish('plain', num ? Number(num[1]) : null, f.type, f.message ?? firstLine.slice(0, 200), text);
}
