/**
 * wrong-account, key-mismatch, balance-low and headline-row-empty at their edges (issue 15):
 * which other accounts count, the critical level exactly, an old reading, the tray's own
 * "low" level, and why a look-alike of a money error is not money.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../shared/diagnosis/engine';
import { cause, find, run } from './fixtures/causes';
import { explainPasted } from '../../../../shared/diagnosis/pasted-only';
import type { AccountStatus } from '../../../../shared/model';
import { cny, HOUR, input, MIN, NOW, PASTE, row, snap, status } from './fixtures/build';

const other = (
  over: Partial<AccountStatus['account']> = {},
  snapshot = cny(NOW - MIN, '0.00', '50.00'),
) => status(snapshot, { config: { id: 'other', label: 'Other', keyMask: 'sk-…c3d4', ...over } });
const empty = () => status(cny(NOW - 5 * MIN, '0.00', '0.00'));
const funded = (total = '80.00', over = {}) => status(cny(NOW - 5 * MIN, '0.00', total), over);

describe('wrong-account: this account is empty while another can pay', () => {
  it('0.55 with the other account’s balance and key as evidence; use its key or top this one up', () => {
    const c = cause(run(input(empty(), { others: [other()] })), 'wrong-account');
    expect(c.confidence).toBe(0.55);
    expect(c.evidence).toEqual([
      {
        kind: 'other-account',
        text: 'Other (sk-…c3d4) has CN¥50.00 and can pay for calls.',
        values: { account: 'Other' },
      },
    ]);
    expect(c.steps.map((s) => [s.id, s.action, s.verify])).toEqual([
      ['use-other-key', { kind: 'none' }, null],
      [
        'top-up',
        { kind: 'open-link', link: 'topUp' },
        { kind: 'balance-above-zero-and-available' },
      ],
    ]);
    expect(c.steps[0]!.title + c.steps[0]!.why).toContain('sk-…c3d4');
  });

  it('ignores itself, keyless accounts, the same key, and accounts that cannot pay', () => {
    const none = [
      other({ id: 'main' }),
      other({ keyMask: '' }),
      other({ keyMask: 'sk-…a1b2' }),
      other({}, cny(NOW - MIN, '0.00', '50.00', false)),
      other({}, cny(NOW - MIN, '0.00', '0.00')),
      status(null, {
        config: { id: 'other', label: 'Other', keyMask: 'sk-…c3d4' },
        checkedAt: NOW,
      }),
    ];
    for (const o of none)
      expect(
        find(run(input(empty(), { others: [o] })), 'wrong-account'),
        JSON.stringify(o.account),
      ).toBeUndefined();
  });

  it('says nothing while this account has money', () => {
    expect(find(run(input(funded(), { others: [other()] })), 'wrong-account')).toBeUndefined();
  });

  it('a recent top-up on the other account: 0.95 and quoted; a pasted 401 caps it at 0.50', () => {
    const othersHistory = {
      other: [cny(NOW - 3 * HOUR, '0.00', '0.00'), cny(NOW - 2 * HOUR, '0.00', '50.00')],
    };
    const c = cause(run(input(empty(), { others: [other()], othersHistory })), 'wrong-account');
    expect(c.confidence).toBe(0.95);
    expect(c.evidence.map((e) => e.values)).toEqual([
      { account: 'Other' },
      { account: 'Other', at: NOW - 2 * HOUR },
    ]);
    expect(c.evidence[1]!.text).toContain('CN¥50.00');
    const capped = cause(
      run(input(empty(), { others: [other()], othersHistory, pastedError: PASTE.py401 })),
      'wrong-account',
    );
    expect(capped.confidence).toBe(0.5);
    // Older than 48 hours without a declared payment: no longer news.
    const old = {
      other: [cny(NOW - 50 * HOUR, '0.00', '0.00'), cny(NOW - 49 * HOUR, '0.00', '50.00')],
    };
    expect(
      cause(run(input(empty(), { others: [other()], othersHistory: old })), 'wrong-account')
        .confidence,
    ).toBe(0.55);
    // A declared payment moves the window to the payment.
    const paid = cause(
      run(
        input(empty(), {
          others: [other()],
          othersHistory: old,
          facts: { paidAt: NOW - 50 * HOUR },
        }),
      ),
      'wrong-account',
    );
    expect(paid.confidence).toBe(0.95);
  });
});

describe('key-mismatch: a pasted 402 while this account has money', () => {
  it('0.85 with money above the critical level; names the account and its key; compare keys', () => {
    const c = cause(run(input(funded(), { pastedError: PASTE.py402 })), 'key-mismatch');
    expect(c.confidence).toBe(0.85);
    expect(c.evidence.map((e) => e.kind)).toEqual(['pasted', 'balance']);
    expect(c.evidence[1]!.text).toBe(
      'Creditray sees CN¥80.00 on Main (sk-…a1b2) at Nov 27, 2026, 5:55 AM, and calls can be paid for.',
    );
    expect(c.steps.map((s) => [s.id, s.verify])).toEqual([
      ['compare-key', null],
      ['recheck', { kind: 'poll-succeeds', after: NOW }],
    ]);
  });

  it('0.50 at or below the critical level; any one row above it is enough', () => {
    expect(
      cause(run(input(funded('5.00'), { pastedError: PASTE.py402 })), 'key-mismatch').confidence,
    ).toBe(0.5);
    expect(
      cause(run(input(funded('5.01'), { pastedError: PASTE.py402 })), 'key-mismatch').confidence,
    ).toBe(0.85);
    const two = status(snap(NOW - 5 * MIN, [row('CNY', '0', '1.00'), row('USD', '0', '10.00')]));
    expect(cause(run(input(two, { pastedError: PASTE.py402 })), 'key-mismatch').confidence).toBe(
      0.85,
    );
  });

  it('an old reading takes 0.30 off', () => {
    const c = cause(
      run(input(funded('80.00', { stale: true }), { pastedError: PASTE.py402 })),
      'key-mismatch',
    );
    expect(c.confidence).toBe(0.55);
  });

  it('points at another configured account that is empty, but not at one never read', () => {
    const emptyOther = other({}, cny(NOW - MIN, '0.00', '0.00'));
    const c = cause(
      run(input(funded(), { pastedError: PASTE.py402, others: [emptyOther] })),
      'key-mismatch',
    );
    expect(c.evidence.map((e) => e.kind)).toEqual(['pasted', 'balance', 'other-account']);
    expect(c.evidence[2]).toEqual({
      kind: 'other-account',
      text: 'Other (sk-…c3d4) is empty: your program may be sending that key.',
      values: { account: 'Other' },
    });
    const neverRead = status(null, {
      config: { id: 'other', label: 'Other', keyMask: 'sk-…c3d4' },
      checkedAt: NOW,
    });
    const d = cause(
      run(input(funded(), { pastedError: PASTE.py402, others: [neverRead, other()] })),
      'key-mismatch',
    );
    expect(d.evidence.map((e) => e.kind)).toEqual(['pasted', 'balance']);
  });

  it('a keyless account: no key in the text and only the re-check step', () => {
    const demo = funded('80.00', { config: { provider: 'demo', keyMask: '' } });
    const c = cause(run(input(demo, { pastedError: PASTE.py402 })), 'key-mismatch');
    expect(c.evidence[1]!.text).toBe(
      'Creditray sees CN¥80.00 on Main at Nov 27, 2026, 5:55 AM, and calls can be paid for.',
    );
    expect(c.steps.map((s) => s.id)).toEqual(['recheck']);
  });
});

describe('balance-low', () => {
  it('at the critical level exactly is low; a cent above is not (without the level or spend)', () => {
    const at = cause(run(input(funded('5.00'))), 'balance-low');
    expect(at.confidence).toBe(0.7);
    expect(at.evidence).toEqual([
      {
        kind: 'balance',
        text: 'CN¥5.00 left, at or below the critical level of CN¥5.00.',
        values: { currency: 'CNY', micros: 5_000_000 },
      },
    ]);
    expect(at.steps.map((s) => [s.id, s.verify])).toEqual([
      ['top-up', { kind: 'balance-above', currency: 'CNY', micros: 5_000_000 }],
      ['recheck', { kind: 'balance-above', currency: 'CNY', micros: 5_000_000 }],
    ]);
    expect(find(run(input(funded('5.01'))), 'balance-low')).toBeUndefined();
  });

  it('without any history it still reads the balance', () => {
    const c = cause(run(input(funded('3.00'), { history: [] })), 'balance-low');
    expect(c.evidence.map((e) => e.kind)).toEqual(['balance']);
  });

  it('an unreadable low level adds no below-low line', () => {
    const bad = {
      ...funded('15.00', { headline: 'CNY', config: { thresholds: { low: 'x', critical: '5' } } }),
      level: 'low' as const,
    };
    expect(find(run(input(bad)), 'balance-low')).toBeUndefined();
  });

  it('every funded row must be critical', () => {
    const two = status(snap(NOW - 5 * MIN, [row('CNY', '0', '1.00'), row('USD', '0', '10.00')]));
    expect(find(run(input(two)), 'balance-low')).toBeUndefined();
  });

  it('the tray’s low level with a headline counts, below-low worded', () => {
    for (const level of ['low', 'critical'] as const) {
      const s = { ...funded('15.00', { headline: 'CNY' }), level };
      const c = cause(run(input(s)), 'balance-low');
      expect(c.confidence, level).toBe(0.7);
      expect(c.evidence, level).toEqual([
        {
          kind: 'balance',
          text: 'CN¥15.00 left, below the low level of CN¥20.00.',
          values: { currency: 'CNY', micros: 15_000_000 },
        },
      ]);
    }
    const healthy = funded('15.00', { headline: 'CNY' });
    expect(find(run(input(healthy)), 'balance-low')).toBeUndefined();
    const noHeadline = { ...funded('15.00'), level: 'low' as const };
    expect(find(run(input(noHeadline)), 'balance-low')).toBeUndefined();
  });

  it('the last hour cost more than is left: one more line and 0.10 more; equal is not more', () => {
    const h = [cny(NOW - HOUR, '0.00', '13.00'), cny(NOW - 5 * MIN, '0.00', '4.00')];
    const c = cause(run(input(status(h[1]!), { history: h })), 'balance-low');
    expect(c.confidence).toBe(0.8);
    expect(c.evidence.map((e) => e.kind)).toEqual(['balance', 'spend-rate']);
    expect(c.evidence[1]!.values).toEqual({ spentMicros: 9_000_000, leftMicros: 4_000_000 });
    expect(c.steps[0]!.verify).toEqual({
      kind: 'balance-above',
      currency: 'CNY',
      micros: 9_000_000,
    });
    const same = [cny(NOW - HOUR, '0.00', '8.00'), cny(NOW - 5 * MIN, '0.00', '4.00')];
    const eq = cause(run(input(status(same[1]!), { history: same })), 'balance-low');
    expect(eq.evidence.map((e) => e.kind)).toEqual(['balance']);
    // Above critical, but the last hour cost more than is left: low on the spend line alone.
    const fast = [cny(NOW - HOUR, '0.00', '30.00'), cny(NOW - 5 * MIN, '0.00', '10.00')];
    const spendOnly = cause(run(input(status(fast[1]!), { history: fast })), 'balance-low');
    expect(spendOnly.evidence.map((e) => e.kind)).toEqual(['spend-rate']);
    expect(spendOnly.confidence).toBe(0.7);
  });

  it('a pasted 402 adds 0.10 and is quoted; a 401 caps it at 0.50; unavailable is not low', () => {
    const c = cause(run(input(funded('3.00'), { pastedError: PASTE.py402 })), 'balance-low');
    expect(c.confidence).toBe(0.8);
    expect(c.evidence.map((e) => e.kind)).toEqual(['balance', 'pasted']);
    const capped = cause(run(input(funded('3.00'), { pastedError: PASTE.py401 })), 'balance-low');
    expect(capped.confidence).toBe(0.5);
    expect(capped.evidence.map((e) => e.kind)).toEqual(['balance']);
    const blocked = status(cny(NOW - 5 * MIN, '0.00', '3.00', false));
    expect(find(run(input(blocked)), 'balance-low')).toBeUndefined();
  });
});

describe('headline-row-empty', () => {
  it('holds only when no funded row is the headline currency', () => {
    const usdFunded = status(snap(NOW - 5 * MIN, [row('CNY', '0', '0'), row('USD', '0', '4.00')]), {
      config: { headlineCurrency: 'CNY' },
      headline: 'CNY',
    });
    const c = cause(run(input(usdFunded)), 'headline-row-empty');
    expect(c.confidence).toBe(0.55);
    expect(c.evidence[0]!.values).toEqual({ currency: 'CNY', funded: 'USD' });
    expect(c.steps.map((s) => [s.id, s.action, s.verify])).toEqual([
      [
        'switch-headline',
        { kind: 'switch-headline', currency: 'USD' },
        { kind: 'headline-is', currency: 'USD' },
      ],
    ]);
    const both = status(snap(NOW - 5 * MIN, [row('CNY', '0', '1.00'), row('USD', '0', '4.00')]), {
      headline: 'CNY',
    });
    expect(find(run(input(both)), 'headline-row-empty')).toBeUndefined();
  });
});

describe('look-alikes of a money error', () => {
  const lookalike = (text: string) =>
    explainPasted(text, 'en', NOW).diagnosis.causes[0]?.evidence.find((e) =>
      e.text.includes('not about money'),
    );

  it('names the type for twins of a money status (429, 403, 529) from providers that share it', () => {
    const moon = lookalike(
      "Error code: 429 - {'error': {'message': 'max RPM reached', 'type': 'rate_limit_reached_error'}}",
    );
    expect(moon?.text).toBe(
      'Moonshot (Kimi) uses the same HTTP status when money runs out, but this type (rate_limit_reached_error) is not about money.',
    );
    const openai = lookalike(
      "Error code: 429 - {'error': {'message': 'Rate limit reached in organization org-x', 'type': 'requests', 'code': 'rate_limit_exceeded'}}",
    );
    expect(openai?.text).toContain('(rate_limit_exceeded)');
    const anth = lookalike(
      "anthropic.InternalServerError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}",
    );
    expect(anth?.text).toContain('(overloaded_error)');
    const xai = lookalike(
      'Error: 403 {"code":"permission_denied","error":"Your team is blocked"} https://api.x.ai/v1',
    );
    expect(xai?.text).toBe(
      'xAI uses the same HTTP status when money runs out, but this type (permission_denied) is not about money.',
    );
  });

  it('no twin line for other statuses, numeric codes, the bare type "error", or other providers', () => {
    expect(
      lookalike(
        "Error code: 401 - {'error': {'message': 'x', 'type': 'invalid_authentication_error'}} moonshot.cn",
      ),
    ).toBeUndefined();
    expect(
      lookalike('{"error":{"message":"Insufficient credits","code":402}} openrouter.ai'),
    ).toBeUndefined();
    expect(
      lookalike(
        "Error code: 429 - {'error': {'message': 'slow', 'type': 'error', 'code': '1302'}} bigmodel.cn",
      ),
    ).toBeUndefined();
  });
});

describe('money causes quote the status this provider’s calls really get', () => {
  const emptyOf = (provider: AccountStatus['account']['provider']) =>
    status(cny(NOW - 5 * MIN, '0.00', '0.00'), { config: { provider } });
  const summary = (s: AccountStatus, paste?: string, lang: 'en' | 'zh-CN' = 'en') =>
    cause(diagnose(input(s, paste ? { pastedError: paste } : {}), lang), 'balance-depleted')
      .summary;

  it('402 for DeepSeek and OpenRouter, 429 for Moonshot, 403 for SiliconFlow and relays', () => {
    const fail = (n: number) =>
      `The balance is used up: API calls fail with ${n} until you top up.`;
    expect(summary(emptyOf('deepseek'))).toBe(fail(402));
    expect(summary(emptyOf('openrouter'))).toBe(fail(402));
    expect(summary(emptyOf('moonshot'))).toBe(fail(429));
    expect(summary(emptyOf('siliconflow'))).toBe(fail(403));
    expect(summary(emptyOf('relay'))).toBe(fail(403));
    expect(summary(emptyOf('moonshot'), undefined, 'zh-CN')).toBe(
      '余额已用完：充值之前 API 调用会返回 429。',
    );
  });

  it('no number where the provider’s answer is unconfirmed (StepFun, Novita, custom)', () => {
    for (const p of ['stepfun', 'novita', 'custom'] as const)
      expect(summary(emptyOf(p)), p).toBe(
        'The balance is used up: API calls fail until you top up.',
      );
  });

  it('the user’s own pasted money error decides the number: Moonshot’s 429, a relay’s 402', () => {
    const moonshot429 =
      "Error code: 429 - {'error': {'message': 'Your account is suspended due to insufficient balance', 'type': 'exceeded_current_quota_error'}}";
    expect(summary(emptyOf('moonshot'), moonshot429)).toBe(
      'The balance is used up: API calls fail with 429 until you top up.',
    );
    expect(summary(emptyOf('relay'), 'HTTP/1.1 402 Payment Required')).toBe(
      'The balance is used up: API calls fail with 402 until you top up.',
    );
    // Another provider's error says nothing about this account's status.
    expect(
      summary(
        emptyOf('moonshot'),
        'Error code: 402 - {"error":{"message":"Insufficient credits","code":402}} openrouter.ai',
      ),
    ).toBe('The balance is used up: API calls fail with 429 until you top up.');
  });

  it('an almost empty account says the same of its next calls', () => {
    const low = status(cny(NOW - 5 * MIN, '0.00', '0.50'), { config: { provider: 'moonshot' } });
    expect(cause(diagnose(input(low), 'en'), 'balance-low').summary).toBe(
      'The balance is almost gone: the next calls may fail with 429.',
    );
    const lowStepfun = status(cny(NOW - 5 * MIN, '0.00', '0.50'), {
      config: { provider: 'stepfun' },
    });
    expect(cause(diagnose(input(lowStepfun), 'en'), 'balance-low').summary).toBe(
      'The balance is almost gone: the next calls may fail.',
    );
  });
});
