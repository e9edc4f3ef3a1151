/**
 * Every IPC channel fuzzed through the real registerIpc -> dispatchInvoke path (recording
 * Electron fake, fake core): malformed payloads are refused as `bad-request` naming the
 * problem and never reach the core; valid ones reach it only as the schema's parsed output;
 * frames other than our renderer file are refused whatever they send.
 */
import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { invokeIpc, resetElectronFake } from '../../fakes/electron';
import { coreCallNames, createFakeCore, recordingLogger, type FakeCore } from '../../fakes/fake-core';
import { registerIpc } from '../../../main/shell/ipc-main';
import { createTrustedSenderCheck } from '../../../main/shell/trusted-sender';
import { APP_ENTRY_URL } from '../../../main/shell/app-scheme';
import { schemas, wire, type InvokeChannel } from '../../../shared/ipc';
import { hugeString, nest, pollutingKey, validPayload, wrongPayload } from './ipc-arbitraries';

const RENDERER_FILE = '/opt/Creditray/resources/app.asar/out/renderer/index.html';
const OURS = `${APP_ENTRY_URL}#/dashboard`;
const CHANNELS = Object.keys(schemas) as InvokeChannel[];
const OBJECT_CHANNELS = CHANNELS.filter((c) => c !== 'state:get' && c !== 'demo:start');
const RUNS = 150;

let core: FakeCore;
let opened: string[];
let tried = 0;

beforeEach(() => {
  resetElectronFake();
  core = createFakeCore();
  opened = [];
  registerIpc({
    core,
    isTrustedSender: createTrustedSenderCheck({}),
    openExternal: async (url) => void opened.push(url),
    logger: recordingLogger(),
  });
});

afterAll(() => {
  // The count the hardening note asks for; visible with --reporter=verbose.
  console.info(`ipc-fuzz: ${tried} payloads tried`);
});

type Reply = { ok: boolean; error?: { code: string; message: string }; value?: unknown };
/** Invokes as our own renderer; `from` names another frame URL, or a frame that is gone. */
const send = async (channel: InvokeChannel, payload: unknown, from?: { frame: string | undefined }) => {
  tried++;
  try {
    return (await invokeIpc(wire(channel), payload, from ? from.frame : OURS)) as Reply;
  } catch (e) {
    // As in Electron, a payload the structured clone cannot copy (a function, a symbol, a
    // nesting deeper than V8's stack) fails in the renderer and never reaches main.
    if (String(e).includes('invoking remote method')) throw e;
    expect(coreCallNames(core)).toEqual([]);
    return null;
  }
};

/** The core method (and its arguments) each channel's handler calls with parsed data. */
function expectedCall(channel: InvokeChannel, parsed: unknown): { method: string; args: unknown[] } | null | 'unknown' {
  const p = parsed as Record<string, unknown>;
  switch (channel) {
    case 'state:get':
      return null; // answered from getState, which the fake records as bookkeeping
    case 'accounts:add':
      return { method: 'addAccount', args: [p] };
    case 'accounts:update':
      return { method: 'updateAccount', args: [p] };
    case 'accounts:replace-key':
      return { method: 'replaceKey', args: [p] };
    case 'accounts:set-endpoint':
      return { method: 'setEndpoint', args: [p] };
    case 'accounts:remove':
      return { method: 'removeAccount', args: [p.id] };
    case 'accounts:refresh':
      return { method: 'refresh', args: [p.id] };
    case 'settings:update':
      return { method: 'updateSettings', args: [p] };
    case 'history:get':
      return { method: 'getHistory', args: [p] };
    case 'demo:start':
      return { method: 'startDemo', args: [] };
    case 'external:open':
      return null; // opens a link from the allowlist; never touches the core
    case 'diagnosis:run':
      return { method: 'runDiagnosis', args: [p] };
    case 'diagnosis:mark-paid':
      return { method: 'markPaid', args: [p] };
    case 'history:export':
      return { method: 'exportHistory', args: [p] };
    case 'history:import':
      return { method: 'importHistory', args: [p] };
    default:
      return 'unknown';
  }
}

/** The valid-payload generator of a channel; a missing one is a failing test, not a skip. */
function valid(channel: InvokeChannel): fc.Arbitrary<unknown> {
  const arb = validPayload[channel] as fc.Arbitrary<unknown> | undefined;
  if (!arb) throw new Error(`test/unit/security/ipc-arbitraries.ts has no valid-payload generator for '${channel}'`);
  return arb;
}

/** Asserts the channel refused the payload as bad-request and the core saw nothing. */
function expectRefused(r: Reply | null, field?: string): void {
  if (r === null) return; // never left the renderer (see send)
  expect(r.ok).toBe(false);
  expect(r.error?.code).toBe('bad-request');
  expect(r.error?.message.length).toBeGreaterThan(0);
  if (field) expect(r.error?.message).toContain(field);
  expect(coreCallNames(core)).toEqual([]);
  expect(opened).toEqual([]);
}

describe('IPC fuzzing through registerIpc', () => {
  it.each(CHANNELS)('%s has a valid-payload generator and a known core mapping', (channel) => {
    expect(() => valid(channel)).not.toThrow();
    expect(expectedCall(channel, {})).not.toBe('unknown');
  });

  it.each(CHANNELS)('%s: every valid payload reaches the core only as parsed data', async (channel) => {
    await fc.assert(
      fc.asyncProperty(valid(channel), async (payload) => {
        core.calls.length = 0;
        opened.length = 0;
        const parsed = schemas[channel].safeParse(payload);
        expect(parsed.success).toBe(true); // the generator matches the contract
        const r = await send(channel, payload);
        expect(r?.ok, JSON.stringify(r?.error)).toBe(true); // a valid payload always crosses
        const want = expectedCall(channel, parsed.data);
        const made = core.calls.filter((c) => c.method !== 'getState' && c.method !== 'subscribe');
        expect(made).toEqual(want ? [want] : []);
        if (channel === 'external:open') expect(opened).toHaveLength(1);
      }),
      { numRuns: RUNS },
    );
  });

  it.each(CHANNELS)('%s: a payload of the wrong shape is refused before the core', async (channel) => {
    await fc.assert(
      fc.asyncProperty(wrongPayload, async (payload) => {
        core.calls.length = 0;
        // A few odd values (an empty object for an all-optional patch) are valid; the schema decides.
        if (schemas[channel].safeParse(payload).success) return;
        expectRefused(await send(channel, payload));
      }),
      { numRuns: RUNS },
    );
  });

  it.each(OBJECT_CHANNELS)('%s: one field replaced by garbage is refused, naming that field', async (channel) => {
    const garbage = fc.oneof(
      fc.constantFrom<unknown>(NaN, Infinity, -Infinity, Symbol('s'), () => 1, 10n, [['x']], [{}]),
      hugeString.filter((s) => s.trim().length > 0),
      fc.integer({ min: 60, max: 500 }).map((d) => nest(d, NaN)),
    );
    const withField = (valid(channel) as fc.Arbitrary<Record<string, unknown>>).chain((p) => {
      const keys = Object.keys(p);
      return keys.length === 0
        ? fc.constant(null)
        : fc.tuple(fc.constant(p), fc.constantFrom(...keys), garbage);
    });
    await fc.assert(
      fc.asyncProperty(withField, async (t) => {
        if (!t) return;
        const [p, key, bad] = t;
        // history:import's text may be 20 MB, so a "huge" string is valid there (its cap has its own test).
        if (schemas[channel].safeParse({ ...p, [key]: bad }).success) return;
        core.calls.length = 0;
        expectRefused(await send(channel, { ...p, [key]: bad }), key);
      }),
      { numRuns: RUNS },
    );
  });

  it.each(OBJECT_CHANNELS)('%s: extra and prototype-polluting keys never reach the core', async (channel) => {
    const payloads = valid(channel) as fc.Arbitrary<Record<string, unknown>>;
    const extraKey = fc.oneof(pollutingKey, fc.constantFrom('admin', 'isTrusted', 'url', 'then'));
    await fc.assert(
      fc.asyncProperty(payloads, extraKey, async (p, key) => {
        core.calls.length = 0;
        // JSON.parse makes `__proto__` an own property, as a structured clone from the renderer would.
        const payload = JSON.parse(
          JSON.stringify({ ...p, marker: 1 }).replace('"marker":1', `"${key}":{"polluted":true}`),
        ) as unknown;
        const r = await send(channel, payload);
        const reached = JSON.stringify(core.calls.map((c) => c.args));
        expect(reached).not.toContain('polluted');
        if (r && !r.ok) expectRefused(r);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses unknown keys outright where the contract is strict (patches and settings)', async () => {
    const patch = await send('accounts:update', { id: 'a1', patch: { label: 'x', admin: true } });
    expectRefused(patch, 'admin');
    const settings = await send('settings:update', { theme: 'dark', __proto__x: 1 });
    expectRefused(settings, '__proto__x');
    const proto = await send('settings:update', JSON.parse('{"__proto__":{"theme":"dark"}}'));
    expectRefused(proto, '__proto__');
  });

  it('refuses NaN, Infinity, fractions and out-of-range numbers by name', async () => {
    const cases: [InvokeChannel, unknown, string][] = [
      ['settings:update', { pollIntervalSec: NaN }, 'pollIntervalSec'],
      ['settings:update', { pollIntervalSec: Infinity }, 'pollIntervalSec'],
      ['settings:update', { pollIntervalSec: 29 }, 'pollIntervalSec'],
      ['settings:update', { notifyCooldownMin: 1.5 }, 'notifyCooldownMin'],
      ['history:get', { id: 'a', from: -1 }, 'from'],
      ['history:get', { id: 'a', to: 2 ** 60 }, 'to'],
      ['accounts:update', { id: 'a', patch: { thresholds: { low: '1e3', critical: '1' } } }, 'low'],
      ['accounts:update', { id: 'a', patch: { thresholds: { low: '1', critical: '5' } } }, 'critical'],
      ['accounts:update', { id: 'a', patch: { pollIntervalSec: -Infinity } }, 'pollIntervalSec'],
      ['accounts:add', { provider: 'openai', label: 'x', key: 'k' }, 'provider'],
      ['accounts:add', { provider: 'deepseek', label: '   ', key: 'k' }, 'label'],
      ['accounts:add', { provider: 'deepseek', label: 'x', key: 'k'.repeat(4097) }, 'key'],
      ['accounts:remove', { id: '../../etc/passwd' }, 'id'],
      ['external:open', { provider: 'deepseek', link: 'javascript:alert(1)' }, 'link'],
      ['accounts:add', ['deepseek', 'x', 'k'], ''],
    ];
    for (const [channel, payload, field] of cases) {
      core.calls.length = 0;
      expectRefused(await send(channel, payload), field || undefined);
    }
  });
});

describe('IPC from a foreign frame', () => {
  const foreign = fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.constantFrom(
      'about:blank',
      'about:srcdoc',
      'data:text/html,<script>1</script>',
      'devtools://devtools/bundled/inspector.html',
      'chrome-extension://abc/page.html',
      'blob:file:///0f0f',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'file:///tmp/index.html',
      `file://${RENDERER_FILE.replace('index.html', 'other.html')}`,
      `file://${RENDERER_FILE}/../../evil.html`,
      `file://${RENDERER_FILE}`,
      'creditray://evil/index.html',
      'creditray://app.evil.example/index.html',
      `file://evil.example${RENDERER_FILE}`,
      'http://localhost:5173/',
      'https://api.deepseek.com/',
      '',
      'not a url',
    ),
    fc
      .array(fc.constantFrom('a', 'tmp', 'home', 'renderer', 'out', '..'), { minLength: 1, maxLength: 6 })
      .map((parts) => `file:///${parts.join('/')}/index.html`),
  );

  it('is refused as forbidden on every channel, valid payload or not, and reaches nothing', async () => {
    const anyChannel = fc.constantFrom(...CHANNELS);
    await fc.assert(
      fc.asyncProperty(
        anyChannel.chain((c) => fc.tuple(fc.constant(c), validPayload[c] ? valid(c) : fc.anything())),
        foreign,
        async ([channel, payload], frame) => {
          core.calls.length = 0;
          const r = await send(channel, payload, { frame });
          expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
          expect(coreCallNames(core)).toEqual([]);
          expect(opened).toEqual([]);
        },
      ),
      { numRuns: RUNS * 4 },
    );
  });

  it('refuses a sender whose frame is gone (navigated away or destroyed)', async () => {
    for (const channel of CHANNELS) {
      const r = await send(channel, undefined, { frame: undefined });
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(coreCallNames(core)).toEqual([]);
  });
});
