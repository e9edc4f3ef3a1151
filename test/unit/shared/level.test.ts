import { describe, expect, it } from 'vitest';
import { computeLevel, hysteresisMargin, thresholdsFor } from '../../../shared/level';
import { type Level, type ProviderError, type Snapshot } from '../../../shared/model';
import { testAccount } from '../../fakes/account-fixture';

const account = testAccount;
const snap = (total: string, available = true, currency = 'CNY'): Snapshot => ({
  at: 0,
  available,
  rows: [{ currency, total, granted: '0', toppedUp: total }],
});
const error = (kind: ProviderError['kind']): ProviderError => ({
  kind,
  status: null,
  message: kind,
  retryAfterMs: null,
  at: 0,
});
const level = (
  s: Snapshot | null,
  e: ProviderError | null = null,
  previous: Level | null = null,
  a = account(),
): Level => computeLevel({ snapshot: s, error: e, account: a, previous });

describe('thresholdsFor', () => {
  it("uses the account's own thresholds, else the currency defaults, else CNY's", () => {
    const own = { low: '100', critical: '10' };
    expect(thresholdsFor(account({ thresholds: own }), 'USD')).toBe(own);
    expect(thresholdsFor(account(), 'USD')).toEqual({ low: '3', critical: '1' });
    expect(thresholdsFor(account(), 'EUR')).toEqual({ low: '20', critical: '5' });
  });
});

describe('computeLevel', () => {
  it('classifies a reading against the CNY defaults (low 20, critical 5)', () => {
    expect(level(snap('100'))).toBe('healthy');
    expect(level(snap('20.00'))).toBe('healthy');
    expect(level(snap('19.99'))).toBe('low');
    expect(level(snap('4.99'))).toBe('critical');
    expect(level(snap('0.00'))).toBe('depleted');
    expect(level(snap('-0.50'))).toBe('depleted');
  });

  it('uses the USD defaults when the headline is USD', () => {
    expect(level(snap('2.50', true, 'USD'))).toBe('low');
  });

  it('says unavailable when is_available is false, even with money', () => {
    expect(level(snap('500', false))).toBe('unavailable');
  });

  it('says error for auth, keychain and config failures even with a good reading', () => {
    for (const kind of ['auth', 'keychain', 'config'] as const)
      expect(level(snap('100'), error(kind))).toBe('error');
  });

  it('says stale for a transient failure after a good reading, error without one', () => {
    for (const kind of ['network', 'timeout', 'server', 'rate-limit', 'bad-response'] as const) {
      expect(level(snap('100'), error(kind))).toBe('stale');
      expect(level(null, error(kind))).toBe('error');
    }
  });

  it('moves down at once but needs a 5% margin to move up out of low', () => {
    expect(level(snap('19.99'), null, 'healthy')).toBe('low');
    expect(level(snap('20.50'), null, 'low')).toBe('low');
    expect(level(snap('20.99'), null, 'low')).toBe('low');
    expect(level(snap('21.00'), null, 'low')).toBe('healthy');
  });

  it('needs the margin to leave critical, then the low margin to reach healthy', () => {
    expect(level(snap('5.20'), null, 'critical')).toBe('critical');
    expect(level(snap('5.25'), null, 'critical')).toBe('low');
    expect(level(snap('20.50'), null, 'critical')).toBe('low');
    expect(level(snap('25'), null, 'critical')).toBe('healthy');
  });

  it('stops a balance oscillating around the low threshold from flapping', () => {
    let previous: Level | null = 'healthy';
    const seen: Level[] = [];
    for (let i = 0; i < 50; i++) {
      const next = level(snap(i % 2 === 0 ? '19.90' : '20.10'), null, previous);
      if (next !== previous) seen.push(next);
      previous = next;
    }
    expect(seen).toEqual(['low']);
  });

  it('keeps a floor of 0.01 on the margin for tiny thresholds', () => {
    expect(hysteresisMargin(0)).toBe(10_000);
    expect(hysteresisMargin(20_000_000)).toBe(1_000_000);
  });
});
