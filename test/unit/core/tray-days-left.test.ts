import { describe, expect, it } from 'vitest';
import { buildTrayModel } from '../../../main/core/tray-model';
import type { Forecast, HistoryInsights } from '../../../shared/analytics';
import { DEFAULT_SETTINGS, type AccountStatus, type Level } from '../../../shared/model';
import { testAccount } from '../../fakes/account-fixture';

const DAY = 86_400_000;
const forecastIn = (days: number, reached = false): Forecast => ({
  status: 'ok',
  balanceMicros: 1,
  balance: '1',
  asOf: 0,
  days: 7,
  confidence: 'normal',
  perDay: {
    slowest: { micros: 1, decimal: '1' },
    expected: { micros: 1, decimal: '1' },
    fastest: { micros: 1, decimal: '1' },
  },
  targets: [
    {
      name: 'zero',
      amountMicros: 0,
      amount: '0',
      reached,
      earliest: 0,
      expected: reached ? 0 : days * DAY,
      latest: 0,
    },
  ],
});
const status = (
  id: string,
  level: Level,
  forecast: Forecast | null,
  stale = false,
): AccountStatus => ({
  account: testAccount({ id, label: id }),
  level,
  snapshot: null,
  headline: { currency: 'CNY', total: '10.00' },
  error: null,
  stale,
  checkedAt: 1,
  nextCheckAt: 2,
  gaugeFill: null,
  insights: forecast
    ? ({
        currency: 'CNY',
        burnRate: { hour: null, day: null, week: null },
        forecast,
        budget: null,
        recentEvents: [],
        spike: null,
      } as HistoryInsights)
    : null,
});
const model = (accounts: AccountStatus[], language: 'en' | 'zh-CN' = 'en') =>
  buildTrayModel({
    accounts,
    settings: { ...DEFAULT_SETTINGS, language },
    systemLocale: 'en-US',
    notices: [],
  });

describe('tray days left', () => {
  it('shows days left for the worst account only, in tooltip and menu', () => {
    const m = model([
      status('Calm', 'healthy', forecastIn(40)),
      status('Hot', 'low', forecastIn(2.5)),
    ]);
    expect(m.tooltip).toBe('Calm: CN¥10.00 — OK\nHot: CN¥10.00 — low · 2.5 days left at this rate');
    expect(m.menu[1]).toMatchObject({ label: 'Hot: CN¥10.00 — low · 2.5 days left at this rate' });
    expect(m.menu[0]).toMatchObject({ label: 'Calm: CN¥10.00 — OK' });
  });
  it('says it in Chinese, and says nothing without a forecast, once at zero, or from a stale reading', () => {
    expect(model([status('A', 'low', forecastIn(2.5))], 'zh-CN').tooltip).toBe(
      'A：¥10.00 — 余额偏低 · 按当前速度约 2.5 天后用完',
    );
    expect(model([status('A', 'low', null)]).tooltip).toBe('A: CN¥10.00 — low');
    expect(model([status('A', 'depleted', forecastIn(0, true))]).tooltip).toBe(
      'A: CN¥10.00 — out of credit',
    );
    expect(model([status('A', 'stale', forecastIn(2), true)]).tooltip).toBe('A: CN¥10.00 — stale');
  });
});
