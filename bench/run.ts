/**
 * `npm run bench`: prints figures, asserts nothing (timing belongs in docs/performance.md,
 * never in tests). Runs the history benches, then bench/ui-bench.ts when it exists.
 * `npm run bench -- --only append,year,memory,ui` runs a subset.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchAppend } from './history-append';
import { benchMemory } from './history-memory';
import { benchYear } from './history-year';

const onlyArg = process.argv.find((a) => a.startsWith('--only'));
const only = onlyArg
  ? (onlyArg.split('=')[1] ?? process.argv[process.argv.indexOf(onlyArg) + 1] ?? '').split(',')
  : null;
const wanted = (name: string): boolean => !only || only.includes(name);

/** A fixed CPU task, so figures from a busy or slow machine can be scaled by the reader. */
function calibrate(): number {
  const t = performance.now();
  let x = 0;
  for (let i = 0; i < 10_000_000; i++) x = (x + i * 7) % 1_000_003;
  if (x < 0) console.log(x);
  return performance.now() - t;
}

const started = performance.now();
console.log(
  `Creditray benchmarks — node ${process.version}, ${process.platform}/${process.arch}, ${new Date().toISOString()}`,
);
const loadavg = (await import('node:os'))
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
console.log(
  `CPU calibration: 10M-step integer loop ${calibrate().toFixed(0)} ms (an idle 2020s laptop core: ~40 ms); load average ${loadavg}`,
);
const summary: Record<string, string> = {};
if (wanted('append')) Object.assign(summary, await benchAppend());
if (wanted('year')) Object.assign(summary, await benchYear());
if (wanted('memory')) Object.assign(summary, await benchMemory());

const ui = fileURLToPath(new URL('./ui-bench.ts', import.meta.url));
if (wanted('ui') && existsSync(ui)) {
  console.log('\n— bench/ui-bench.ts —');
  const mod = (await import(pathToFileURL(ui).href)) as { default?: unknown; run?: unknown };
  const fn =
    typeof mod.run === 'function'
      ? mod.run
      : typeof mod.default === 'function'
        ? mod.default
        : null;
  if (fn) await (fn as () => unknown)();
}
console.log('\nSummary');
for (const [k, v] of Object.entries(summary)) console.log(`  ${k.padEnd(24)} ${v}`);
console.log(`(all benchmarks took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
