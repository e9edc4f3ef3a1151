import { describe, expect, it } from 'vitest';
import { clipWords } from '../../../../shared/diagnosis/clip';

describe('clipWords', () => {
  it('keeps text that fits, up to exactly the budget', () => {
    expect(clipWords('Authentication Fails', 40)).toBe('Authentication Fails');
    expect(clipWords('Authentication Fails', 20)).toBe('Authentication Fails');
    expect(clipWords('Authentication Fails', 19)).toBe('Authentication…');
  });
  it('cuts at the last word boundary and marks the cut', () => {
    expect(clipWords('Your api key: ****18b is invalid', 28)).toBe('Your api key: ****18b is…');
  });
  it('drops punctuation left dangling before the ellipsis', () => {
    expect(clipWords('one, two, three', 10)).toBe('one, two…');
    expect(clipWords('Balance is low... top up now', 18)).toBe('Balance is low…');
    expect(clipWords('余额不足。，请充值后重试', 7)).toBe('余额不足…');
  });
  it('still cuts a single word longer than the budget, marked', () => {
    expect(clipWords('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
    // A leading space is not a word boundary to cut back to: that would leave nothing.
    expect(clipWords(` ${'x'.repeat(50)}`, 10)).toBe(` ${'x'.repeat(8)}…`);
  });
  it('never returns more than the budget', () => {
    for (let n = 2; n < 40; n++)
      expect([...clipWords('a bb ccc dddd eeeee ffffff ggggggg', n)].length).toBeLessThanOrEqual(n);
  });
});
