/**
 * Takes apart an error a user pasted from their own program, whatever printed it: DeepSeek's
 * raw JSON, `curl -i`, the OpenAI Python or JS SDK, a LangChain-style wrapper, or plain words.
 * Classification follows provider-facts: HTTP status first, then `type`, then `message`
 * (DeepSeek's `code` is the same for 401 and 402, so it decides nothing).
 */
import type { ErrorKind } from '../model';
import { maskKey } from '../providers';
import { matchWording } from './provider-wording';
import type { ParsedError, PastedSource } from './types';

/** Words that identify a status when no number was printed (DeepSeek's and HTTP's names). */
const MESSAGE_STATUS: [RegExp, number][] = [
  [/insufficient[\s_-]*balance|payment required|insufficient[\s_-]*quota/i, 402],
  [
    /authentication[\s_-]*fails|invalid api[\s_-]*key|incorrect api key|unauthori[sz]ed|authentication_error/i,
    401,
  ],
  [/rate[\s_-]*limit|too many requests/i, 429],
  [/server overloaded|service unavailable|overloaded/i, 503],
  [/internal server error|server error|bad gateway|gateway time-?out/i, 500],
  [/invalid parameters|unprocessable entity/i, 422],
  [/invalid format|invalid request body|bad request/i, 400],
];

const NETWORK =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|name or service not known|connection error|connection refused|apiconnectionerror|apitimeouterror|timed? ?out|certificate|\bssl|\btls\b|proxy|fetch failed|socket hang up|network is unreachable/i;

/** The error kind a status means; the same mapping the provider client uses for polls. */
export function kindForStatus(status: number): ErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 402) return 'insufficient-balance';
  if (status === 429) return 'rate-limit';
  if (status >= 500) return 'server';
  return 'request';
}

/** Finds `'key': 'value'` / `"key": "value"` / `"key": 123` in JSON or a Python dict repr. */
function field(text: string, key: string): string | null {
  const re = new RegExp(
    `['"]${key}['"]\\s*:\\s*(?:'((?:[^'\\\\]|\\\\.)*)'|"((?:[^"\\\\]|\\\\.)*)"|(-?\\d+)\\b)`,
  );
  const m = re.exec(text);
  if (!m) return null;
  return (m[1] ?? m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1');
}

function statusFromWords(text: string): number | null {
  for (const [re, status] of MESSAGE_STATUS) if (re.test(text)) return status;
  return null;
}

/** Class names the SDKs themselves raise; anything else wrapping them is a wrapper. */
const SDK_CLASS =
  /^(?:openai\.|anthropic\.)?(?:APIStatusError|APIError|AuthenticationError|PermissionDeniedError|RateLimitError|InternalServerError|BadRequestError|UnprocessableEntityError|NotFoundError|ConflictError|APIConnectionError|APITimeoutError|Error)$/;

function wrapperSource(text: string, index: number, sdk: PastedSource): PastedSource {
  if (/langchain/i.test(text)) return 'langchain';
  const before = text.slice(0, index);
  const cls = /([A-Za-z_][\w.]*(?:Error|Exception))\s*[:(]\s*$/.exec(
    before.split('\n').pop() ?? '',
  );
  if (cls?.[1] && !SDK_CLASS.test(cls[1])) return 'langchain';
  return sdk;
}

/** The fields of an error body; inside an `error` object first (Anthropic's outer `type` is just "error"). */
interface Fields {
  type: string | null;
  message: string | null;
  code: string | null;
}

function bodyFields(body: string): Fields {
  const nested = /['"]error['"]\s*:\s*\{/.exec(body);
  const inner = nested ? body.slice(nested.index + nested[0].length - 1) : body;
  const pick = (key: string) => (nested ? field(inner, key) : null) ?? field(body, key);
  // xAI: `{"code": "...", "error": "Your team ..."}`: the message is the `error` string itself.
  const stringError = nested ? null : field(body, 'error');
  return {
    type: pick('type'),
    message: pick('message') ?? stringError ?? field(body, 'status_msg'),
    code: pick('code') ?? field(body, 'status_code'),
  };
}

function finish(
  source: PastedSource,
  printed: number | null,
  f: Fields,
  raw: string,
  noBody = false,
): ParsedError {
  const message = f.message?.trim() || null;
  const w = matchWording({ status: printed, type: f.type, code: f.code, message, raw, noBody });
  const inferred =
    (f.type ? statusFromWords(f.type) : null) ??
    (message ? statusFromWords(message) : null) ??
    statusFromWords(raw);
  // A provider's wording decides the kind; then only a printed (or implied) status is reported.
  const st = printed ?? w?.impliedStatus ?? (w?.kind ? null : inferred);
  let kind: ErrorKind | null = w?.kind ?? (st !== null ? kindForStatus(st) : null);
  if (kind === null && NETWORK.test(raw))
    kind = /timed? ?out|APITimeoutError|ETIMEDOUT/i.test(raw) ? 'timeout' : 'network';
  const recognised = kind !== null;
  const provider = w?.provider ?? null;
  const money = kind === 'insufficient-balance';
  return {
    recognised,
    status: st,
    type: f.type,
    message,
    source: !recognised
      ? 'unknown'
      : source === 'deepseek-json' && provider && provider !== 'deepseek'
        ? 'json'
        : source,
    kind,
    isBalanceProblem: recognised ? money : null,
    provider,
    code: f.code,
    moneyCause: money ? (w?.moneyCause ?? 'balance-depleted') : null,
    tokens: w?.tokens ?? null,
    bodyHidden: w?.bodyHidden ?? false,
  };
}

/**
 * Users paste whole curl commands and logs: any key-looking token is masked before anything
 * from the text is kept, so a diagnosis (shown, printed as JSON, logged) never holds a key.
 */
export function redactKeys(text: string): string {
  return text
    .replace(/\bsk-[A-Za-z0-9_-]{8,}/g, (k) => maskKey(k))
    .replace(
      /\b(Bearer\s+)([A-Za-z0-9._~+/=-]{12,})/gi,
      (_m, bearer: string, token: string) => bearer + maskKey(token),
    );
}

/** A status printed in a log line: `HTTP/1.1 402`, `status 429`, `status_code=503`, `code: 401`. */
function printedStatus(text: string): number | null {
  const num =
    /\bHTTP\/[\d.]+\s+([1-5]\d{2})\b|\b(?:HTTP|http_code|status(?:[ _]?code)?|code)['"]?\s*[:=]?\s*['"]?([1-5]\d{2})\b/i.exec(
      text,
    );
  return num ? Number(num[1] ?? num[2]) : null;
}

/** Parses any pasted error text; unknown text comes back `recognised: false`, never throws. */
export function parsePastedError(input: string): ParsedError {
  const text = redactKeys(input.replace(/\r\n?/g, '\n').trim());
  const none: Fields = { type: null, message: null, code: null };

  // curl -i: a status line, headers, a blank line, then the body. Only what follows the status
  // line is the answer: the command above it may carry a JSON request with its own "message".
  // (Headers never hold a quoted key, so they need not be cut off.)
  const curl = /^HTTP\/[\d.]+\s+(\d{3})(?:[ \t]+([^\n]*))?$/m.exec(text);
  if (curl) {
    const f = bodyFields(text.slice(curl.index + curl[0].length));
    return finish('curl', Number(curl[1]), { ...f, message: f.message ?? curl[2] ?? null }, text);
  }

  // The SDKs' own connection failures carry no status: `openai.APIConnectionError: Connection error.`
  const conn = /(openai\.)?(APIConnectionError|APITimeoutError)\s*:\s*([^\n]*)/.exec(text);
  if (conn) {
    const sdk = conn[1] || /Traceback|File "/.test(text) ? 'openai-python' : 'openai-js';
    return finish(
      wrapperSource(text, conn.index, sdk),
      null,
      { ...none, message: conn[3] || conn[2] || null },
      text,
    );
  }

  // OpenAI (or Anthropic) Python SDK: `Error code: 402 - {'error': {...}}` (dict repr, single quotes, None).
  const py = /Error code:\s*(\d{3})(?:\s*-\s*([\s\S]*))?/.exec(text);
  if (py) {
    const f = bodyFields(py[2] ?? '');
    return finish(
      wrapperSource(text, py.index, 'openai-python'),
      Number(py[1]),
      { ...f, message: f.message ?? py[2] ?? null },
      text,
    );
  }

  // OpenAI JS SDK: `402 Insufficient Balance`, `Error: 402 status code (no body)`, `403 "Your team…"`, `400 {"type":"error",…}`.
  const js =
    /(?:^|(?:Error|Exception)\]?:[ \t]*)([1-5]\d{2}) ((?:status code \(no body\))|[A-Za-z"{\u4e00-\u9fff][^\n]*)$/m.exec(
      text,
    );
  if (js) {
    const msg = js[2] ?? '';
    const f = bodyFields(msg);
    const noBody = msg === 'status code (no body)';
    const plain = msg.replace(/^"(.*)"$/, '$1');
    return finish(
      wrapperSource(text, js.index + js[0].indexOf(js[1]!), 'openai-js'),
      Number(js[1]),
      { ...f, message: f.message ?? plain },
      text,
      noBody,
    );
  }

  // A raw JSON body: DeepSeek's `{"error":{...}}`, SiliconFlow's `{"code":30001,...}`, MiniMax's `base_resp`.
  // A log may print the status before it: `request failed with status 503: {"error":…}`.
  const json = /\{\s*"error"\s*:/.exec(text) ?? /^\{[\s\S]*\}$/.exec(text);
  if (json) {
    const f = bodyFields(text);
    if (f.type || f.message) {
      const inBody =
        /"(?:status|statusCode|http_code)"\s*:\s*"?(\d{3})\b|"code"\s*:\s*([45]\d{2})\b/.exec(text);
      const status = inBody
        ? Number(inBody[1] ?? inBody[2])
        : printedStatus(text.slice(0, json.index));
      return finish('deepseek-json', status, f, text);
    }
  }

  // Plain words and logs: "Insufficient Balance", "status 429", `"HTTP/1.1 402 Payment Required"`, "ECONNREFUSED"...
  const f = bodyFields(text);
  // The text is trimmed, so its first line is never blank.
  const firstLine = text.split('\n', 1)[0] ?? '';
  const status = printedStatus(text);
  return finish('plain', status, { ...f, message: f.message ?? firstLine.slice(0, 200) }, text);
}
