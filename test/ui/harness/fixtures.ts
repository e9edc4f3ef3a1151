/**
 * Playwright fixtures: each test gets a fresh backend (core + fake DeepSeek + real IPC
 * handlers) and a page wired to it exactly like an Electron window: the real preload runs
 * first, invokes cross into Node through a binding, pushes come back by evaluate.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { View } from '../../../shared/ipc';
import type { AppState } from '../../../shared/model';
import type { Backend } from './backend';
import { runPaths, SCREENSHOT_DIR } from './paths';
import { serveStatic } from './static-server';

type BackendModule = {
  startBackend(opts: { trustedOrigin: string; systemLocale?: string }): Promise<Backend>;
};

/** What a UI test works with. */
export interface Harness {
  page: Page;
  backend: Backend;
  origin: string;
  /** Every channel the page invoked, in order (wire names without the prefix). */
  invokes: string[];
  /**
   * Holds every invoke of `channel` (wire name without the prefix) before it reaches main,
   * until the returned release() is called: a busy state that lasts exactly as long as the
   * test needs, with no timing involved.
   */
  hold(channel: string): () => void;
  /** Answers every invoke of `channel` with `reply` instead of main (null: main answers again). */
  answer(channel: string, reply: unknown): void;
  /** Loads the window (again) and waits for the first screen. */
  open(): Promise<void>;
  /** A main -> renderer 'navigate' push, as the tray menu sends it. */
  navigate(view: View, accountId?: string): Promise<void>;
  /** Saves test-results/screenshots/<name>.png. */
  shot(name: string): Promise<string>;
  /** Adds the fake server's good key through the onboarding form; waits for its dashboard row. */
  addGoodAccount(label?: string, key?: string): Promise<void>;
  /** The dashboard row of the account labelled `label`. */
  row(label: string): Locator;
  /** Opens an account's detail (its card) from its dashboard row and waits for it. */
  openAccount(label: string): Promise<Locator>;
}

interface HarnessWindow {
  __creditrayPush(channel: string, payload: unknown): number;
}

async function push(page: Page, channel: string, payload: unknown): Promise<void> {
  await page
    .evaluate(
      ([c, p]) => void (globalThis as unknown as HarnessWindow).__creditrayPush?.(c as string, p),
      [channel, payload] as const,
    )
    .catch(() => {}); // the page may be navigating; the next state:get covers it
}

export const test = base.extend<
  { harness: Harness; systemLocale: string },
  { origin: string; backendModule: BackendModule }
>({
  origin: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern
    async ({}, use) => {
      const server = await serveStatic(runPaths().app);
      await use(server.origin);
      await server.close();
    },
    { scope: 'worker' },
  ],
  backendModule: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern
    async ({}, use) => use((await import(pathToFileURL(runPaths().backend).href)) as BackendModule),
    { scope: 'worker' },
  ],
  systemLocale: ['en-US', { option: true }],
  harness: async ({ page, origin, backendModule, systemLocale }, use) => {
    const backend = await backendModule.startBackend({ trustedOrigin: origin, systemLocale });
    // Any script error or CSP violation in the window fails the test that caused it.
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    const invokes: string[] = [];
    const held = new Map<string, Promise<void>>();
    const answers = new Map<string, unknown>();
    await page.exposeBinding(
      '__creditrayInvoke',
      async (source, channel: string, payload: unknown) => {
        const name = channel.replace(/^creditray:/, '');
        invokes.push(name);
        const gate = held.get(name);
        if (gate) await gate;
        if (answers.has(name)) return answers.get(name);
        return backend.invoke(channel, payload, source.frame.url());
      },
    );
    await page.addInitScript({ path: runPaths().preload });
    const off = backend.onState((s: AppState) => void push(page, 'creditray:state:changed', s));
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const harness: Harness = {
      page,
      backend,
      origin,
      invokes,
      hold(channel) {
        let release = () => {};
        held.set(channel, new Promise<void>((r) => (release = r)));
        return () => {
          held.delete(channel);
          release();
        };
      },
      answer(channel, reply) {
        if (reply === null) answers.delete(channel);
        else answers.set(channel, reply);
      },
      async open() {
        await page.goto(`${origin}/index.html`);
        await expect(page.locator('main h1').first()).toBeVisible();
      },
      navigate: (view, accountId) => push(page, 'creditray:navigate', { view, accountId }),
      async shot(name) {
        const path = join(SCREENSHOT_DIR, `${name}.png`);
        await page.mouse.move(0, 0);
        await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
        return path;
      },
      async addGoodAccount(label = 'Work', key?: string) {
        const { FAKE_DEEPSEEK_KEY } = await import('../../fakes/deepseek-server');
        if (
          !(await page.getByRole('heading', { level: 1, name: /Welcome|Add an account/ }).count())
        ) {
          await page.getByRole('button', { name: 'Add account' }).first().click();
        }
        await page.getByLabel('Name').fill(label);
        await page.getByLabel('DeepSeek API key').fill(`  ${key ?? FAKE_DEEPSEEK_KEY}\n`);
        await page.getByRole('button', { name: 'Verify and add' }).click();
        await expect(harness.row(label)).toBeVisible();
      },
      row: (label) =>
        page
          .locator('li.account-row')
          .filter({ has: page.locator('.row-label').getByText(label, { exact: true }) }),
      async openAccount(label) {
        await harness.row(label).locator('button.row-open').click();
        await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
        return page.locator('article.card');
      },
    };
    await use(harness);
    off();
    await backend.close();
    expect(pageErrors, 'errors in the page console').toEqual([]);
  },
});

export { expect };
