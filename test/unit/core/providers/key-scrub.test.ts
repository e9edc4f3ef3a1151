/**
 * The key never survives in an error message, however the server echoes it (issue 11):
 * cut by truncation, in part, base64-encoded or percent-encoded.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scrubSecrets } from '../../../../main/core/providers/http-errors';

/** The rule (main/core/providers/key-scrub.ts): no 8 key characters in a row survive. */
const MIN_RUN = 8;
const scrubKey = (text: string, key: string) => scrubSecrets(text, key);
import { classifyAnswer } from '../../../../main/core/providers/deepseek-parse';

const KEY = 'sk-9f3a7c1e5b2d8046af13c9e7b5d20a4f';

/** The longest run of consecutive key characters in `text`. */
function longestKeyRun(text: string, key = KEY): number {
  let best = 0;
  for (let i = 0; i < key.length; i++)
    for (let j = i + 1; j <= key.length; j++)
      if (j - i > best && text.includes(key.slice(i, j))) best = j - i;
  return best;
}

const answer = (message: string) =>
  classifyAnswer(
    {
      status: 401,
      headers: new Headers({ 'content-type': 'application/json' }),
      body: JSON.stringify({ error: { message, type: 'authentication_error' } }),
      type: 'basic',
    },
    { at: 0, host: 'api.deepseek.com', key: KEY },
  );

describe('the key scrubber', () => {
  it('scrubs before the 200-character cut, so a key split by the cut is not left half visible', () => {
    for (let pad = 150; pad <= 200; pad++) {
      const msg = answer(`${'x'.repeat(pad)} Your api key: ${KEY} is invalid`).message;
      expect(longestKeyRun(msg)).toBeLessThan(MIN_RUN);
    }
  });

  it('catches partial echoes of 8 or more characters, with or without the sk- prefix', () => {
    expect(longestKeyRun(scrubKey(`key ${KEY.slice(0, 34)}… rejected`, KEY))).toBeLessThan(MIN_RUN);
    expect(longestKeyRun(scrubKey(`key ${KEY.slice(3)} rejected`, KEY))).toBeLessThan(MIN_RUN);
    expect(longestKeyRun(scrubKey(`tail ${KEY.slice(-12)} rejected`, KEY))).toBeLessThan(MIN_RUN);
    // The short tail DeepSeek itself shows is kept: users tell keys apart by it.
    expect(scrubKey('Your api key: ****a4f is invalid', KEY)).toBe(
      'Your api key: ****a4f is invalid',
    );
  });

  it('catches base64 echoes at every alignment (a proxy echoing a Basic auth header)', () => {
    for (const prefix of ['', ':', 'u:', 'user:']) {
      for (const enc of ['base64', 'base64url'] as const) {
        const b64 = Buffer.from(prefix + KEY).toString(enc);
        const out = scrubKey(`Proxy-Authorization: Basic ${b64}`, KEY);
        expect(out).toContain('[key]');
        expect(
          Buffer.from(out.replace(/^.*Basic /, '').replace('[key]', ''), 'base64').toString(
            'latin1',
          ),
        ).not.toContain(KEY.slice(3, 3 + MIN_RUN));
      }
    }
  });

  it('catches base64 and base64url echoes of a key whose encoding holds + and / (or - and _)', () => {
    // Custom endpoints and relays take any key; these characters encode to '+' and '/'.
    const key = 'tok>>>?~~~>?>?~~>>>?~~?';
    const std = Buffer.from(key).toString('base64');
    expect(std).toMatch(/\+/);
    expect(std).toMatch(/\//);
    for (const prefix of ['', ':', 'u:', 'user:'])
      for (const enc of ['base64', 'base64url'] as const) {
        const b64 = Buffer.from(prefix + key).toString(enc);
        const out = scrubKey(`echo: Basic ${b64} end`, key);
        const core = b64.slice(8, 24);
        expect(out, `${enc} after ${JSON.stringify(prefix)}`).toContain('[key]');
        expect(out, `${enc} after ${JSON.stringify(prefix)}`).not.toContain(core.slice(0, MIN_RUN));
        expect(out).toMatch(/^echo: Basic .*\[key\].* end$/);
      }
  });

  it('removes a key of exactly MIN_RUN characters wherever it is echoed', () => {
    expect(scrubKey('the key abcd1234 was refused', 'abcd1234')).toBe('the key [key] was refused');
  });

  it('catches percent-encoded echoes, fully or partly encoded', () => {
    const full = [...KEY].map((c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
    expect(scrubKey(`GET /x?key=${full} failed`, KEY)).toBe('GET /x?[key] failed');
    const partly = 'sk%2D' + KEY.slice(3);
    expect(scrubKey(`GET /x?key=${partly}`, KEY)).not.toContain(KEY.slice(3, 3 + MIN_RUN));
  });

  it('never leaves MIN_RUN key characters in a row, wherever the key sits in random text', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }),
        fc.string({ maxLength: 80 }),
        fc.integer({ min: 0, max: KEY.length - MIN_RUN }),
        fc.integer({ min: MIN_RUN, max: KEY.length }),
        (a, b, start, len) => {
          const out = scrubKey(a + KEY.slice(start, start + len) + b, KEY);
          return longestKeyRun(out) < MIN_RUN || longestKeyRun(a + b) >= MIN_RUN;
        },
      ),
    );
  });
});
