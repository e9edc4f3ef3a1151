/**
 * fast-check arbitraries for the IPC fuzz test: a valid payload per contract channel (typed
 * by channel, so a new channel without a generator fails the type check), plus malformed
 * values of every kind a hostile or buggy renderer could send.
 */
import fc from 'fast-check';
import {
  HEADLINE_PREFS,
  LANGUAGES,
  MIN_POLL_SEC,
  NOTIFY_KINDS,
  PROVIDER_IDS,
  THEMES,
} from '../../../shared/model';
import { LINK_PROVIDER_IDS, providerLink } from '../../../shared/external-links';
import { LINK_KINDS } from '../../../shared/providers';
import type { InvokeChannel, InvokeRequest } from '../../../shared/ipc';

const idChars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-'.split('');
const accountId = fc
  .array(fc.constantFrom(...idChars), { minLength: 1, maxLength: 64 })
  .map((c) => c.join(''));
const label = fc
  .string({ minLength: 1, maxLength: 60, unit: 'grapheme-ascii' })
  .filter((s) => s.trim().length > 0);
const decimal = fc
  .tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.option(fc.integer({ min: 0, max: 999_999 })))
  .map(([i, f]) => (f === null ? String(i) : `${i}.${String(f).padStart(6, '0')}`));
const thresholds = fc
  .tuple(decimal, decimal)
  .map(([a, b]) => (Number(a) >= Number(b) ? { low: a, critical: b } : { low: b, critical: a }));
const budget = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.constant({ kind: 'since-top-up' as const }),
  decimal.map((amount) => ({ kind: 'fixed' as const, amount })),
);
const pollSec = fc.integer({ min: MIN_POLL_SEC, max: 24 * 3600 });
const notify = fc.dictionary(fc.constantFrom(...NOTIFY_KINDS), fc.boolean(), { maxKeys: 6 });
const anyText = (max: number) => fc.string({ maxLength: max, unit: 'binary' });

/**
 * Payloads the schemas accept; `requiredKeys: []` makes every field of a patch optional.
 * Partial on purpose: a channel added to the contract without a generator fails one named
 * test ("has a valid-payload generator") instead of the whole project's type check.
 */
export const validPayload: { [C in InvokeChannel]?: fc.Arbitrary<InvokeRequest<C>> } = {
  'state:get': fc.constant(undefined),
  'accounts:add': fc.record(
    {
      provider: fc.constantFrom(...PROVIDER_IDS),
      label,
      key: anyText(200),
      baseUrl: anyText(120),
    },
    { requiredKeys: ['provider', 'label', 'key'] },
  ),
  'accounts:update': fc.record({
    id: accountId,
    patch: fc.record(
      {
        label,
        headlineCurrency: fc.constantFrom(...HEADLINE_PREFS),
        thresholds: fc.option(thresholds),
        budget,
        pollIntervalSec: fc.option(pollSec),
        notify,
      },
      { requiredKeys: [] },
    ),
  }),
  'accounts:replace-key': fc.record({ id: accountId, key: anyText(200) }),
  'accounts:set-endpoint': fc.record(
    {
      id: accountId,
      baseUrl: anyText(100),
      custom: fc.record({
        keyPlacement: fc.constantFrom('bearer', 'raw'),
        balance: fc.constantFrom('data.balance', 'items[0].amount'),
        currency: fc.constantFrom('USD', 'CNY'),
      }),
    },
    { requiredKeys: ['id', 'baseUrl'] },
  ),
  'accounts:remove': fc.record({ id: accountId }),
  'accounts:refresh': fc.record({ id: accountId }, { requiredKeys: [] }),
  'settings:update': fc.record(
    {
      pollIntervalSec: pollSec,
      language: fc.constantFrom(...LANGUAGES),
      theme: fc.constantFrom(...THEMES),
      launchAtLogin: fc.boolean(),
      notifyCooldownMin: fc.integer({ min: 0, max: 7 * 24 * 60 }),
    },
    { requiredKeys: [] },
  ),
  'history:get': fc.record(
    {
      id: accountId,
      from: fc.integer({ min: 0, max: 2 ** 52 }),
      to: fc.integer({ min: 0, max: 2 ** 52 }),
    },
    { requiredKeys: ['id'] },
  ),
  // Every (provider, page) pair main can resolve, watched and error-only providers alike.
  'external:open': fc.constantFrom(
    ...LINK_PROVIDER_IDS.flatMap((provider) =>
      LINK_KINDS.filter((link) => providerLink(provider, link) !== null).map((link) => ({
        provider,
        link,
      })),
    ),
  ),
  'demo:start': fc.constant(undefined),
  'diagnosis:run': fc.record(
    { id: accountId, pastedError: anyText(400), paidAt: fc.integer({ min: 0, max: 2 ** 52 }) },
    { requiredKeys: ['id'] },
  ),
  'diagnosis:mark-paid': fc.record({ id: accountId, at: fc.integer({ min: 0, max: 2 ** 52 }) }, { requiredKeys: ['id'] }),
  'history:export': fc.record(
    { id: accountId, format: fc.constantFrom('csv' as const, 'json' as const), from: fc.integer({ min: 0, max: 2 ** 52 }), to: fc.integer({ min: 0, max: 2 ** 52 }) },
    { requiredKeys: ['id', 'format'] },
  ),
  'history:import': fc.record({ id: accountId, text: anyText(2000), format: fc.constantFrom('csv' as const, 'json' as const) }),
};

/** Values that are never a valid field: wrong types, non-finite numbers, arrays for objects. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -1, 1.5, 2 ** 60, true, false, null),
  fc.constant([]),
  fc.array(fc.string(), { minLength: 1, maxLength: 3 }),
  fc.constant({}),
  fc.constant(() => 1),
  fc.constant(Symbol('x')),
  fc.constant(10n),
  fc.constant(new Date(0)),
  fc.constant(new Map()),
);

/** A string far longer than any field allows (over every max in shared/ipc.ts). */
export const hugeString = fc
  .tuple(fc.constantFrom('a', 'sk-', ' ', '\u4e2d', '\u0000'), fc.integer({ min: 70_000, max: 200_000 }))
  .map(([c, n]) => c.repeat(n));

/** Keys that try prototype pollution or confuse naive parsers. */
export const pollutingKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '__defineGetter__',
  'valueOf',
);

/** An object nested `depth` levels deep, ending in `leaf`. */
export function nest(depth: number, leaf: unknown): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = { a: v, b: [v] };
  return v;
}

/** A whole payload of the wrong shape for any channel. */
export const wrongPayload: fc.Arbitrary<unknown> = fc.oneof(
  wrongValue,
  hugeString,
  fc.integer(),
  fc.array(fc.anything(), { minLength: 1 }),
  fc.integer({ min: 50, max: 2000 }).map((d) => nest(d, 'x')),
  pollutingKey.map((k) => JSON.parse(`{"${k}": {"polluted": true}}`) as unknown),
);
