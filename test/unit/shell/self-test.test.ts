import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAssetHandler } from '../../../main/shell/app-scheme';
import {
  createFirstAnswerLatch,
  createSelfTestChecks,
  runSelfTest,
  type SelfTestDeps,
} from '../../../main/shell/self-test';
import { createMemorySecretStore } from '../../fakes/memory-secret-store';
import { err, ok } from '../../../shared/result';

const base = mkdtempSync(join(tmpdir(), 'creditray-selftest-'));
mkdirSync(base, { recursive: true });
writeFileSync(join(base, 'index.html'), '<!doctype html><div id="root"></div>');
afterAll(() => rmSync(base, { recursive: true, force: true }));
const serve = createAssetHandler({ root: base, readFile: (p) => readFile(p) });

/** A launch where every part works: the real handler, a renderer that answers after a while. */
function healthy(over: Partial<SelfTestDeps> = {}): SelfTestDeps & { opened: number } {
  const latch = createFirstAnswerLatch();
  const deps = {
    opened: 0,
    fetch: (url: string) => serve(new Request(url)),
    // As in the app: opening the window leads, a little later, to the renderer's state:get.
    openWindow: () => {
      deps.opened++;
      setTimeout(() => {
        latch.record('navigate', true);
        latch.record('state:get', true);
      }, 5);
    },
    rendererAnswered: (signal: AbortSignal) => latch.wait(signal),
    trayTooltip: (): string | null => 'Creditray\nDemo: ¥42.00',
    secrets: createMemorySecretStore(),
    ...over,
  };
  return deps;
}

describe('self-test', () => {
  it('passes when the scheme, window, IPC, tray and keychain all answer, in that order', async () => {
    const report = await runSelfTest(createSelfTestChecks(healthy()), {
      environment: { platform: 'linux' },
    });
    expect(report.checks.map((c) => [c.name, c.ok])).toEqual([
      ['app-scheme', true],
      ['renderer-ipc', true],
      ['tray', true],
      ['keychain', true],
    ]);
    expect(report.ok).toBe(true);
    expect(report.environment).toEqual({ platform: 'linux' });
    expect(report.checks[1]?.detail).toMatch(/mounted renderer asked for its state/);
  });

  it('fails the scheme check when the page comes without its CSP header or not at all', async () => {
    const noCsp = healthy({
      fetch: async () => new Response('<div id="root"></div>', { status: 200 }),
    });
    const missing = healthy({ fetch: async () => new Response('', { status: 404 }) });
    const a = await runSelfTest(createSelfTestChecks(noCsp));
    const b = await runSelfTest(createSelfTestChecks(missing));
    expect(a.ok).toBe(false);
    expect(a.checks[0]).toMatchObject({ ok: false, detail: expect.stringMatching(/CSP/) });
    expect(b.checks[0]).toMatchObject({ ok: false, detail: expect.stringMatching(/404/) });
  });

  it('fails (does not hang) when the window never mounts, and still runs the other checks', async () => {
    const blank = healthy({ openWindow: () => {} });
    const report = await runSelfTest(createSelfTestChecks(blank), { timeoutMs: 50 });
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name === 'renderer-ipc')).toMatchObject({
      ok: false,
      detail: 'no answer within 50 ms',
    });
    expect(report.checks.filter((c) => c.ok).map((c) => c.name)).toEqual([
      'app-scheme',
      'tray',
      'keychain',
    ]);
  });

  it('reports a renderer whose call was refused (an untrusted sender)', async () => {
    const latch = createFirstAnswerLatch();
    latch.record('state:get', false);
    const refused = healthy({ rendererAnswered: (signal) => latch.wait(signal) });
    const report = await runSelfTest(createSelfTestChecks(refused));
    expect(report.checks.find((c) => c.name === 'renderer-ipc')).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/refused/),
    });
  });

  it('remembers only the first state:get answer, whether it came before or after the wait', async () => {
    const latch = createFirstAnswerLatch();
    latch.record('accounts:add', false);
    const waiting = latch.wait(new AbortController().signal);
    latch.record('state:get', true);
    latch.record('state:get', false);
    await expect(waiting).resolves.toEqual({ ok: true });
    await expect(latch.wait(new AbortController().signal)).resolves.toEqual({ ok: true });
  });

  it('fails without a tray, and with a keychain that is locked or gives back something else', async () => {
    const locked = createMemorySecretStore();
    locked.set = async () => err({ code: 'keychain-locked', message: 'The keychain is locked.' });
    const liar = createMemorySecretStore();
    liar.get = async () => ok('something else');
    const r1 = await runSelfTest(
      createSelfTestChecks(healthy({ trayTooltip: () => null, secrets: locked })),
    );
    const r2 = await runSelfTest(createSelfTestChecks(healthy({ secrets: liar })));
    expect(r1.checks.find((c) => c.name === 'tray')?.ok).toBe(false);
    expect(r1.checks.find((c) => c.name === 'keychain')?.detail).toMatch(/keychain-locked/);
    expect(r2.checks.find((c) => c.name === 'keychain')?.detail).toBe(
      'read back a different value',
    );
  });

  it('leaves nothing behind in the keychain it checked', async () => {
    const secrets = createMemorySecretStore();
    await runSelfTest(createSelfTestChecks(healthy({ secrets })));
    expect(secrets.entries.size).toBe(0);
  });

  it('is not a pass with no checks at all', async () => {
    expect((await runSelfTest([])).ok).toBe(false);
  });
});
