import { describe, expect, it } from 'vitest';
import {
  decideForesight,
  nextEpisodes,
  type ForesightEpisodes,
} from '../../../main/core/foresight-policy';
import { notifyAllowed } from '../../../main/core/notification-policy';
import type { Forecast, HistoryInsights, SpikeMeasure } from '../../../shared/analytics';
import { confidentDaysLeft, anyDaysLeft, spikeLevel } from '../../../shared/analytics';
import { formatDays } from '../../../shared/i18n/notifications';
import { DEFAULT_NOTIFY } from '../../../shared/model';
import { testAccount } from '../../fakes/account-fixture';

const DAY = 86_400_000;
const AS_OF = 1_000 * DAY;
const rate = (micros: number) => ({ micros, decimal: String(micros / 1e6) });
function ok(daysLeft: number, confidence: 'low' | 'normal' = 'normal', reached = false): Forecast {
  return {
    status: 'ok',
    balanceMicros: 9_000_000,
    balance: '9',
    asOf: AS_OF,
    days: 7,
    confidence,
    perDay: { slowest: rate(2e6), expected: rate(3e6), fastest: rate(4e6) },
    targets: [
      {
        name: 'zero',
        amountMicros: 0,
        amount: '0',
        reached,
        earliest: null,
        expected: AS_OF + Math.round(daysLeft * DAY),
        latest: null,
      },
    ],
  };
}
const spike = (level: SpikeMeasure['level'], ratio: number | null = 6): SpikeMeasure => ({
  recentSpentMicros: 6_000_000,
  recentPerHourMicros: 6_000_000,
  usualPerHourMicros: ratio === null ? 0 : 1_000_000,
  ratio,
  level,
});
const insights = (forecast: Forecast, s: SpikeMeasure | null = null): HistoryInsights => ({
  currency: 'CNY',
  burnRate: { hour: null, day: null, week: null },
  forecast,
  budget: null,
  recentEvents: [],
  spike: s,
});
const OFF: ForesightEpisodes = { runOut: false, spike: false };
const ON: ForesightEpisodes = { runOut: true, spike: true };
const collecting: Forecast = { status: 'collecting-data', coveredMs: 0, neededMs: DAY };

describe('foresight episodes', () => {
  it('starts a run-out episode at exactly N days left and not a millisecond before', () => {
    expect(nextEpisodes(OFF, insights(ok(3)), 3).runOut).toBe(true);
    expect(nextEpisodes(OFF, insights(ok(3 + 1 / DAY)), 3).runOut).toBe(false);
  });
  it('ends a run-out episode only above 1.5 x N days (hysteresis), and when spending stops', () => {
    expect(nextEpisodes(ON, insights(ok(4.5)), 3).runOut).toBe(true);
    expect(nextEpisodes(ON, insights(ok(4.5 + 1 / DAY)), 3).runOut).toBe(false);
    const still: Forecast = {
      status: 'not-spending',
      balanceMicros: 1,
      balance: '0.000001',
      days: 3,
    };
    expect(nextEpisodes(ON, insights(still), 3).runOut).toBe(false);
  });
  it('keeps the episode as it was when the forecast is not confident or still collecting data', () => {
    expect(nextEpisodes(OFF, insights(ok(1, 'low')), 3).runOut).toBe(false);
    expect(nextEpisodes(ON, insights(ok(10, 'low')), 3).runOut).toBe(true);
    expect(nextEpisodes(ON, insights(collecting), 3).runOut).toBe(true);
    expect(nextEpisodes(ON, null, 3)).toEqual(ON);
    expect(nextEpisodes(null, null, 3)).toEqual(OFF);
  });
  it('spike episodes start on a spike, end when calm, and hold while elevated or unknown', () => {
    expect(nextEpisodes(OFF, insights(collecting, spike('spike')), 3).spike).toBe(true);
    expect(nextEpisodes(OFF, insights(collecting, spike('elevated')), 3).spike).toBe(false);
    expect(nextEpisodes(ON, insights(collecting, spike('elevated')), 3).spike).toBe(true);
    expect(nextEpisodes(ON, insights(collecting, spike('calm')), 3).spike).toBe(false);
    expect(nextEpisodes(ON, insights(collecting, null), 3).spike).toBe(true);
  });
});

describe('spike level boundaries', () => {
  it('needs both one whole unit in the hour and 5x the usual rate', () => {
    expect(spikeLevel(1_000_000, 5)).toBe('spike');
    expect(spikeLevel(999_999, 5)).toBe('elevated');
    expect(spikeLevel(1_000_000, 4.999)).toBe('elevated');
    expect(spikeLevel(1_000_000, null)).toBe('spike');
  });
  it('stays elevated down to 2.5x with some spend, calm below or with none', () => {
    expect(spikeLevel(1, 2.5)).toBe('elevated');
    expect(spikeLevel(1, 2.499)).toBe('calm');
    expect(spikeLevel(0, 10)).toBe('calm');
    expect(spikeLevel(1, null)).toBe('elevated');
    expect(spikeLevel(0, null)).toBe('calm');
  });
});

describe('days left', () => {
  it('only a confident forecast that has not reached zero gives confident days', () => {
    expect(confidentDaysLeft(ok(2.5))).toBe(2.5);
    expect(confidentDaysLeft(ok(2.5, 'low'))).toBeNull();
    expect(confidentDaysLeft(ok(0, 'normal', true))).toBeNull();
    expect(confidentDaysLeft(collecting)).toBeNull();
    expect(confidentDaysLeft(null)).toBeNull();
    const noExpected = ok(1);
    (noExpected as { targets: { expected: number | null }[] }).targets[0]!.expected = null;
    expect(confidentDaysLeft(noExpected)).toBeNull();
    expect(anyDaysLeft(noExpected)).toBeNull();
    expect(confidentDaysLeft({ ...ok(1), targets: [] } as Forecast)).toBeNull();
  });
  it('display days come from any forecast, zero once reached', () => {
    expect(anyDaysLeft(ok(2.5, 'low'))).toBe(2.5);
    expect(anyDaysLeft(ok(2.5, 'low', true))).toBe(0);
    expect(anyDaysLeft(collecting)).toBeNull();
    expect(anyDaysLeft(undefined)).toBeNull();
    expect(anyDaysLeft({ ...ok(1), targets: [] } as Forecast)).toBeNull();
  });
  it('formats days with one decimal rounded down, in both languages', () => {
    expect(formatDays(2.99, 'en')).toBe('2.9 days');
    expect(formatDays(1.04, 'en')).toBe('1 day');
    expect(formatDays(0.99, 'en')).toBe('less than a day');
    expect(formatDays(12, 'zh-CN')).toBe('12 天');
    expect(formatDays(1, 'zh-CN')).toBe('1 天');
    expect(formatDays(0.5, 'zh-CN')).toBe('不到 1 天');
  });
});

describe('decideForesight', () => {
  const base = {
    account: testAccount(),
    headline: { currency: 'CNY', total: '9.00' },
    lastSent: {},
    now: AS_OF,
    cooldownMs: 3_600_000,
    lang: 'en' as const,
  };
  const both = insights(ok(2.5), spike('spike', 7.9));
  it('notifies each episode that just started, with days, rate, spend and the multiple', () => {
    const out = decideForesight({ ...base, previous: OFF, next: ON, insights: both });
    expect(out.map((n) => n.kind)).toEqual(['runs-out', 'spike']);
    expect(out[0]).toMatchObject({ accountId: 'a1', title: 'Runs out in 2.5 days: Work' });
    expect(out[0]!.body).toBe(
      'At its current rate of CN¥3.00 a day, Work (CN¥9.00 left) runs out in about 2.5 days. Top up in time.',
    );
    expect(out[1]!.body).toBe(
      'Work spent CN¥6.00 in the last hour, 7× its usual CN¥1.00 an hour. A runaway loop or a leaked key? Check the usage page.',
    );
  });
  it('says "usually spends nothing" when there is no usual rate, in Chinese too', () => {
    const i = insights(collecting, spike('spike', null));
    const [en] = decideForesight({
      ...base,
      previous: OFF,
      next: { runOut: false, spike: true },
      insights: i,
    });
    expect(en!.body).toContain('it usually spends nothing');
    const [zh] = decideForesight({
      ...base,
      lang: 'zh-CN',
      previous: OFF,
      next: { runOut: false, spike: true },
      insights: i,
    });
    expect(zh!.title).toBe('消费激增：Work');
    expect(zh!.body).toContain('平时几乎不消费');
  });
  it('says the balance is unknown when no headline could be read', () => {
    const [n] = decideForesight({
      ...base,
      headline: null,
      previous: OFF,
      next: { runOut: true, spike: false },
      insights: both,
    });
    expect(n!.body).toBe(
      'At its current rate of CN¥3.00 a day, Work (unknown left) runs out in about 2.5 days. Top up in time.',
    );
  });
  it('is silent on the first reading, while an episode lasts, and without insights', () => {
    expect(decideForesight({ ...base, previous: null, next: ON, insights: both })).toEqual([]);
    expect(decideForesight({ ...base, previous: ON, next: ON, insights: both })).toEqual([]);
    expect(decideForesight({ ...base, previous: OFF, next: ON, insights: null })).toEqual([]);
    expect(decideForesight({ ...base, previous: ON, next: OFF, insights: both })).toEqual([]);
  });
  it('passes the same switch and cooldown gate as threshold alerts', () => {
    const account = testAccount({ notify: { ...DEFAULT_NOTIFY, spike: false } });
    expect(
      decideForesight({ ...base, account, previous: OFF, next: ON, insights: both }).map(
        (n) => n.kind,
      ),
    ).toEqual(['runs-out']);
    const lastSent = { 'runs-out': AS_OF - 3_600_000 + 1 };
    expect(
      decideForesight({ ...base, lastSent, previous: OFF, next: ON, insights: both }).map(
        (n) => n.kind,
      ),
    ).toEqual(['spike']);
    expect(
      notifyAllowed(testAccount(), 'spike', { spike: AS_OF - 3_600_000 }, AS_OF, 3_600_000),
    ).toBe(true);
  });
});
