/**
 * A balance endpoint the user describes instead of one we know: one GET on the account's own
 * origin, how the key is sent, and where in the JSON answer the money is. It is data, never
 * code: the mapping is a small path syntax (`data.balance`, `data.items[0].amount`) checked
 * here, so the same rules hold in the settings file, over IPC, in the CLI and in the form.
 */
import { z } from 'zod';

/** How the key travels: `Authorization: Bearer KEY`, a header of the user's naming, or `Authorization: KEY`. */
export const KEY_PLACEMENTS = ['bearer', 'header', 'raw'] as const;
export type KeyPlacement = (typeof KEY_PLACEMENTS)[number];

/** One step into the JSON: an object member or an array index. */
export type PathStep = string | number;

/** The custom mapping as stored on an account (the origin itself is the account's baseUrl). */
export interface CustomEndpoint {
  /** Path and query of the GET on the account's origin, e.g. `/api/user/self`. */
  path: string;
  keyPlacement: KeyPlacement;
  /** With keyPlacement `header`: the header that carries the key, e.g. `X-Api-Key`. */
  keyHeader?: string;
  /** Where the spendable balance is, e.g. `data.balance`. */
  balance: string;
  /** A fixed currency code (`USD`), when the answer does not name one. */
  currency?: string;
  /** Where the answer names its currency, e.g. `data.currency`; exactly one of the two is set. */
  currencyPath?: string;
  /** Where the gift (granted) part is, when the answer splits the balance. */
  granted?: string;
  /** Where the paid (topped-up) part is. */
  toppedUp?: string;
  /** Where the answer says whether calls can be paid for now (true/false), like DeepSeek's `is_available`. */
  available?: string;
  /** Amounts are whole counts of 1/10^decimals units (e.g. 4 for 1/10000); 0 or absent for plain amounts. */
  decimals?: number;
}

const MAX_PATH = 200;
const MAX_STEPS = 16;
const MEMBER = /^[A-Za-z0-9_$-]+$/;

/**
 * Parses `a.b[0].c` into steps, or says exactly what is wrong with it. Members are letters,
 * digits, `_`, `$` and `-`; indices are non-negative integers in brackets.
 */
export function parseJsonPath(
  text: string,
): { ok: true; steps: PathStep[] } | { ok: false; error: string } {
  const t = text.trim();
  if (t === '') return { ok: false, error: 'is empty' };
  if (t.length > MAX_PATH) return { ok: false, error: `is longer than ${MAX_PATH} characters` };
  const steps: PathStep[] = [];
  for (const [i, part] of t.split('.').entries()) {
    const m = /^([^[\]]*)((?:\[\d{1,6}\])*)$/.exec(part);
    if (!m || (m[1] === '' && m[2] === '')) {
      return {
        ok: false,
        error: `has an unusable part "${part}" (expected e.g. data.balance or data.items[0].amount)`,
      };
    }
    const [, member = '', indices = ''] = m;
    if (member !== '') {
      if (!MEMBER.test(member))
        return {
          ok: false,
          error: `has a member "${member}" with characters other than letters, digits, _, $ and -`,
        };
      steps.push(member);
    } else if (i > 0) {
      // Only the first part may be a bare index (`[0].balance`: the answer is an array).
      return { ok: false, error: `has an empty part before "${part}"` };
    }
    for (const idx of indices.matchAll(/\[(\d+)\]/g)) steps.push(Number(idx[1]));
  }
  if (steps.length > MAX_STEPS) return { ok: false, error: `goes deeper than ${MAX_STEPS} steps` };
  return { ok: true, steps };
}

/** Headers the key must never be put in: they mean something else to HTTP or to proxies. */
const RESERVED_HEADERS = new Set([
  'host',
  'cookie',
  'content-length',
  'content-type',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'accept',
  'accept-encoding',
  'user-agent',
  'proxy-authorization',
  'proxy-connection',
  'origin',
  'referer',
]);

const jsonPath = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const p = parseJsonPath(v);
    if (!p.ok) ctx.addIssue({ code: 'custom', message: `the JSON path ${p.error}` });
  });

const pathSchema = z
  .string()
  .trim()
  .max(1024)
  .regex(
    /^\/(?!\/)[^\s#\\]*$/,
    'the path must start with a single / and contain no spaces, # or \\',
  );

const mappingFields = {
  keyPlacement: z.enum(KEY_PLACEMENTS),
  keyHeader: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,64}$/, 'a header name is letters, digits and - (e.g. X-Api-Key)')
    .refine((h) => !RESERVED_HEADERS.has(h.toLowerCase()), {
      message:
        'that header means something else to HTTP; name the header your service reads the key from',
    })
    .optional(),
  balance: jsonPath,
  currency: z
    .string()
    .trim()
    .transform((c) => c.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{3}$/, 'a currency is a three-letter code such as USD or CNY'))
    .optional(),
  currencyPath: jsonPath.optional(),
  granted: jsonPath.optional(),
  toppedUp: jsonPath.optional(),
  available: jsonPath.optional(),
  decimals: z.number().int().min(0).max(8).optional(),
};

/** The rules that tie fields together, for both schemas below. */
function checkMapping(
  c: { keyPlacement: KeyPlacement; keyHeader?: string; currency?: string; currencyPath?: string },
  ctx: z.RefinementCtx,
): void {
  if ((c.currency === undefined) === (c.currencyPath === undefined))
    ctx.addIssue({
      code: 'custom',
      path: ['currency'],
      message:
        'give either a currency code (e.g. USD) or the JSON path where the answer names it, not both',
    });
  if ((c.keyPlacement === 'header') !== (c.keyHeader !== undefined))
    ctx.addIssue({
      code: 'custom',
      path: ['keyHeader'],
      message:
        c.keyPlacement === 'header'
          ? 'name the header that carries the key (e.g. X-Api-Key)'
          : 'a header name only applies when the key is sent in a header of its own',
    });
}

/**
 * The mapping as a user gives it (form, IPC, CLI flags or file): the URL comes separately,
 * as the account's base URL, and is split into origin and path when the account is added.
 */
export const customMappingSchema = z.strictObject(mappingFields).superRefine(checkMapping);
export type CustomMapping = Omit<CustomEndpoint, 'path'>;

/** The stored form (settings file): the mapping plus the path on the account's origin. */
export const customEndpointSchema = z
  .strictObject({ path: pathSchema, ...mappingFields })
  .superRefine(checkMapping);

/**
 * The stored endpoint for a full URL and a mapping, or what is wrong with the URL. The origin
 * becomes the account's base URL (where the url policy applies), the path and query stay here.
 */
export function endpointFromUrl(
  text: string,
  mapping: CustomMapping,
): { ok: true; origin: string; custom: CustomEndpoint } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return {
      ok: false,
      error: `"${text.trim().slice(0, 80)}" is not a URL (expected the full address of the balance GET, e.g. https://gw.example.com/api/balance)`,
    };
  }
  if (url.hash) return { ok: false, error: 'the URL must not contain a fragment (#…)' };
  if (url.username || url.password)
    return {
      ok: false,
      error: 'the URL must not contain a user name or password: the key is sent as you chose below',
    };
  const path = pathSchema.safeParse(`${url.pathname}${url.search}`);
  if (!path.success)
    return { ok: false, error: path.error.issues[0]?.message ?? 'the path is not usable' };
  return { ok: true, origin: url.origin, custom: { path: path.data, ...mapping } };
}

/** The first problem zod found, worded for a person: "balance: the JSON path is empty". */
export function describeMappingIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the mapping is not valid';
  const where = issue.path.join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** Resolves a parsed path on a JSON value; `missing` is the step where the value ran out. */
export function readJsonPath(
  json: unknown,
  steps: readonly PathStep[],
): { found: true; value: unknown } | { found: false; at: number; keys: string[] } {
  let cur: unknown = json;
  for (const [i, step] of steps.entries()) {
    const next =
      typeof step === 'number'
        ? Array.isArray(cur) && step < cur.length
          ? { has: true, v: cur[step] as unknown }
          : { has: false, v: undefined }
        : cur !== null && typeof cur === 'object' && !Array.isArray(cur) && Object.hasOwn(cur, step)
          ? { has: true, v: (cur as Record<string, unknown>)[step] }
          : { has: false, v: undefined };
    if (!next.has) {
      const keys =
        cur !== null && typeof cur === 'object' && !Array.isArray(cur)
          ? Object.keys(cur).slice(0, 12)
          : [];
      return { found: false, at: i, keys };
    }
    cur = next.v;
  }
  return { found: true, value: cur };
}

/** Writes steps back as text (for messages): ["data", 0, "amount"] -> data[0].amount. */
export function formatJsonPath(steps: readonly PathStep[]): string {
  return steps.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** An account's address as the user would type it again: a custom endpoint's full URL, else its base URL. */
export function accountUrl(a: { baseUrl: string; custom?: { path: string } }): string {
  return a.custom ? `${a.baseUrl}${a.custom.path}` : a.baseUrl;
}
