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

  it('applies the critical margin only when coming from critical: 5.10 from low stays low', () => {
    expect(level(snap('5.10'), null, 'low')).toBe('low');
    expect(level(snap('5.10'), null, 'healthy')).toBe('low');
    expect(level(snap('5.10'), null, 'critical')).toBe('critical');
    expect(level(snap('4.99'), null, 'low')).toBe('critical');
  });

  it('sits exactly on each threshold the way the rules say (below is strict)', () => {
    expect(level(snap('5.00'))).toBe('low');
    expect(level(snap('4.999999'))).toBe('critical');
    expect(level(snap('0.000001'))).toBe('critical');
    expect(level(snap('0.000000'))).toBe('depleted');
    // Leaving low from below needs the whole margin: 21.00 is 20 + 5 %, 20.999999 is not.
    expect(level(snap('20.999999'), null, 'low')).toBe('low');
  });

  it('says stale for an account never polled (no reading and no error yet)', () => {
    expect(level(null)).toBe('stale');
    expect(level(null, null, 'healthy')).toBe('stale');
  });

  it('treats an account with no balance rows as empty (depleted), in its preferred currency', () => {
    expect(level({ at: 0, available: true, rows: [] })).toBe('depleted');
  });

  it('keeps an unlimited key healthy whatever its rows say; only errors can fail it', () => {
    const unlimited: Snapshot = { at: 0, available: true, rows: [], unlimited: true };
    expect(level(unlimited)).toBe('healthy');
    expect(level(unlimited, null, 'critical')).toBe('healthy');
    expect(level({ ...unlimited, available: false })).toBe('unavailable');
    expect(level(unlimited, error('auth'))).toBe('error');
  });

  it('judges a USD headline by the USD thresholds, and a funded CNY row by CNY ones', () => {
    const both: Snapshot = {
      at: 0,
      available: true,
      rows: [
        { currency: 'USD', total: '0.00', granted: '0', toppedUp: '0' },
        { currency: 'CNY', total: '19.00', granted: '0', toppedUp: '19.00' },
      ],
    };
    expect(level(both)).toBe('low');
    expect(level(both, null, null, account({ headlineCurrency: 'USD' }))).toBe('depleted');
    expect(level(snap('0.99', true, 'USD'))).toBe('critical');
    expect(level(snap('3.00', true, 'USD'))).toBe('healthy');
  });

  it('keeps a floor of 0.01 on the margin for tiny thresholds', () => {
    expect(hysteresisMargin(0)).toBe(10_000);
    expect(hysteresisMargin(20_000_000)).toBe(1_000_000);
  });
});
