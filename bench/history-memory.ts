/**
 * Heap growth over 100,000 simulated poll cycles of 5 accounts, measured in a child process
 * started with --expose-gc so that garbage is collected before each measurement. Each poll
 * appends a snapshot (the balance changes in about 1 poll in 20, as with light use; the rest
 * become hourly heartbeats), exactly the poller's hot path.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFileHistoryStore } from '../main/core/history/file-history-store';
import { microsToDecimal } from '../shared/money';
import { MINUTE, YEAR_START, prng } from './history-fixtures';

const CYCLES = 100_000;
const ACCOUNTS = 5;

async function child(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const dir = mkdtempSync(join(tmpdir(), 'creditray-bench-mem-'));
  const store = createFileHistoryStore({ dir });
  const rnd = prng(7);
  const balance = Array.from({ length: ACCOUNTS }, () => 900_000_000);
  const heap = (): number => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  let base = 0;
  for (let c = 0; c < CYCLES; c++) {
    if (c === 1000) base = heap();
    const at = YEAR_START + c * MINUTE;
    for (let a = 0; a < ACCOUNTS; a++) {
      if (rnd() < 0.05) balance[a] = (balance[a] as number) - Math.floor(rnd() * 20_000);
      const t = microsToDecimal(balance[a] as number);
      await store.append(`acct-${a}`, {
        at,
        available: true,
        rows: [{ currency: 'CNY', total: t, granted: '0.00', toppedUp: t }],
      });
    }
  }
  const end = heap();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(JSON.stringify({ base, end }) + '\n');
}

/** Spawns the child and prints the growth. */
export async function benchMemory(): Promise<Record<string, string>> {
  const self = fileURLToPath(import.meta.url);
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--child'], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`memory bench child failed: ${r.stderr}`);
  const { base, end } = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as {
    base: number;
    end: number;
  };
  const growth = (end - base) / 1024 / 1024;
  const line = `${growth.toFixed(2)} MB heap growth (from cycle 1,000 to ${CYCLES.toLocaleString('en')}; target < 5 MB)`;
  console.log(
    `\nmemory: ${CYCLES.toLocaleString('en')} poll cycles x ${ACCOUNTS} accounts: ${line}, took ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  return { 'heap growth (100k x 5)': `${growth.toFixed(2)} MB` };
}

if (process.argv.includes('--child')) await child();
