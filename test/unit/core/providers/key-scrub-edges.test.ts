/**
 * scrubKey at its edges (main/core/providers/key-scrub.ts): keys too short for the run rule,
 * runs that touch or overlap, and percent-encoded tokens that do not hide the key.
 */
import { describe, expect, it } from 'vitest';
import { MIN_RUN, scrubKey } from '../../../../main/core/providers/key-scrub';

const KEY = 'sk-9f3a7c1e5b2d8046af13c9e7b5d20a4f';

describe('scrubKey edges', () => {
  it('treats 8 characters as the shortest echo', () => {
    expect(MIN_RUN).toBe(8);
    expect(scrubKey(`a ${KEY.slice(5, 13)} b`, KEY)).toBe('a [key] b');
    expect(scrubKey(`a ${KEY.slice(5, 12)} b`, KEY)).toBe(`a ${KEY.slice(5, 12)} b`);
  });

  it('a key shorter than 8 characters is replaced only whole, and one under 4 not at all', () => {
    expect(scrubKey('x abcdefg y abcdef', 'abcdefg')).toBe('x [key] y abcdef');
    expect(scrubKey('x abcd y', 'abcd')).toBe('x [key] y');
    expect(scrubKey('x abc y', 'abc')).toBe('x abc y');
  });

  it('one echo, or two echoes that touch, become one [key]; apart they stay two', () => {
    expect(scrubKey(`<${KEY}>`, KEY)).toBe('<[key]>');
    expect(scrubKey(`<${KEY}${KEY}>`, KEY)).toBe('<[key]>');
    expect(scrubKey(`<${KEY} ${KEY}>`, KEY)).toBe('<[key] [key]>');
    expect(scrubKey(`${KEY.slice(0, 10)}…${KEY.slice(-9)}`, KEY)).toBe('[key]…[key]');
  });

  it('leaves text without the key as it is, percent-encoded URLs included', () => {
    const text = 'GET /v1/x?q=a%20b%2Fc failed: 401 ****a4f';
    expect(scrubKey(text, KEY)).toBe(text);
    expect(scrubKey('', KEY)).toBe('');
  });

  it('drops a whole percent-encoded token that hides the key, and only that token', () => {
    const enc = [...KEY].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('');
    expect(scrubKey(`GET /x?key=${enc}&a=1 b%20c`, KEY)).toBe('GET /x?[key]&a=1 b%20c');
  });

  it('finds the key as base64 after any prefix, in both alphabets', () => {
    for (const prefix of ['', ':', 'u:', 'user:']) {
      for (const enc of ['base64', 'base64url'] as const) {
        const b64 = Buffer.from(prefix + KEY).toString(enc);
        const out = scrubKey(`Basic ${b64} end`, KEY);
        expect(out, `${prefix} ${enc}`).toMatch(/^Basic .{0,8}\[key\].{0,8} end$/);
      }
    }
  });
});
