import { describe, expect, it } from 'vitest';
import {
  managementKeyNeeded,
  parseOpenRouterCredits,
  parseOpenRouterKey,
} from '../../../../../main/core/providers/openrouter/parse';
import { ctxFor, failure, value } from '../parse-helpers';

const ctx = ctxFor('OpenRouter', 'openrouter.ai');

describe('parseOpenRouterKey', () => {
  it('reads the cap, what is left of it, the usage figures and whether it is a management key', () => {
    const k = value(
      parseOpenRouterKey(
        {
          data: {
            limit: 10,
            limit_remaining: '7.5',
            usage: 2.5,
            usage_daily: 0.5,
            usage_weekly: 1,
            usage_monthly: 2,
            is_management_key: true,
          },
        },
        ctx,
      ),
    );
    expect(k).toEqual({
      management: true,
      limit: '10.00',
      limitRemaining: '7.5',
      facts: [
        { id: 'usage', currency: 'USD', amount: '2.50' },
        { id: 'usage-daily', currency: 'USD', amount: '0.50' },
        { id: 'usage-weekly', currency: 'USD', amount: '1.00' },
        { id: 'usage-monthly', currency: 'USD', amount: '2.00' },
        { id: 'key-limit', currency: 'USD', amount: '10.00' },
      ],
    });
  });

  it('takes the old is_provisioning_key name, and an ordinary key as not management', () => {
    expect(value(parseOpenRouterKey({ data: { is_provisioning_key: true } }, ctx)).management).toBe(
      true,
    );
    expect(
      value(
        parseOpenRouterKey({ data: { is_management_key: false, is_provisioning_key: null } }, ctx),
      ).management,
    ).toBe(false);
  });

  it('has no remaining figure without a cap, and an unknown one for a cap without it', () => {
    expect(value(parseOpenRouterKey({ data: { limit: null, limit_remaining: 5 } }, ctx))).toEqual({
      management: false,
      limit: null,
      limitRemaining: null,
      facts: [],
    });
    expect(value(parseOpenRouterKey({ data: { limit: 5 } }, ctx)).limitRemaining).toBeNull();
  });

  it('names the wrong field and an unusable amount', () => {
    const e = failure(parseOpenRouterKey({}, ctx));
    expect(e).toMatchObject({ kind: 'bad-response', status: 200, at: 7 });
    expect(e.message).toContain('("data" is missing');
    expect(failure(parseOpenRouterKey({ data: { is_free_tier: 'no' } }, ctx)).message).toContain(
      '("data.is_free_tier" is missing',
    );
    for (const field of [
      'limit',
      'limit_remaining',
      'usage',
      'usage_daily',
      'usage_weekly',
      'usage_monthly',
    ]) {
      const bad = failure(parseOpenRouterKey({ data: { [field]: 'many' } }, ctx));
      expect(bad, field).toMatchObject({ kind: 'bad-response', status: 200, at: 7 });
      expect(bad.message).toMatch(
        new RegExp(`^OpenRouter sent an unusable amount in data\\.${field} \\(`),
      );
    }
  });
});

describe('parseOpenRouterCredits', () => {
  it('is credits minus usage, which can be negative', () => {
    expect(
      value(parseOpenRouterCredits({ data: { total_credits: 20, total_usage: 7.25 } }, ctx)),
    ).toBe('12.75');
    expect(
      value(parseOpenRouterCredits({ data: { total_credits: '1', total_usage: '3' } }, ctx)),
    ).toBe('-2.00');
    expect(
      value(parseOpenRouterCredits({ data: { total_credits: 0, total_usage: 0.5 } }, ctx)),
    ).toBe('-0.50');
    expect(value(parseOpenRouterCredits({ data: { total_credits: 5, total_usage: 0 } }, ctx))).toBe(
      '5.00',
    );
  });

  it('is unknown (null) when both are zero: an ordinary key sees no account figures', () => {
    expect(
      value(parseOpenRouterCredits({ data: { total_credits: 0, total_usage: '0.000' } }, ctx)),
    ).toBeNull();
    expect(
      value(parseOpenRouterCredits({ data: { total_credits: '0', total_usage: 0 } }, ctx)),
    ).toBeNull();
  });

  it('names the wrong field and an unusable amount', () => {
    expect(failure(parseOpenRouterCredits({ data: { total_credits: 1 } }, ctx)).message).toContain(
      '("data.total_usage" is missing',
    );
    expect(failure(parseOpenRouterCredits(null, ctx)).message).toContain('("data" is missing');
    expect(
      failure(parseOpenRouterCredits({ data: { total_credits: 'x', total_usage: 0 } }, ctx))
        .message,
    ).toMatch(/^OpenRouter sent an unusable amount in data\.total_credits \(/);
    expect(
      failure(parseOpenRouterCredits({ data: { total_credits: 1, total_usage: 'x' } }, ctx))
        .message,
    ).toMatch(/^OpenRouter sent an unusable amount in data\.total_usage \(/);
  });
});

describe('managementKeyNeeded', () => {
  it('says the balance is unknown, not $0, and lists the key’s usage in words', () => {
    const key = value(
      parseOpenRouterKey(
        { data: { usage: 3, usage_daily: 1, usage_monthly: 2, limit: null } },
        ctx,
      ),
    );
    const e = managementKeyNeeded(ctx, key);
    expect(e).toMatchObject({ kind: 'config', status: null, at: 7 });
    expect(e.message).toMatch(
      /^OpenRouter does not show the account's credit to an ordinary API key without a spending limit, so the balance is unknown \(not \$0\)\./,
    );
    expect(e.message).toMatch(
      / This key's usage: all time \$3\.00, daily \$1\.00, monthly \$2\.00\.$/,
    );
  });

  it('leaves the usage sentence out when there is none, and never lists the key limit as usage', () => {
    const e = managementKeyNeeded(ctx, {
      management: false,
      limit: null,
      limitRemaining: null,
      facts: [{ id: 'key-limit', currency: 'USD', amount: '1.00' }],
    });
    expect(e.message).toMatch(/or set a limit on this key\.$/);
  });
});
