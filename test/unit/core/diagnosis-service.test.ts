import { describe, expect, it } from 'vitest';
import { createDiagnosisService, FIX_RECHECK_MS, FIX_WINDOW_MS } from '../../../main/core/diagnosis-service';
import { PENDING_AFTER_MS } from '../../../shared/diagnosis';
import type { AccountStatus, Level, ProviderError, Snapshot } from '../../../shared/model';
import { fakeAccount } from '../../fakes/fake-core';

const T0 = Date.UTC(2026, 10, 27, 3, 0);
const MIN = 60_000;

/** A freshly checked DeepSeek account with one CNY row. */
function status(id: string, total: string, at: number, over: Partial<AccountStatus> = {}): AccountStatus {
  const level: Level = Number(total) <= 0 ? 'depleted' : 'healthy';
  const snapshot: Snapshot = { at, available: true, rows: [{ currency: 'CNY', total, granted: '0', toppedUp: total }] };
  return {
    account: fakeAccount(id, { label: id }),
    level,
    snapshot,
    headline: { currency: 'CNY', total },
    error: null,
    stale: false,
    checkedAt: at,
    nextCheckAt: null,
    gaugeFill: null,
    insights: null,
    ...over,
  };
}

/** The service over a hand-set world: statuses, histories and the clock are plain variables. */
function rig() {
  const world = {
    now: T0,
    statuses: [] as AccountStatus[],
    histories: {} as Record<string, Snapshot[]>,
    boosts: [] as [string, number, number][],
    historyFails: false,
  };
  const service = createDiagnosisService({
    statuses: () => world.statuses,
    readHistory: async (id) => {
      if (world.historyFails) throw new Error('EIO');
      return world.histories[id] ?? [];
    },
    boost: (id, interval, until) => world.boosts.push([id, interval, until]),
    now: () => world.now,
    lang: () => 'en',
    timeZone: 'UTC',
  });
  return { world, service };
}

const ids = (causes: { id: string; cleared?: boolean }[]) => causes.map((c) => (c.cleared ? `${c.id} (cleared)` : c.id));

describe('diagnosis service', () => {
  it('diagnoses an empty account as balance-depleted first, ranked by confidence', async () => {
    const { world, service } = rig();
    world.statuses = [status('a', '0.00', T0)];
    const r = await service.run({ id: 'a' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.healthy).toBe(false);
    expect(r.value.causes[0]!.id).toBe('balance-depleted');
    expect(r.value.causes[0]!.evidence[0]!.text).toContain('CN¥0.00');
    expect(r.value.causes[0]!.steps.map((s) => s.action.kind)).toContain('open-link');
  });

  it('gives the engine the other accounts and their histories: a top-up that landed elsewhere ranks wrong-account first', async () => {
    const { world, service } = rig();
    const other = status('b', '30.00', T0);
    other.account.keyMask = 'sk-…ffff';
    world.statuses = [status('a', '0.00', T0), other];
    world.histories.b = [
      { at: T0 - 60 * MIN, available: true, rows: [{ currency: 'CNY', total: '0.00', granted: '0', toppedUp: '0.00' }] },
      { at: T0 - 10 * MIN, available: true, rows: [{ currency: 'CNY', total: '30.00', granted: '0', toppedUp: '30.00' }] },
    ];
    const r = await service.run({ id: 'a' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.causes[0]!.id).toBe('wrong-account');
    expect(ids(r.value.causes)).toContain('balance-depleted');
    const conf = r.value.causes.map((c) => c.confidence);
    expect(conf).toEqual([...conf].sort((x, y) => y - x));
    expect(r.value.causes[0]!.evidence.map((e) => e.text).join(' ')).toContain('b received');
  });

  it('keeps a step done once observed, and lists the cause as cleared, even when a later check fails', async () => {
    const { world, service } = rig();
    world.statuses = [status('a', '0.00', T0)];
    const first = await service.run({ id: 'a' });
    if (!first.ok) throw new Error(first.error.message);
    const topUp = first.value.causes.find((c) => c.id === 'balance-depleted')!.steps[0]!;
    expect(topUp.done).toBe(false);

    world.now = T0 + 2 * MIN;
    world.statuses = [status('a', '110.00', T0 + 2 * MIN)];
    const second = await service.run({ id: 'a' });
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value.healthy).toBe(true);
    expect(ids(second.value.causes)).toEqual(['balance-depleted (cleared)']);
    expect(second.value.causes[0]!.steps.find((s) => s.id === topUp.id)!.done).toBe(true);

    // The next check fails: the reading is stale, so the condition is not observable now.
    world.now = T0 + 3 * MIN;
    const down: ProviderError = { kind: 'server', status: 503, message: 'Service Unavailable', retryAfterMs: null, at: T0 + 3 * MIN };
    world.statuses = [status('a', '110.00', T0 + 2 * MIN, { error: down, stale: true, level: 'stale', checkedAt: T0 + 3 * MIN })];
    const third = await service.run({ id: 'a' });
    if (!third.ok) throw new Error(third.error.message);
    const kept = third.value.causes.find((c) => c.id === 'balance-depleted')!;
    expect(kept.cleared).toBe(true);
    expect(kept.steps.find((s) => s.id === topUp.id)!.done).toBe(true);
  });

  it('starts afresh once the fix window has passed without a cause', async () => {
    const { world, service } = rig();
    world.statuses = [status('a', '0.00', T0)];
    await service.run({ id: 'a' });
    world.now = T0 + FIX_WINDOW_MS + MIN;
    world.statuses = [status('a', '110.00', world.now)];
    const r = await service.run({ id: 'a' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.causes).toEqual([]);
  });

  it('feeds "I have paid" into top-up-pending once the balance has not moved for a while', async () => {
    const { world, service } = rig();
    world.statuses = [status('a', '0.00', T0)];
    const before = await service.run({ id: 'a' });
    expect(before.ok && ids(before.value.causes)).not.toContain('top-up-pending');

    expect(service.markPaid({ id: 'a', at: T0 })).toEqual({ ok: true, value: null });
    const soon = await service.run({ id: 'a' });
    if (!soon.ok) throw new Error(soon.error.message);
    expect(ids(soon.value.causes)).not.toContain('top-up-pending');
    expect(soon.value.causes.find((c) => c.id === 'balance-depleted')!.steps.find((s) => s.action.kind === 'mark-paid')!.done).toBe(true);

    world.now = T0 + PENDING_AFTER_MS + 5 * MIN;
    world.statuses = [status('a', '0.00', world.now)];
    const later = await service.run({ id: 'a' });
    if (!later.ok) throw new Error(later.error.message);
    expect(later.value.causes[0]!.id).toBe('top-up-pending');
  });

  it('takes paidAt from the request too', async () => {
    const { world, service } = rig();
    world.now = T0 + PENDING_AFTER_MS + 5 * MIN;
    world.statuses = [status('a', '0.00', world.now)];
    const r = await service.run({ id: 'a', paidAt: T0 });
    expect(r.ok && r.value.causes[0]!.id).toBe('top-up-pending');
  });

  it('asks for 30 s re-checks until now + 10 min while causes exist, and not when the account is healthy', async () => {
    const { world, service } = rig();
    world.statuses = [status('a', '110.00', T0)];
    await service.run({ id: 'a' });
    expect(world.boosts).toEqual([]);

    world.statuses = [status('a', '0.00', T0)];
    await service.run({ id: 'a' });
    expect(world.boosts).toEqual([['a', FIX_RECHECK_MS, T0 + FIX_WINDOW_MS]]);
    expect([FIX_RECHECK_MS, FIX_WINDOW_MS]).toEqual([30_000, 600_000]);

    world.now = T0 + MIN;
    world.statuses = [status('a', '110.00', world.now)];
    const healed = await service.run({ id: 'a' });
    expect(healed.ok && healed.value.healthy).toBe(true);
    expect(world.boosts).toHaveLength(1); // cleared causes do not extend the window
  });

  it('reads the pasted error: a 401 on a funded account is invalid-key, not a balance problem', async () => {
    const { world, service } = rig();
    world.statuses = [status('a', '110.00', T0)];
    const r = await service.run({ id: 'a', pastedError: 'Error code: 401 - {"error": {"message": "Authentication Fails", "type": "authentication_error"}}' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.causes[0]!.id).toBe('invalid-key');
    expect(r.value.pasted?.isBalanceProblem).toBe(false);
    expect(r.value.pastedNote).toMatch(/not a balance problem/i);
  });

  it('remembers poll errors seen in pushed states as recent errors', async () => {
    const { world, service } = rig();
    const base = status('a', '110.00', T0);
    for (let i = 1; i <= 3; i++) {
      const e: ProviderError = { kind: 'rate-limit', status: 429, message: 'Too Many Requests', retryAfterMs: null, at: T0 + i * MIN };
      const s = { ...base, error: e, stale: true, level: 'stale' as Level, checkedAt: e.at };
      service.observe([s]);
      service.observe([s]); // the same state pushed twice counts once
      world.statuses = [s];
    }
    world.now = T0 + 4 * MIN;
    const r = await service.run({ id: 'a' });
    if (!r.ok) throw new Error(r.error.message);
    const limited = r.value.causes.find((c) => c.id === 'rate-limited');
    expect(limited).toBeDefined();
    expect(limited!.evidence.map((e) => e.text).join(' ')).toContain('3 checks');
  });

  it('still diagnoses when the history cannot be read, and refuses unknown accounts', async () => {
    const { world, service } = rig();
    world.historyFails = true;
    world.statuses = [status('a', '0.00', T0)];
    const r = await service.run({ id: 'a' });
    expect(r.ok && r.value.causes[0]!.id).toBe('balance-depleted');
    expect(await service.run({ id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(service.markPaid({ id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
