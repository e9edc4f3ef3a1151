/**
 * Human output of `check`: one block per account in the user's language, reusing the
 * tray's state words so the terminal and the tray say the same thing.
 */
import { resolveLanguage } from '../../shared/i18n/language';
import { errorWords } from '../../shared/i18n/tray';
import { formatMoney, toMicros } from '../../shared/money';
import { insightLines, tagWord } from './check-output';
import type { AccountStatus } from '../../shared/model';

const money = (amount: string, currency: string, locale: string) =>
  formatMoney(toMicros(amount), currency, locale);

/** Renders statuses as a few aligned lines per account. */
export function renderStatusText(statuses: AccountStatus[], locale: string): string {
  const lang = resolveLanguage('system', locale);
  const zh = lang === 'zh-CN';
  const lines: string[] = [];
  for (const s of statuses) {
    const head = s.headline
      ? money(s.headline.total, s.headline.currency, lang)
      : s.snapshot?.unlimited
        ? zh
          ? '不限额'
          : 'unlimited'
        : '—';
    lines.push(`${s.account.label}  ${head}  [${tagWord(lang, s)}]`);
    // Every row, zero rows too: JSON shows them, and an empty USD row is itself an answer.
    for (const r of s.snapshot?.rows ?? []) {
      const detail = zh
        ? `  ${r.currency}：合计 ${money(r.total, r.currency, lang)}（赠送 ${money(r.granted, r.currency, lang)}，充值 ${money(r.toppedUp, r.currency, lang)}）`
        : `  ${r.currency}: total ${money(r.total, r.currency, lang)} (granted ${money(r.granted, r.currency, lang)}, topped up ${money(r.toppedUp, r.currency, lang)})`;
      lines.push(detail);
    }
    if (s.snapshot && !s.snapshot.available)
      lines.push(
        zh
          ? '  账户当前无法支付 API 调用（is_available=false）'
          : '  the account cannot pay for API calls right now (is_available=false)',
      );
    if (s.snapshot?.notice) lines.push(`  ${s.snapshot.notice.message}`);
    for (const f of s.snapshot?.facts ?? [])
      lines.push(`  ${f.id}: ${money(f.amount, f.currency, lang)}`);
    lines.push(...insightLines(s, lang));
    if (s.error)
      lines.push(`  ${errorWords(lang, s.error.kind, s.error.status)}: ${s.error.message}`);
    if (s.stale && s.snapshot) {
      const when = new Date(s.snapshot.at).toLocaleString(lang);
      lines.push(
        zh
          ? `  显示的是 ${when} 的余额（本次检查失败）`
          : `  showing the balance from ${when} (this check failed)`,
      );
    }
  }
  return lines.join('\n');
}
