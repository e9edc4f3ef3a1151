import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { HistoryInsights } from '../../../../../shared/analytics';
import type { Forecast } from '../../../../../shared/analytics/forecast';
import { dailyBurn, describeBudget, describeForecast } from '../../../../../renderer/features/dashboard/insights-text';
import { exportFileName } from '../../../../../renderer/features/history/export-file';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 27, 12);
/** A stand-in `t` that shows which key was used with which values. */
const t = ((key: string, vars?: Record<string, unknown>) => (vars ? `${key}${JSON.stringify(vars)}` : key)) as unknown as TFunction;
const rate = (perDayMicros: number) => ({ windowMs: DAY, coveredMs: DAY, spentMicros: perDayMicros, perHourMicros: 0, perDayMicros, perHour: '', perDay: '' });
const insights = (over: Partial<HistoryInsights>): HistoryInsights => ({
  currency: 'CNY',
  burnRate: { hour: null, day: null, week: null },
  forecast: { status: 'collecting-data', coveredMs: 0, neededMs: DAY },
  budget: null,
  recentEvents: [],
  spike: null,
  ...over,
});
const ok = (zero: { reached?: boolean; earliest: number | null; expected: number | null; latest: number | null }): Forecast => ({
  status: 'ok', balanceMicros: 1, balance: '1', asOf: NOW, days: 7, confidence: 'normal',
  perDay: { slowest: { micros: 1, decimal: '' }, expected: { micros: 1, decimal: '' }, fastest: { micros: 1, decimal: '' } },
  targets: [{ name: 'zero', amountMicros: 0, amount: '0', reached: false, ...zero }],
});

describe('card insights in words', () => {
  it('takes the daily rate from the 24-hour window, falls back to the week, else collecting data', () => {
    expect(dailyBurn(insights({ burnRate: { hour: null, day: rate(5_000_000), week: rate(9_000_000) } }))).toEqual({ micros: 5_000_000, fromWeek: false });
    expect(dailyBurn(insights({ burnRate: { hour: null, day: null, week: rate(9_000_000) } }))).toEqual({ micros: 9_000_000, fromWeek: true });
    expect(dailyBurn(insights({}))).toBeNull();
  });

  it('says how many hours of history a forecast still needs', () => {
    const f = describeForecast({ status: 'collecting-data', coveredMs: 6 * 3_600_000, neededMs: DAY }, NOW, 'en', t);
    expect(f).toEqual({ main: 'dashboard.collecting', detail: 'dashboard.collectingHint{"hours":18}' });
  });

  it('gives days left, the expected date and the range of dates', () => {
    const f = describeForecast(ok({ earliest: NOW + 8 * DAY, expected: NOW + 10 * DAY, latest: NOW + 14 * DAY }), NOW, 'en-US', t);
    expect(f.main).toBe('dashboard.daysLeft{"count":10} · dashboard.zeroOn{"date":"Dec 7, 2026"}');
    expect(f.detail).toBe('dashboard.zeroRange{"earliest":"Dec 5, 2026","latest":"Dec 11, 2026"}');
  });

  it('leaves the range open when slow days give no latest date, and says so when zero is already reached', () => {
    expect(describeForecast(ok({ earliest: NOW + DAY, expected: NOW + 2 * DAY, latest: null }), NOW, 'en-US', t).detail).toBe('dashboard.zeroRangeOpen{"earliest":"Nov 28, 2026"}');
    expect(describeForecast(ok({ reached: true, earliest: null, expected: null, latest: null }), NOW, 'en-US', t).main).toBe('dashboard.alreadyZero');
    expect(describeForecast({ status: 'not-spending', balanceMicros: 1, balance: '1', days: 3 }, NOW, 'en-US', t).main).toBe('dashboard.notSpending');
  });

  it('formats the spent-since-top-up budget line in the UI language', () => {
    const b = insights({ budget: { kind: 'since-top-up', baselineMicros: 100_000_000, since: NOW - 3 * DAY, fallback: false, spentMicros: 12_500_000, remainingMicros: 87_500_000, fill: 0.875 } });
    expect(describeBudget(b, 'en-US', t)).toBe('dashboard.budgetSpent{"spent":"CN¥12.50","baseline":"CN¥100.00","date":"Nov 24, 2026"}');
    expect(describeBudget(insights({}), 'en-US', t)).toBeNull();
  });
});

describe('export file name', () => {
  it('is creditray-<label>-<local date>.<format> with the label made safe for file systems', () => {
    const at = new Date(2026, 10, 27, 9);
    expect(exportFileName('Work', at, 'csv')).toBe('creditray-Work-2026-11-27.csv');
    expect(exportFileName('a/b: c*d', at, 'json')).toBe('creditray-a-b-c-d-2026-11-27.json');
    expect(exportFileName('工作', at, 'csv')).toBe('creditray-工作-2026-11-27.csv');
    expect(exportFileName('///', at, 'csv')).toBe('creditray-account-2026-11-27.csv');
  });
});
