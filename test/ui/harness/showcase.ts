/**
 * A realistic set of accounts for the screen tests and screenshots: six accounts, one per
 * level a user can meet (healthy, low, critical, depleted, unavailable, error), a budget
 * gauge, two currencies, a month of history with a top-up and a week of steady spending on
 * the others (so the list shows days left). Set up through the core (what the UI does is
 * tested elsewhere), with labels in the screen's language because labels are the user's
 * own words.
 */
import type { Snapshot } from '../../../shared/model';
import { cnyRow, usdRow, ZERO_USD_ROW } from '../../fakes/deepseek-server';
import type { Backend } from './backend';
import { seedReadings } from './seed';

const LABELS = {
  en: ['Work', 'Side project', 'Batch jobs', 'Research', 'Drained', 'Old key'],
  'zh-CN': ['工作', '个人项目', '批处理任务', '研究组', '已用完', '旧密钥'],
} as const;

/** A week of readings every 30 minutes falling evenly by `perDay` CNY to `end` CNY. */
function steadySpend(endCny: number, perDay: number, until: number): Snapshot[] {
  const step = 1_800_000;
  const n = 7 * 48;
  const out: Snapshot[] = [];
  for (let i = 0; i < n; i++) {
    const left = endCny + (perDay * (n - 1 - i)) / 48;
    const total = left.toFixed(2);
    out.push({
      at: until - (n - 1 - i) * step,
      available: true,
      rows: [{ currency: 'CNY', total, granted: '0.00', toppedUp: total }],
    });
  }
  return out;
}

/** Adds six accounts (healthy, low, critical, unavailable, depleted, error); returns their ids in that order. */
export async function buildShowcase(backend: Backend, lang: 'en' | 'zh-CN'): Promise<string[]> {
  const core = backend.core();
  backend.server.setValidKeys('any');
  const plans: {
    rows: ReturnType<typeof cnyRow>[];
    available: boolean;
    spend?: [number, number];
  }[] = [
    { rows: [cnyRow('186.40', '12.00'), usdRow('4.20')], available: true },
    { rows: [ZERO_USD_ROW, cnyRow('14.80')], available: true, spend: [15.2, 3.1] },
    { rows: [cnyRow('2.35', '2.35'), ZERO_USD_ROW], available: true, spend: [2.6, 1.4] },
    { rows: [cnyRow('36.00', '6.00')], available: false },
    { rows: [cnyRow('0.00'), ZERO_USD_ROW], available: true },
    { rows: [cnyRow('52.00')], available: true },
  ];
  const ids: string[] = [];
  const keys: string[] = [];
  for (const [i, plan] of plans.entries()) {
    backend.server.setBalance(plan);
    const key = `sk-${String(i).repeat(4)}9f2e7c1a4b6d8e0f2a3c5e7b9d1f${(0xa1b2 + i * 0x111).toString(16)}`;
    const r = await core.addAccount({ provider: 'deepseek', label: LABELS[lang][i]!, key });
    if (!r.ok) throw new Error(`showcase account ${i}: ${r.error.message}`);
    ids.push(r.value.id);
    keys.push(key);
    const before = Date.now() - 120_000;
    if (i === 0) {
      // A month of readings and a budget for the first account, ending just before its latest poll.
      for (const s of seedReadings(30 * 144, 600_000, before))
        await backend.history.append(r.value.id, s);
      await core.updateAccount({
        id: r.value.id,
        patch: { budget: { kind: 'fixed', amount: '300' } },
      });
    }
    if (plan.spend)
      for (const s of steadySpend(plan.spend[0], plan.spend[1], before))
        await backend.history.append(r.value.id, s);
    // Let this account's first poll finish before the server's balance changes for the next one.
    await core.refresh(r.value.id);
  }
  // The last key is revoked after it was added: its account is in error (401).
  backend.server.setValidKeys(keys.slice(0, -1));
  await core.refresh(ids.at(-1));
  return ids;
}
