/**
 * What every cause rule reads (shared/diagnosis/context.ts): relative times at the minute,
 * hour and day edges, the critical level per currency, the balance text, which provider the
 * pasted text is about, and freshness.
 */
import { describe, expect, it } from 'vitest';
import { balanceText, buildContext, fundedRows } from '../../../../shared/diagnosis/context';
import { cny, DAY, HOUR, input, MIN, NOW, PASTE, row, snap, status } from './fixtures/build';

const ctxOf = (...args: Parameters<typeof input>) => buildContext(input(...args), 'en');
const funded = () => status(cny(NOW - 5 * MIN, '0.00', '80.00'));

describe('relative times', () => {
  const ago = (ms: number, lang: 'en' | 'zh-CN' = 'en') =>
    buildContext(input(funded()), lang).ago(NOW - ms);

  it('in minutes below an hour, in hours below two days, then in days', () => {
    expect(ago(0)).toBe('this minute');
    expect(ago(MIN)).toBe('1 minute ago');
    expect(ago(59 * MIN)).toBe('59 minutes ago');
    expect(ago(59 * MIN + 31_000)).toBe('1 hour ago');
    expect(ago(60 * MIN)).toBe('1 hour ago');
    expect(ago(47 * HOUR)).toBe('47 hours ago');
    expect(ago(48 * HOUR)).toBe('2 days ago');
    expect(ago(10 * DAY)).toBe('10 days ago');
    expect(buildContext(input(funded()), 'en').ago(NOW + 2 * HOUR)).toBe('in 2 hours');
    expect(ago(91 * MIN)).toBe('2 hours ago');
  });

  it('in the user’s language, and times in the given zone', () => {
    expect(ago(3 * MIN, 'zh-CN')).toBe('3分钟前');
    const c = buildContext(input(funded(), { timeZone: 'Asia/Shanghai' }), 'en');
    expect(c.time(NOW)).toBe('Nov 27, 2026, 2:00 PM');
    expect(ctxOf(funded()).time(NOW)).toBe('Nov 27, 2026, 6:00 AM');
  });
});

describe('critical levels', () => {
  it('the account’s own level for its headline currency, the defaults for the others', () => {
    const own = status(snap(NOW, [row('CNY', '0', '10'), row('USD', '0', '1')]), {
      config: { thresholds: { low: '50', critical: '30' } },
    });
    const c = ctxOf(own);
    expect(c.headlineCurrency).toBe('CNY');
    expect(c.critical('CNY')).toBe(30_000_000);
    expect(c.critical('USD')).toBe(1_000_000);
    expect(c.critical('EUR')).toBe(0);
    const def = ctxOf(funded());
    expect(def.critical('CNY')).toBe(5_000_000);
  });

  it('an unreadable own level counts as zero', () => {
    const c = ctxOf(
      status(cny(NOW, '0', '1'), { config: { thresholds: { low: 'x', critical: 'y' } } }),
    );
    expect(c.critical('CNY')).toBe(0);
  });

  it('the headline currency: the status’s own, else picked from the rows, else CNY', () => {
    const usdOnly = status(snap(NOW, [row('USD', '0', '2')]), { headline: 'USD' });
    expect(ctxOf(usdOnly).headlineCurrency).toBe('USD');
    // The status's headline wins even where the rows alone would pick the richer CNY.
    const chosen = status(snap(NOW, [row('CNY', '0', '50'), row('USD', '0', '2')]), {
      headline: 'USD',
    });
    expect(ctxOf(chosen).headlineCurrency).toBe('USD');
    const picked = status(snap(NOW, [row('CNY', '0', '0'), row('USD', '0', '2')]));
    expect(ctxOf(picked).headlineCurrency).toBe('USD');
    expect(ctxOf(status(null, { checkedAt: NOW })).headlineCurrency).toBe('CNY');
    const pref = status(null, { checkedAt: NOW, config: { headlineCurrency: 'USD' } });
    expect(ctxOf(pref).headlineCurrency).toBe('USD');
  });
});

describe('balance text and funded rows', () => {
  it('lists funded rows richest first, joined with +', () => {
    const s = snap(NOW, [row('USD', '0', '3'), row('CNY', '0', '12'), row('EUR', '0', '0')]);
    expect(fundedRows(s)).toEqual([
      { currency: 'CNY', micros: 12_000_000 },
      { currency: 'USD', micros: 3_000_000 },
    ]);
    expect(fundedRows(null)).toEqual([]);
    expect(balanceText(ctxOf(status(s)))).toBe('CN¥12.00 + $3.00');
  });

  it('with nothing funded: the headline currency’s row, else the first row, else zero', () => {
    const both = status(snap(NOW, [row('USD', '0', '0'), row('CNY', '0', '-1')]));
    expect(balanceText(ctxOf(both))).toBe('-CN¥1.00');
    const usd = status(snap(NOW, [row('USD', '0', '-2')]));
    const c = ctxOf(usd);
    expect(balanceText(c)).toBe('-$2.00');
    expect(balanceText(ctxOf(funded()), null)).toBe('CN¥0.00');
    expect(balanceText(ctxOf(funded()), snap(NOW, []))).toBe('CN¥0.00');
    // Another reading without the headline currency: its own first row, not a made-up ¥0.
    expect(balanceText(ctxOf(funded()), snap(NOW, [row('USD', '0', '-2')]))).toBe('-$2.00');
  });
});

describe('what the context knows about the reading and the paste', () => {
  it('fresh only with a reading that is not stale; empty only with a reading and no money', () => {
    expect(ctxOf(funded())).toMatchObject({ fresh: true, empty: false });
    expect(ctxOf(status(cny(NOW, '0', '80'), { stale: true }))).toMatchObject({
      fresh: false,
      empty: false,
    });
    expect(ctxOf(status(cny(NOW, '0', '0')))).toMatchObject({ fresh: true, empty: true });
    expect(ctxOf(status(null, { checkedAt: NOW }))).toMatchObject({
      fresh: false,
      empty: false,
      snap: null,
    });
  });

  it('reads a paste only when it has text, and names the provider whose pages steps open', () => {
    expect(ctxOf(funded(), { pastedError: '  \n ' }).pasted).toBeNull();
    const own = ctxOf(funded(), { pastedError: PASTE.py402 });
    expect(own).toMatchObject({
      foreignProvider: null,
      pastedLinkProvider: 'deepseek',
      providerName: 'DeepSeek',
    });
    expect(own.pasted?.status).toBe(402);
    const moon = ctxOf(funded(), {
      pastedError: '429 Your account org-1 <ak-2> is suspended due to insufficient balance',
    });
    expect(moon).toMatchObject({
      foreignProvider: 'moonshot',
      pastedLinkProvider: 'moonshot',
      providerName: 'Moonshot (Kimi)',
    });
    const nobody = ctxOf(status(cny(NOW, '0', '1'), { config: { provider: 'openrouter' } }), {
      pastedError: 'something failed',
    });
    expect(nobody).toMatchObject({ foreignProvider: null, pastedLinkProvider: 'openrouter' });
    const alone = ctxOf(funded(), { pastedError: PASTE.py402, pastedOnly: true });
    expect(alone).toMatchObject({ pastedOnly: true, foreignProvider: 'deepseek' });
    const unknown = ctxOf(funded(), {
      pastedError: 'HTTP 429 too many requests',
      pastedOnly: true,
    });
    expect(unknown).toMatchObject({ pastedLinkProvider: null, providerName: 'the provider' });
  });

  it('keeps gift expiries of the last 30 days and the poll error', () => {
    const h = [cny(NOW - 3 * DAY, '10.00', '0.00'), cny(NOW - 2 * DAY, '0.00', '0.00')];
    const c = ctxOf(status(h[1]!, { error: null }), { history: h });
    expect(c.giftDrops).toHaveLength(1);
    expect(c.giftDrops[0]).toMatchObject({
      at: NOW - 2 * DAY,
      currency: 'CNY',
      droppedMicros: 10_000_000,
      grantedBefore: 10_000_000,
      grantedAfter: 0,
    });
    expect(c.histories.map((x) => x.currency)).toEqual(['CNY']);
    expect(c.pollError).toBeNull();
  });
});
