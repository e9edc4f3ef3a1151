/**
 * The one IPC contract between main and the renderer. Every invoke channel has a strict zod
 * schema for its request (main parses every payload with it before any handler runs, and an
 * unknown key is refused rather than silently dropped) and
 * a response type; every push channel has a payload type. A channel without a contract
 * fails the type check below, so the preload, handlers and renderer cannot drift apart.
 */
import { z } from 'zod';
import {
  HEADLINE_PREFS,
  LANGUAGES,
  MIN_POLL_SEC,
  NOTIFY_KINDS,
  PROVIDER_IDS,
  RUN_OUT_DAYS_RANGE,
  THEMES,
  type AccountConfig,
  type AppSettings,
  type AppState,
  type Snapshot,
} from './model';
import { customMappingSchema } from './custom-endpoint';
import { LINK_PROVIDER_IDS } from './external-links';
import { LINK_KINDS } from './providers';
import type { Diagnosis } from './diagnosis/types';
import type { AppError, Result } from './result';

/** Decimal amount as typed by a user: no exponent, no thousands separators, at most 6 decimals. */
const amount = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,6})?$/, 'expected a decimal amount such as 12.50');
const accountId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected an account id');
const label = z.string().trim().min(1, 'a label is required').max(60, 'at most 60 characters');

export const thresholdsSchema = z
  .object({ low: amount, critical: amount })
  .refine((t) => Number(t.critical) <= Number(t.low), {
    message: 'the critical threshold must not be above the low threshold',
  });
export const budgetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('fixed'), amount }),
  z.strictObject({ kind: z.literal('since-top-up') }),
]);
const pollSec = z
  .number()
  .int()
  .min(MIN_POLL_SEC)
  .max(24 * 3600);
/** One validator per app setting: the settings file and 'settings:update' both use these. */
export const settingsFields = {
  pollIntervalSec: pollSec,
  language: z.enum(LANGUAGES),
  theme: z.enum(THEMES),
  launchAtLogin: z.boolean(),
  notifyCooldownMin: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60),
  runOutDays: z.number().int().min(RUN_OUT_DAYS_RANGE.min).max(RUN_OUT_DAYS_RANGE.max),
};
const notifyPatch = z.partialRecord(z.enum(NOTIFY_KINDS), z.boolean());

export const schemas = {
  'state:get': z.undefined(),
  'accounts:add': z.strictObject({
    provider: z.enum(PROVIDER_IDS),
    label,
    /** Travels renderer -> main once, is verified, then lives only in the keychain. */
    key: z.string().max(4096, 'that is far longer than any API key'),
    baseUrl: z.string().trim().max(2048).optional(),
    /** Provider `custom` only: where the money is in the answer of the GET at baseUrl. */
    custom: customMappingSchema.optional(),
  }),
  'accounts:update': z.strictObject({
    id: accountId,
    patch: z
      .strictObject({
        label,
        headlineCurrency: z.enum(HEADLINE_PREFS),
        thresholds: thresholdsSchema.nullable(),
        budget: budgetSchema,
        pollIntervalSec: pollSec.nullable(),
        notify: notifyPatch,
      })
      .partial(),
  }),
  'accounts:replace-key': z.strictObject({ id: accountId, key: z.string().max(4096) }),
  /**
   * Where an account's key goes from now on: another site (a Moonshot key created on the
   * other region), a moved relay, a corrected custom URL or mapping. Verified before saved.
   */
  'accounts:set-endpoint': z.strictObject({
    id: accountId,
    baseUrl: z.string().trim().max(2048),
    custom: customMappingSchema.optional(),
  }),
  'accounts:remove': z.strictObject({ id: accountId }),
  'accounts:refresh': z.strictObject({ id: accountId.optional() }),
  'settings:update': z.strictObject(settingsFields).partial(),
  'history:get': z.strictObject({
    id: accountId,
    from: z.number().int().nonnegative().optional(),
    to: z.number().int().nonnegative().optional(),
  }),
  /** Watched and error-only providers alike; main looks the URL up, the renderer never sends one. */
  'external:open': z.strictObject({
    provider: z.enum(LINK_PROVIDER_IDS),
    link: z.enum(LINK_KINDS),
  }),
  'demo:start': z.undefined(),
  /** Why am I getting 402? The pasted text is the user's own program output; capped at 64 KiB. */
  'diagnosis:run': z.strictObject({
    id: accountId,
    pastedError: z
      .string()
      .max(64 * 1024, 'at most 64 KiB of error text')
      .optional(),
    paidAt: z.number().int().nonnegative().optional(),
  }),
  /** "I have paid": a fact no poll can see, used by the next diagnoses (kept in memory). */
  'diagnosis:mark-paid': z.strictObject({
    id: accountId,
    at: z.number().int().nonnegative().optional(),
  }),
  /** One account's history as the text of a CSV or JSON file (docs/history-format.md). */
  'history:export': z.strictObject({
    id: accountId,
    format: z.enum(['csv', 'json']),
    from: z.number().int().nonnegative().optional(),
    to: z.number().int().nonnegative().optional(),
  }),
  /** A picked file's text, imported all or nothing; capped at 20 MB (about a year of minutes). */
  'history:import': z.strictObject({
    id: accountId,
    text: z.string().max(20 * 1024 * 1024, 'at most 20 MB of history'),
    format: z.enum(['csv', 'json']),
  }),
} as const;

export type InvokeChannel = keyof typeof schemas;
export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof schemas)[C]>;
export type ParsedRequest<C extends InvokeChannel> = z.output<(typeof schemas)[C]>;

/** What each invoke resolves to. Expected failures are values: Electron only passes `message` of a throw. */
export interface InvokeResponses {
  'state:get': AppState;
  'accounts:add': AccountConfig;
  'accounts:update': AccountConfig;
  'accounts:replace-key': AccountConfig;
  'accounts:set-endpoint': AccountConfig;
  'accounts:remove': null;
  'accounts:refresh': null;
  'settings:update': AppSettings;
  'history:get': Snapshot[];
  'external:open': null;
  'demo:start': AccountConfig;
  'diagnosis:run': Diagnosis;
  'diagnosis:mark-paid': null;
  'history:export': string;
  /** `sameTime`: readings that shared their millisecond with a later one in the file and were merged into it. */
  'history:import': { imported: number; sameTime: number };
}
export type InvokeResult<C extends InvokeChannel> = Result<InvokeResponses[C], AppError>;

/** Fails to compile when a channel has a schema but no response type, or the reverse. */
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const contractIsComplete: Exact<InvokeChannel, keyof InvokeResponses> = true;

export const VIEWS = ['onboarding', 'dashboard', 'history', 'settings', 'diagnosis'] as const;
export type View = (typeof VIEWS)[number];

/** Main -> renderer pushes. */
export interface PushPayloads {
  'state:changed': AppState;
  navigate: { view: View; accountId?: string };
}
export type PushChannel = keyof PushPayloads;

/** Channel names on the wire are prefixed so nothing else in the process can collide. */
export const wire = (channel: InvokeChannel | PushChannel): string => `creditray:${channel}`;

/** The object the preload exposes as `window.creditray`; the renderer's only door to main. */
export interface CreditrayApi {
  invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<InvokeResult<C>>;
  /** Returns an unsubscribe function. */
  on<P extends PushChannel>(channel: P, listener: (payload: PushPayloads[P]) => void): () => void;
}

/** Turns a schema failure into a message naming the field, for the `bad-request` error. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
