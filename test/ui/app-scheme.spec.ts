/**
 * The packaged window loads the built renderer from creditray://app through
 * main/shell/app-scheme.ts. Here the same handler serves the same build to Chromium (over
 * HTTP, the only transport a plain Chromium accepts) with no file-access privileges at all,
 * and the window renders; the same build opened from file:// stays blank, which is what the
 * packaged app showed when it still used loadFile with the file-protocol fuse off.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { expect, test } from './harness/fixtures';
import { runPaths } from './harness/paths';
import { RENDERER_CSP } from '../../main/shell/app-scheme';

test('the built renderer renders through the app scheme handler, CSP sent as a header', async ({
  harness,
  page,
  browser,
}) => {
  const launchArgs = JSON.stringify(test.info().project.use.launchOptions?.args ?? []);
  expect(launchArgs).not.toContain('allow-file-access');
  expect(browser.browserType().name()).toBe('chromium');
  const responses: { url: string; csp: string | null; type: string | null }[] = [];
  page.on('response', (r) =>
    responses.push({
      url: r.url(),
      csp: r.headers()['content-security-policy'] ?? null,
      type: r.headers()['content-type'] ?? null,
    }),
  );
  await harness.open();
  expect(await page.locator('#root > *').count()).toBeGreaterThan(0);
  const html = responses.find((r) => r.url.endsWith('/index.html'));
  expect(html?.csp).toBe(RENDERER_CSP);
  const scripts = responses.filter((r) => /\/assets\/.+\.js$/.test(r.url));
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(s.type).toBe('text/javascript; charset=utf-8');
});

test('the same build opened from file:// stays blank (the module script is blocked)', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(pathToFileURL(join(runPaths().app, 'index.html')).href);
  await page.waitForTimeout(500);
  expect(await page.locator('#root > *').count()).toBe(0);
  expect(errors.join('\n')).toMatch(/CORS|origin 'null'|blocked/i);
});
