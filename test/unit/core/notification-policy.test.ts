import { describe, expect, it } from 'vitest';
import {
  decideNotifications,
  transitionKind,
  type NotificationInput,
} from '../../../main/core/notification-policy';
import { DEFAULT_NOTIFY, type AccountConfig, type ProviderError } from '../../../shared/model';
import { testAccount } from '../../fakes/account-fixture';

const account: AccountConfig = testAccount({ label: 'Work key' });
const authError: ProviderError = {
  kind: 'auth',
  status: 401,
  message: 'Authentication Fails',
  retryAfterMs: null,
  at: 0,
};
const keychainError: ProviderError = { ...authError, kind: 'keychain', status: null };
const HOUR = 3600_000;

const decide = (over: Partial<NotificationInput>) => decideNotifications({ ...base(), ...over });
const kinds = (over: Partial<NotificationInput>) => decide(over).map((n) => n.kind);

describe('decideNotifications', () => {
  it('notifies a downward crossing into low, critical and depleted', () => {
    expect(kinds({ previous: 'healthy', next: 'low' })).toEqual(['low']);
    expect(kinds({ previous: 'low', next: 'critical' })).toEqual(['critical']);
    expect(kinds({ previous: 'healthy', next: 'depleted' })).toEqual(['depleted']);
  });

  it('stays silent when the level is unchanged', () => {
    for (const l of ['healthy', 'low', 'critical', 'depleted', 'unavailable'] as const)
      expect(kinds({ previous: l, next: l })).toEqual([]);
    expect(
      kinds({ previous: 'error', previousError: authError, next: 'error', error: authError }),
    ).toEqual([]);
  });

  it('notifies becoming unavailable and an auth failure', () => {
    expect(kinds({ previous: 'healthy', next: 'unavailable' })).toEqual(['unavailable']);
    expect(kinds({ previous: 'low', next: 'error', error: authError })).toEqual(['auth']);
  });

  it('notifies recovery from depleted, unavailable, critical and auth errors to healthy or low', () => {
    expect(kinds({ previous: 'depleted', next: 'healthy' })).toEqual(['recovered']);
    expect(kinds({ previous: 'unavailable', next: 'low' })).toEqual(['recovered']);
    expect(kinds({ previous: 'critical', next: 'low' })).toEqual(['recovered']);
    expect(kinds({ previous: 'error', previousError: authError, next: 'healthy' })).toEqual([
      'recovered',
    ]);
  });

  it('does not call low -> healthy or a keychain error ending a recovery', () => {
    expect(kinds({ previous: 'low', next: 'healthy' })).toEqual([]);
    expect(kinds({ previous: 'error', previousError: keychainError, next: 'healthy' })).toEqual([]);
    expect(kinds({ previous: 'healthy', next: 'error', error: keychainError })).toEqual([]);
  });

  it('never notifies stale (a transient failure)', () => {
    expect(kinds({ previous: 'low', next: 'stale' })).toEqual([]);
  });

  it('never notifies the first result after launch, even a bad one', () => {
    for (const next of ['low', 'critical', 'depleted', 'unavailable'] as const)
      expect(kinds({ previous: null, next, isFirstResult: true })).toEqual([]);
    expect(kinds({ previous: null, next: 'error', error: authError, isFirstResult: true })).toEqual(
      [],
    );
    expect(kinds({ previous: 'healthy', next: 'depleted', isFirstResult: true })).toEqual([]);
  });

  it('does not repeat a kind for the same account within the cooldown', () => {
    const now = 10 * HOUR;
    expect(
      kinds({ previous: 'healthy', next: 'low', lastSent: { low: now - HOUR / 2 }, now }),
    ).toEqual([]);
    expect(kinds({ previous: 'healthy', next: 'low', lastSent: { low: now - HOUR }, now })).toEqual(
      ['low'],
    );
    expect(
      kinds({ previous: 'healthy', next: 'low', lastSent: { critical: now - 1 }, now }),
    ).toEqual(['low']);
  });

  it('respects each kind being switched off for the account', () => {
    const quiet = { ...account, notify: { ...DEFAULT_NOTIFY, low: false, recovered: false } };
    expect(kinds({ account: quiet, previous: 'healthy', next: 'low' })).toEqual([]);
    expect(kinds({ account: quiet, previous: 'depleted', next: 'healthy' })).toEqual([]);
    expect(kinds({ account: quiet, previous: 'low', next: 'critical' })).toEqual(['critical']);
  });

  it('names the account and the balance, in English and Chinese', () => {
    const [en] = decide({ previous: 'healthy', next: 'low' });
    expect(en).toMatchObject({ accountId: 'a1', kind: 'low' });
    expect(en?.title).toContain('Work key');
    expect(en?.body).toContain('12.50');
    expect(en?.body).toContain('20.00');
    const [zh] = decide({ previous: 'healthy', next: 'low', lang: 'zh-CN' });
    expect(zh?.title).toBe('余额偏低：Work key');
    expect(zh?.body).toContain('12.50');
  });

  it('shows only the masked key in an auth notification', () => {
    const [n] = decide({ previous: 'healthy', next: 'error', error: authError, headline: null });
    expect(n?.body).toContain('sk-…a1b2');
    expect(n?.body).toContain('DeepSeek');
  });

  it('quotes the critical threshold in a critical alert and the low one in a low alert', () => {
    const [critical] = decide({
      previous: 'low',
      next: 'critical',
      headline: { currency: 'CNY', total: '4.20' },
    });
    expect(critical?.body).toContain('5.00');
    expect(critical?.body).not.toContain('20.00');
    const [low] = decide({ previous: 'healthy', next: 'low' });
    expect(low?.body).toContain('20.00');
    const own = { ...account, thresholds: { low: '50', critical: '8' } };
    expect(decide({ account: own, previous: 'low', next: 'critical' })[0]?.body).toContain('8.00');
    const [usd] = decide({
      previous: 'low',
      next: 'critical',
      headline: { currency: 'USD', total: '0.50' },
    });
    expect(usd?.body).toContain('1.00');
  });

  it('tells the balance news when the account was unavailable or refused the key before', () => {
    expect(kinds({ previous: 'unavailable', next: 'critical' })).toEqual(['critical']);
    expect(kinds({ previous: 'unavailable', next: 'depleted' })).toEqual(['depleted']);
    expect(kinds({ previous: 'error', previousError: keychainError, next: 'critical' })).toEqual([
      'critical',
    ]);
    // From an auth error, a key that works again is first of all a recovery.
    expect(kinds({ previous: 'error', previousError: authError, next: 'low' })).toEqual([
      'recovered',
    ]);
    expect(kinds({ previous: 'error', previousError: authError, next: 'depleted' })).toEqual([
      'depleted',
    ]);
  });

  it('stays quiet moving up within the money levels, and says nothing of the same level twice', () => {
    expect(kinds({ previous: 'depleted', next: 'critical' })).toEqual([]);
    expect(kinds({ previous: 'critical', next: 'critical' })).toEqual([]);
    expect(kinds({ previous: 'unavailable', next: 'unavailable' })).toEqual([]);
    expect(kinds({ previous: 'low', next: 'unavailable' })).toEqual(['unavailable']);
  });

  it('has nothing to compare with before the first settled level, even when not the first result', () => {
    for (const next of ['low', 'critical', 'depleted', 'unavailable', 'healthy'] as const)
      expect(transitionKind({ ...base(), previous: null, next })).toBeNull();
  });

  it('never notifies stale, whatever error it carries', () => {
    expect(kinds({ previous: 'low', next: 'stale', error: authError })).toEqual([]);
    expect(kinds({ previous: 'depleted', next: 'stale' })).toEqual([]);
  });

  it('does not take an error level without its error for an auth failure', () => {
    expect(kinds({ previous: 'error', previousError: undefined, next: 'healthy' })).toEqual([]);
    expect(kinds({ previous: 'error', previousError: null, next: 'healthy' })).toEqual([]);
    expect(kinds({ previous: 'healthy', next: 'error', error: null })).toEqual([]);
  });

  it('lets a kind through again exactly when the cooldown has passed, and right away with no cooldown', () => {
    const now = 10 * HOUR;
    expect(
      kinds({ previous: 'healthy', next: 'low', lastSent: { low: now - HOUR + 1 }, now }),
    ).toEqual([]);
    expect(
      kinds({ previous: 'healthy', next: 'low', lastSent: { low: now }, now, cooldownMs: 0 }),
    ).toEqual(['low']);
  });
});

function base(): NotificationInput {
  return {
    account,
    previous: 'healthy',
    next: 'healthy',
    error: null,
    lastSent: {},
    now: 10 * HOUR,
    cooldownMs: HOUR,
    isFirstResult: false,
    lang: 'en',
    headline: { currency: 'CNY', total: '12.50' },
  };
}
