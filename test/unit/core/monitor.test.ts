import { describe, expect, it } from 'vitest';
import { createMonitor } from '../../../main/core/monitor';
import type { Logger, NotificationRequest, SecretStore } from '../../../main/core/ports';
import {
  DEFAULT_NOTIFY,
  DEFAULT_SETTINGS,
  type AccountConfig,
  type AppSettings,
} from '../../../shared/model';
import { err, ok, type Result } from '../../../shared/result';
import { FakeClock } from '../../fakes/fake-clock';
import { MemoryHistory } from '../../fakes/memory-history';
import {
  providerError,
  scriptedProvider,
  snapshotOf,
  type Answer,
} from '../../fakes/scripted-provider';
import { testAccount } from '../../fakes/account-fixture';

const MIN = 60_000;
const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };

const account = (id: string, over: Partial<AccountConfig> = {}): AccountConfig =>
  testAccount({ id, label: `Key ${id}`, ...over });

class MemorySecrets implements SecretStore {
  keys = new Map<string, string>();
  locked = false;
  reads = 0;
  async get(
    id: string,
  ): Promise<Result<string | null, { code: 'keychain-locked'; message: string }>> {
    this.reads++;
    if (this.locked) return err({ code: 'keychain-locked', message: 'the keychain is locked' });
    return ok(this.keys.get(id) ?? null);
  }
  async set(id: string, secret: string) {
    this.keys.set(id, secret);
    return ok(undefined);
  }
  async delete(id: string) {
    return ok(this.keys.delete(id));
  }
}

function setup(
  answer: Answer,
  opts: { settings?: Partial<AppSettings>; accounts?: AccountConfig[]; locale?: string } = {},
) {
  const clock = new FakeClock();
  const provider = scriptedProvider(answer);
  const secrets = new MemorySecrets();
  const history = new MemoryHistory();
  const sent: NotificationRequest[] = [];
  const monitor = createMonitor({
    clock,
    providers: { deepseek: provider },
    secrets,
    history,
    notifier: { show: (n) => sent.push(n) },
    logger: silent,
    random: () => 0.5,
  });
  const accounts = opts.accounts ?? [account('a')];
  for (const a of accounts) secrets.keys.set(a.id, `sk-${a.id}-0123456789abcdef0123456789ab`);
  const settings = { ...DEFAULT_SETTINGS, ...opts.settings };
  const start = () => monitor.setAccounts(accounts, settings, opts.locale ?? 'en-US');
  return {
    clock,
    provider,
    secrets,
    history,
    sent,
    monitor,
    start,
    kinds: () => sent.map((n) => n.kind),
  };
}

/** Balances (strings) or errors, in order; the last entry repeats. */
function script(...steps: (string | ReturnType<typeof providerError>)[]): Answer {
  return (n) => {
    const step = steps[Math.min(n, steps.length - 1)] as string | ReturnType<typeof providerError>;
    // Readings a minute apart from the fake clock's start: two readings at one instant count as one.
    return typeof step === 'string'
      ? ok(snapshotOf(step, { at: Date.UTC(2026, 0, 1) + n * 60_000 }))
      : err(step);
  };
}

describe('monitor', () => {
  it('keeps the last good balance and marks it stale when a poll fails', async () => {
    const t = setup(script('100.00', providerError('server', { status: 503 }), '90.00'));
    t.start();
    await t.clock.advance(1);
    expect(t.monitor.status('a')).toMatchObject({
      level: 'healthy',
      stale: false,
      error: null,
      headline: { currency: 'CNY', total: '100.00' },
    });
    await t.monitor.refresh('a');
    const failed = t.monitor.status('a');
    expect(failed).toMatchObject({
      level: 'stale',
      stale: true,
      headline: { total: '100.00' },
      error: { kind: 'server' },
    });
    expect(failed?.snapshot?.rows[0]?.total).toBe('100.00');
    await t.monitor.refresh('a');
    expect(t.monitor.status('a')).toMatchObject({
      level: 'healthy',
      stale: false,
      error: null,
      headline: { total: '90.00' },
    });
    expect(t.history.appends).toBe(2);
  });

  it('never invents a zero: a failure before any reading is an error with no headline', async () => {
    const t = setup(script(providerError('network')));
    t.start();
    await t.clock.advance(1);
    expect(t.monitor.status('a')).toMatchObject({
      level: 'error',
      snapshot: null,
      headline: null,
      stale: false,
    });
    expect(t.history.appends).toBe(0);
  });

  it('gives a keychain error when the key is missing, and recovers when the key reappears', async () => {
    const t = setup(script('50'));
    t.start();
    t.secrets.keys.delete('a');
    await t.clock.advance(1);
    const s = t.monitor.status('a');
    expect(s?.level).toBe('error');
    expect(s?.error?.kind).toBe('keychain');
    expect(s?.error?.message).toMatch(/keychain/i);
    expect(t.provider.calls).toBe(0);
    t.secrets.keys.set('a', 'sk-restored-0123456789abcdef012345');
    await t.clock.advance(30 * MIN); // retried by the scheduler after backoff
    expect(t.monitor.status('a')).toMatchObject({ level: 'healthy', error: null });
    expect(t.provider.requests[0]?.key).toBe('sk-restored-0123456789abcdef012345');
  });

  it('reports a locked keychain as a keychain error', async () => {
    const t = setup(script('50'));
    t.secrets.locked = true;
    t.start();
    await t.clock.advance(1);
    expect(t.monitor.status('a')?.error).toMatchObject({
      kind: 'keychain',
      message: expect.stringContaining('locked'),
    });
  });

  it('polls the demo provider without reading the keychain', async () => {
    const clock = new FakeClock();
    const demo = scriptedProvider(() => ok(snapshotOf('42')), 'demo');
    const secrets = new MemorySecrets();
    const m = createMonitor({
      clock,
      providers: { demo },
      secrets,
      history: new MemoryHistory(),
      notifier: { show: () => {} },
      logger: silent,
    });
    m.setAccounts(
      [account('d', { provider: 'demo', baseUrl: 'demo://deepseek' })],
      DEFAULT_SETTINGS,
    );
    await clock.advance(1);
    expect(m.status('d')?.level).toBe('healthy');
    expect(secrets.reads).toBe(0);
    expect(demo.requests[0]?.key).toBe('');
    await m.stop();
  });

  it('sends nothing at start-up, even for a bad first result', async () => {
    const t = setup(script('0.00'), { accounts: [account('a'), account('b')] });
    t.start();
    await t.clock.advance(1);
    expect(t.monitor.status('a')?.level).toBe('depleted');
    await t.clock.advance(60 * MIN);
    expect(t.sent).toEqual([]);
  });

  it('sends exactly one notification per real state change over many flapping cycles', async () => {
    // A server that flips between good answers and 5xx, while the balance falls and is topped up.
    const steps: (string | ReturnType<typeof providerError>)[] = [];
    const flip = (balance: string, cycles: number) => {
      for (let i = 0; i < cycles; i++)
        steps.push(balance, providerError('server', { status: 500 }));
    };
    flip('100', 10);
    flip('15', 10); // healthy -> low
    flip('3', 10); // low -> critical
    flip('80', 10); // critical -> healthy (recovered)
    const t = setup(script(...steps), { settings: { notifyCooldownMin: 0 } });
    t.start();
    for (let i = 0; i < steps.length; i++) await t.monitor.refresh('a');
    expect(t.provider.calls).toBe(steps.length);
    expect(t.kinds()).toEqual(['low', 'critical', 'recovered']);
  });

  it('does not flap for a balance oscillating around the low threshold', async () => {
    const t = setup((n) => ok(snapshotOf(n === 0 ? '50' : n % 2 ? '19.90' : '20.10')), {
      settings: { notifyCooldownMin: 0 },
    });
    t.start();
    for (let i = 0; i < 40; i++) await t.monitor.refresh('a');
    expect(t.kinds()).toEqual(['low']);
    expect(t.monitor.status('a')?.level).toBe('low');
  });

  it('notifies recovery after a top-up, naming the account and balance', async () => {
    const t = setup(script('20', '0', '0', '120'));
    t.start();
    for (let i = 0; i < 4; i++) await t.monitor.refresh('a');
    expect(t.kinds()).toEqual(['depleted', 'recovered']);
    expect(t.sent[1]?.title).toContain('Key a');
    expect(t.sent[1]?.body).toContain('120.00');
  });

  it('notifies an auth failure once and recovery when the key works again', async () => {
    const t = setup(
      script(
        '50',
        providerError('auth', { status: 401 }),
        providerError('auth', { status: 401 }),
        '50',
      ),
    );
    t.start();
    for (let i = 0; i < 4; i++) await t.monitor.refresh('a');
    expect(t.kinds()).toEqual(['auth', 'recovered']);
  });

  it('does not repeat a kind within the cooldown', async () => {
    const t = setup(script('50', '10', '50', '10', '50', '10'), {
      settings: { notifyCooldownMin: 60 },
    });
    t.start();
    for (let i = 0; i < 4; i++) await t.monitor.refresh('a');
    expect(t.kinds()).toEqual(['low']);
    await t.clock.advance(61 * MIN);
    t.provider.answer(script('50', '10'));
    t.provider.calls = 0;
    for (let i = 0; i < 2; i++) await t.monitor.refresh('a');
    expect(t.kinds()).toEqual(['low', 'low']);
  });

  it('respects notification kinds switched off for the account', async () => {
    const quiet = account('a', { notify: { ...DEFAULT_NOTIFY, low: false, depleted: false } });
    const t = setup(script('50', '10', '3', '0'), { accounts: [quiet] });
    t.start();
    for (let i = 0; i < 4; i++) await t.monitor.refresh('a');
    expect(t.kinds()).toEqual(['critical']);
  });

  it('speaks the system language when the setting says system', async () => {
    const t = setup(script('50', '10'), { locale: 'zh_CN.UTF-8' });
    t.start();
    await t.monitor.refresh('a');
    await t.monitor.refresh('a');
    expect(t.sent[0]?.title).toBe('余额偏低：Key a');
  });

  it('stops polling accounts that are removed and applies a new interval on the next schedule', async () => {
    const t = setup(script('50'), { accounts: [account('a'), account('b')] });
    t.start();
    await t.clock.advance(1);
    expect(t.provider.calls).toBe(2);
    t.monitor.setAccounts([account('a', { pollIntervalSec: 60 })], DEFAULT_SETTINGS);
    expect(t.monitor.statuses().map((s) => s.account.id)).toEqual(['a']);
    expect(t.monitor.status('b')).toBeUndefined();
    await t.clock.advance(5 * MIN); // first poll at the old 5-min schedule, then every minute
    await t.clock.advance(3 * MIN);
    expect(t.provider.calls).toBe(2 + 1 + 3);
    expect(t.provider.requests.filter((r) => r.key.includes('-b-'))).toHaveLength(1);
  });

  it('schedules the next check after Retry-After and publishes it', async () => {
    const t = setup(script(providerError('rate-limit', { status: 429, retryAfterMs: 90 * MIN })));
    const changes: number[] = [];
    t.monitor.onChange(() => changes.push(1));
    t.start();
    await t.clock.advance(1);
    expect(t.monitor.status('a')?.nextCheckAt).toBe(
      (t.monitor.status('a')?.checkedAt ?? 0) + 90 * MIN,
    );
    expect(changes.length).toBeGreaterThanOrEqual(2);
  });

  it('fills the gauge since the last top-up from history', async () => {
    const t = setup(script('100', '40', '90', '45'), {
      accounts: [account('a', { budget: { kind: 'since-top-up' } })],
    });
    t.start();
    for (let i = 0; i < 4; i++) await t.monitor.refresh('a');
    expect(t.monitor.status('a')?.gaugeFill).toBe(0.5);
  });

  it('publishes burn rate, forecast, budget and the top-up in the headline currency', async () => {
    const t = setup(script('100', '40', '90', '45'), {
      accounts: [account('a', { budget: { kind: 'since-top-up' } })],
    });
    t.start();
    for (let i = 0; i < 4; i++) await t.monitor.refresh('a');
    const insights = t.monitor.status('a')?.insights;
    expect(insights?.currency).toBe('CNY');
    expect(insights?.budget).toMatchObject({ kind: 'since-top-up', baselineMicros: 90_000_000 });
    expect(insights?.recentEvents.map((e) => e.kind)).toEqual(['top-up']);
    // Three minutes of readings cannot say anything honest about a day.
    expect(insights?.forecast.status).toBe('collecting-data');
  });

  it('never polls one account twice at once: a refresh during a poll joins it', async () => {
    const t = setup(script('50'));
    const release = t.provider.hold();
    t.start();
    await t.clock.advance(1);
    const refreshes = [t.monitor.refresh('a'), t.monitor.refresh(), t.monitor.refresh('a')];
    await t.clock.advance(30 * MIN);
    release();
    await Promise.all(refreshes);
    expect(t.provider.calls).toBe(1);
    expect(t.provider.maxInFlight).toBe(1);
  });

  it('keeps at most 4 requests in flight for 50 accounts', async () => {
    const accounts = Array.from({ length: 50 }, (_, i) => account(`k${i}`));
    const t = setup(script('50'), { accounts });
    const release = t.provider.hold();
    t.start();
    await t.clock.advance(1);
    expect(t.provider.inFlight).toBe(4);
    release();
    await t.clock.advance(1);
    expect(t.provider.calls).toBe(50);
    expect(t.provider.maxInFlight).toBe(4);
    expect(t.monitor.statuses().every((s) => s.level === 'healthy')).toBe(true);
  });

  it('stop waits for the poll in flight and then polls no more', async () => {
    const t = setup(script('50'));
    const release = t.provider.hold();
    t.start();
    await t.clock.advance(1);
    const stopping = t.monitor.stop();
    release();
    await stopping;
    await t.clock.advance(60 * MIN);
    expect(t.provider.calls).toBe(1);
  });
});
