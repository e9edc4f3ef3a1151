/**
 * The shared step and evidence builders (shared/diagnosis/steps.ts): how a quoted error is
 * shortened, Retry-After in whole seconds, the stale-reading line, and which provider's page
 * a step opens (or none).
 */
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../../../shared/diagnosis/context';
import { parsePastedError } from '../../../../shared/diagnosis/pasted-error';
import {
  balanceEvidence,
  pastedEvidence,
  pastedLink,
  pollEvidence,
  recheck,
  step,
} from '../../../../shared/diagnosis/steps';
import { cny, HOUR, input, MIN, NOW, perr, status } from './fixtures/build';

const ctxOf = (...args: Parameters<typeof input>) => buildContext(input(...args), 'en');
const funded = (over = {}) => status(cny(NOW - 5 * MIN, '0.00', '80.00'), over);

describe('quoting an error', () => {
  it('drops trailing dots and spaces, and says HTTP and the status when there is one', () => {
    const c = ctxOf(funded());
    expect(pastedEvidence(c, parsePastedError('402 Insufficient Balance. . '))).toEqual({
      kind: 'pasted',
      text: 'Your pasted error: HTTP 402 Insufficient Balance.',
      values: { status: 402, source: 'openai-js' },
    });
    const noStatus = parsePastedError('openai.APIConnectionError: Connection error.');
    expect(pastedEvidence(c, noStatus)).toEqual({
      kind: 'pasted',
      text: 'Your pasted error: Connection error.',
      values: { status: '', source: 'openai-python' },
    });
  });

  it('a status without any message is just "HTTP 402", no trailing space or filler', () => {
    const c = ctxOf(funded());
    expect(pastedEvidence(c, parsePastedError('openai.APIStatusError: Error code: 402')).text).toBe(
      'Your pasted error: HTTP 402.',
    );
    expect(pollEvidence(c, perr('server', 503, NOW - MIN, ''))[0]!.text).toMatch(
      /failed: HTTP 503\.$/,
    );
  });

  it('cuts a long message at a word before 160 characters', () => {
    const c = ctxOf(funded());
    const long = `${'word '.repeat(40)}end`;
    const [ev] = pollEvidence(c, perr('server', 500, NOW - MIN, long));
    const quoted = /failed: HTTP 500 (.*)\.$/.exec(ev!.text)![1]!;
    expect(quoted.endsWith('…')).toBe(true);
    expect([...quoted].length).toBeLessThanOrEqual(160);
    expect(quoted).toBe(`${'word '.repeat(31)}word…`);
  });
});

describe('a failed check as evidence', () => {
  it('one line for the error; a second with Retry-After rounded up to whole seconds', () => {
    const c = ctxOf(funded());
    const at = NOW - MIN;
    expect(pollEvidence(c, perr('rate-limit', 429, at, 'Too Many Requests'))).toEqual([
      {
        kind: 'poll-error',
        text: 'Creditray’s check at Nov 27, 2026, 5:59 AM failed: HTTP 429 Too Many Requests.',
        values: { at, status: 429 },
      },
    ]);
    const withRetry = pollEvidence(c, perr('rate-limit', 429, at, 'x', 1_001));
    expect(withRetry[1]).toEqual({
      kind: 'poll-error',
      text: 'The server asked to wait 2 s before retrying.',
      values: { seconds: 2 },
    });
    expect(pollEvidence(c, perr('rate-limit', 429, at, 'x', 0))[1]!.values).toEqual({ seconds: 0 });
    expect(pollEvidence(c, perr('network', null, at, 'offline'))[0]!.values).toEqual({
      at,
      status: '',
    });
  });
});

describe('the balance as evidence', () => {
  it('one line from a fresh reading, plus a stale line from an old one, none without a reading', () => {
    const at = NOW - 5 * MIN;
    expect(balanceEvidence(ctxOf(funded()))).toEqual([
      { kind: 'balance', text: 'Balance at Nov 27, 2026, 5:55 AM: CN¥80.00.', values: { at } },
    ]);
    const old = balanceEvidence(ctxOf(status(cny(NOW - 3 * HOUR, '0', '80'), { stale: true })));
    expect(old.map((e) => e.kind)).toEqual(['balance', 'stale']);
    expect(old[1]!.text).toContain('3 hours ago');
    expect(old[1]!.values).toEqual({ at: NOW - 3 * HOUR });
    expect(balanceEvidence(ctxOf(status(null, { checkedAt: NOW })))).toEqual([]);
  });
});

describe('steps', () => {
  it('evaluates done from the verify condition; a step without one is never done', () => {
    const c = ctxOf(funded({ checkedAt: NOW }));
    expect(step(c, 'check-usage', { kind: 'none' }, null).done).toBe(false);
    expect(recheck(c, { kind: 'available' })).toMatchObject({
      id: 'recheck',
      action: { kind: 'recheck' },
      verify: { kind: 'available' },
      done: true,
    });
    expect(recheck(c, { kind: 'poll-succeeds', after: NOW }).done).toBe(false);
  });

  it('takes another title, why and variables when given', () => {
    const c = ctxOf(funded());
    const plain = step(c, 'top-up', { kind: 'none' }, null);
    const other = step(c, 'top-up', { kind: 'none' }, null, {
      title: 'step.top-up-this.title',
      why: 'step.top-up-low.why',
    });
    expect(other.title).not.toBe(plain.title);
    expect(other.why).not.toBe(plain.why);
    const key = step(c, 'compare-key', { kind: 'none' }, null, { vars: { keyMask: 'sk-…zz99' } });
    expect(key.title + key.why).toContain('sk-…zz99');
  });

  it('with only pasted text, a link step opens the pasted provider’s page', () => {
    const alone = ctxOf(funded(), {
      pastedError: '{"error":{"code":402,"message":"Insufficient credits."}} https://openrouter.ai',
      pastedOnly: true,
    });
    expect(step(alone, 'top-up', { kind: 'open-link', link: 'topUp' }, null).action).toEqual({
      kind: 'open-link',
      link: 'topUp',
      provider: 'openrouter',
      url: 'https://openrouter.ai/settings/credits',
    });
    // A step that already carries its URL is left alone.
    const fixed = { kind: 'open-link', link: 'usage', url: 'https://x.example' } as const;
    expect(step(alone, 'check-usage', fixed, null).action).toBe(fixed);
    // An account's own text: the account's own page, as given.
    expect(
      step(ctxOf(funded()), 'top-up', { kind: 'open-link', link: 'topUp' }, null).action,
    ).toEqual({
      kind: 'open-link',
      link: 'topUp',
    });
  });

  it('a page the provider does not have, or a relay’s, is no button at all', () => {
    const relay = ctxOf(funded(), { pastedError: '401 该令牌额度已用尽', pastedOnly: true });
    expect(pastedLink(relay, 'topUp')).toEqual({ kind: 'none' });
    const zhipu = ctxOf(funded(), {
      pastedError:
        '429 {"error":{"code":"1113","message":"Insufficient balance or no resource package."}}',
    });
    expect(pastedLink(zhipu, 'usage')).toEqual({ kind: 'none' });
    expect(pastedLink(zhipu, 'topUp')).toEqual({
      kind: 'open-link',
      link: 'topUp',
      provider: 'zhipu',
      url: 'https://open.bigmodel.cn/finance/overview',
    });
    const own = ctxOf(funded(), { pastedError: '402 Insufficient Balance' });
    expect(pastedLink(own, 'topUp')).toEqual({
      kind: 'open-link',
      link: 'topUp',
      url: 'https://platform.deepseek.com/top_up',
    });
    const none = ctxOf(status(cny(NOW, '0', '1'), { config: { provider: 'custom' } }), {
      pastedError: 'boom',
    });
    expect(pastedLink(none, 'topUp')).toEqual({ kind: 'none' });
  });
});
