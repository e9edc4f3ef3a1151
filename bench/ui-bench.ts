/**
 * UI budgets (printed, never asserted): the window's initial JS gzipped, the dashboard's
 * first render with five accounts in Chromium, and one year of one-minute history drawn with
 * and without LTTB downsampling. Runs alone with `node --import tsx bench/ui-bench.ts`, and
 * from `npm run bench`.
 */
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Backend } from '../test/ui/harness/backend';
import { buildAll } from '../test/ui/harness/build';
import { ROOT, runPaths } from '../test/ui/harness/paths';
import { buildShowcase } from '../test/ui/harness/showcase';
import { serveStatic } from '../test/ui/harness/static-server';

const BUDGET = { initialJsKb: 250, dashboardMs: 200, chartMs: 100 };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const launch = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });

/** Sums the gzipped JS the window loads before first paint (entry + modulepreloads; lazy chunks apart). */
function initialJs(): { initialKb: number; lazyKb: number; files: string[] } {
  const html = readFileSync(join(runPaths().app, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const gz = (f: string) => gzipSync(readFileSync(join(runPaths().app, f)), { level: 9 }).length / 1024;
  const all = readdirSync(join(runPaths().app, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const lazy = all.filter((f) => !initial.includes(f));
  return { initialKb: initial.reduce((s, f) => s + gz(f), 0), lazyKb: lazy.reduce((s, f) => s + gz(f), 0), files: initial };
}

/** Time until the showcase's six account rows are in the DOM (the dashboard is a list since issue 13), per load. */
async function dashboardFirstRender(runs: number): Promise<{ nav: number[]; render: number[] }> {
  const server = await serveStatic(runPaths().app);
  const { startBackend } = (await import(pathToFileURL(runPaths().backend).href)) as { startBackend(o: { trustedOrigin: string }): Promise<Backend> };
  const backend = await startBackend({ trustedOrigin: server.origin });
  await buildShowcase(backend, 'en');
  await backend.core().refresh();
  const browser = await launch();
  const times = { nav: [] as number[], render: [] as number[] };
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1180, height: 1000 } });
      await page.exposeBinding('__creditrayInvoke', (src, ch: string, p: unknown) => backend.invoke(ch, p, src.frame.url()));
      await page.addInitScript({ path: runPaths().preload });
      // Runs in the page (as text: this file is type-checked without DOM types).
      await page.addInitScript({
        content: `new MutationObserver((_m, obs) => {
          if (document.querySelectorAll('li.account-row').length >= 6) {
            const state = performance.getEntriesByName('creditray:first-state')[0]?.startTime ?? NaN;
            window.__cardsAt = [performance.now(), performance.now() - state];
            obs.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });`,
      });
      await page.goto(`${server.origin}/index.html`);
      const at = await page.waitForFunction(() => (globalThis as unknown as { __cardsAt?: number }).__cardsAt).then((h) => h.jsonValue());
      const [nav, render] = at as unknown as [number, number];
      times.nav.push(nav);
      times.render.push(render);
      await page.close();
    }
  } finally {
    await browser.close();
    await backend.close();
    await server.close();
  }
  return times;
}

/** Draw times for 525,600 points with LTTB and without. */
async function chartBench(runs: number): Promise<{ lttb: number[]; raw: number[]; drawnPoints: number }> {
  const dir = join(ROOT, 'test-results/ui-bench');
  mkdirSync(dir, { recursive: true });
  await build({ entryPoints: [join(ROOT, 'renderer/bench/chart-bench.ts')], bundle: true, format: 'iife', outfile: join(dir, 'chart-bench.js'), logLevel: 'silent', loader: { '.css': 'empty' } });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><body><script src="chart-bench.js"></script></body>');
  const server = await serveStatic(dir);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/index.html`);
    return await page.evaluate((r) => (globalThis as unknown as { runChartBench(n: number, r: number): Promise<{ lttb: number[]; raw: number[]; drawnPoints: number }> }).runChartBench(525_600, r), runs);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Prints the three figures beside their budgets. */
export async function run(): Promise<void> {
  process.env.CREDITRAY_UI_RUN ??= `ui-bench-${process.pid}`;
  await buildAll();
  const js = initialJs();
  console.log(`initial JS (gzip): ${js.initialKb.toFixed(1)} KB  (budget ${BUDGET.initialJsKb} KB; ${js.files.join(', ')}); lazy history chunk ${js.lazyKb.toFixed(1)} KB`);
  const dash = await dashboardFirstRender(5);
  console.log(`dashboard first render with 6 accounts (first state -> 6 rows committed): median ${median(dash.render).toFixed(1)} ms  (budget ${BUDGET.dashboardMs} ms; runs ${dash.render.map((t) => t.toFixed(1)).join(', ')})`);
  console.log(`  for context, navigation start -> 6 rows (page load, JS parse, first IPC round trip through the harness): median ${median(dash.nav).toFixed(0)} ms`);
  const chart = await chartBench(5);
  const l = median(chart.lttb);
  const r = median(chart.raw);
  rmSync(runPaths().run, { recursive: true, force: true });
  console.log(`history chart, 525,600 one-minute points: with LTTB (${chart.drawnPoints} drawn) median ${l.toFixed(1)} ms  (budget ${BUDGET.chartMs} ms); without downsampling ${r.toFixed(1)} ms; ratio ${(r / l).toFixed(1)}x`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
