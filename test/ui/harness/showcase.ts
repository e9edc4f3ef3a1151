/**
 * A realistic set of accounts for the screen tests and screenshots: one per level, a
 * budget gauge, two currencies, a month of history with a top-up. Set up through the core
 * (what the UI does is tested elsewhere), with labels in the screen's language because
 * labels are the user's own words.
 */
import { cnyRow, usdRow, ZERO_USD_ROW } from '../../fakes/deepseek-server';
import type { Backend } from './backend';
import { seedReadings } from './seed';

const LABELS = {
  en: ['Work', 'Side project', 'Batch jobs', 'Research'],
  'zh-CN': ['工作', '个人项目', '批处理任务', '研究组'],
} as const;

/** Adds four accounts (healthy, low, critical, unavailable); returns their ids in that order. */
export async function buildShowcase(backend: Backend, lang: 'en' | 'zh-CN'): Promise<string[]> {
  const core = backend.core();
  backend.server.setValidKeys('any');
  const plans = [
    { rows: [cnyRow('186.40', '12.00'), usdRow('4.20')], available: true },
    { rows: [ZERO_USD_ROW, cnyRow('14.80')], available: true },
    { rows: [cnyRow('2.35', '2.35'), ZERO_USD_ROW], available: true },
    { rows: [cnyRow('36.00', '6.00')], available: false },
  ];
  const ids: string[] = [];
  for (const [i, plan] of plans.entries()) {
    backend.server.setBalance(plan);
    const key = `sk-${String(i).repeat(4)}9f2e7c1a4b6d8e0f2a3c5e7b9d1f${(0xa1b2 + i * 0x111).toString(16)}`;
    const r = await core.addAccount({ provider: 'deepseek', label: LABELS[lang][i]!, key });
    if (!r.ok) throw new Error(`showcase account ${i}: ${r.error.message}`);
    ids.push(r.value.id);
    if (i === 0) {
      // A month of readings and a budget for the first account, ending just before its latest poll.
      for (const s of seedReadings(30 * 144, 600_000, Date.now() - 120_000)) await backend.history.append(r.value.id, s);
      await core.updateAccount({ id: r.value.id, patch: { budget: { kind: 'fixed', amount: '300' } } });
    }
    // Let this account's first poll finish before the server's balance changes for the next one.
    await core.refresh(r.value.id);
  }
  return ids;
}
