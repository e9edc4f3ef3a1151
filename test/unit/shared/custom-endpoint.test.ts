/** The custom endpoint's mapping rules: the path syntax, the schema, and the URL split. */
import { describe, expect, it } from 'vitest';
import {
  customEndpointSchema,
  customMappingSchema,
  describeMappingIssue,
  endpointFromUrl,
  formatJsonPath,
  parseJsonPath,
  readJsonPath,
} from '../../../shared/custom-endpoint';

const steps = (text: string) => {
  const p = parseJsonPath(text);
  if (!p.ok) throw new Error(p.error);
  return p.steps;
};
const refused = (text: string) => {
  const p = parseJsonPath(text);
  if (p.ok) throw new Error(`expected "${text}" to be refused`);
  return p.error;
};

describe('parseJsonPath', () => {
  it.each([
    ['balance', ['balance']],
    ['data.balance', ['data', 'balance']],
    [' data.total_balance ', ['data', 'total_balance']],
    ['data.items[0].amount', ['data', 'items', 0, 'amount']],
    ['balance_infos[1]', ['balance_infos', 1]],
    ['[0].balance', [0, 'balance']],
    ['a[2][3]', ['a', 2, 3]],
    ['$meta.x-y', ['$meta', 'x-y']],
  ])('%s -> %j', (text, want) => {
    expect(steps(text)).toEqual(want);
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['data..balance', /unusable part ""/],
    ['data.', /unusable part ""/],
    ['.data', /unusable part ""/],
    ['data.[0]', /empty part before "\[0\]"/],
    ['data[x]', /unusable part "data\[x\]"/],
    ['data[-1]', /unusable part/],
    ['data["a"]', /unusable part/],
    ['da ta', /characters other than/],
    ['data.bal*', /characters other than/],
    ['data.__proto__()', /characters other than/],
  ])('refuses %j', (text, why) => {
    expect(refused(text)).toMatch(why);
  });

  it('refuses paths longer than 200 characters or deeper than 16 steps', () => {
    expect(refused('a'.repeat(201))).toMatch(/longer than 200/);
    expect(steps('a'.repeat(200))).toHaveLength(1);
    expect(refused(Array(17).fill('a').join('.'))).toMatch(/deeper than 16/);
    expect(steps(Array(16).fill('a').join('.'))).toHaveLength(16);
  });
});

describe('readJsonPath', () => {
  const body = { data: { items: [{ amount: '1.5' }, { amount: 0 }], none: null }, list: [7] };
  it('walks members and indices, and finds falsy values as values', () => {
    expect(readJsonPath(body, steps('data.items[1].amount'))).toEqual({ found: true, value: 0 });
    expect(readJsonPath(body, steps('data.none'))).toEqual({ found: true, value: null });
    expect(readJsonPath([{ b: 2 }], steps('[0].b'))).toEqual({ found: true, value: 2 });
  });
  it('says where the answer stops matching and which members are there', () => {
    expect(readJsonPath(body, steps('data.balance'))).toEqual({
      found: false,
      at: 1,
      keys: ['items', 'none'],
    });
    expect(readJsonPath(body, steps('data.items[2].amount'))).toMatchObject({ found: false, at: 2 });
    expect(readJsonPath(body, steps('list.x'))).toEqual({ found: false, at: 1, keys: [] });
    expect(readJsonPath(body, steps('data.none.x'))).toEqual({ found: false, at: 2, keys: [] });
    expect(readJsonPath({ a: 1 }, steps('[0]'))).toEqual({ found: false, at: 0, keys: ['a'] });
  });
  it('never reads inherited members such as constructor or __proto__', () => {
    expect(readJsonPath({}, steps('constructor'))).toMatchObject({ found: false });
    expect(readJsonPath({}, steps('toString'))).toMatchObject({ found: false });
  });
  it('lists at most 12 members', () => {
    const wide = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i]));
    const r = readJsonPath(wide, steps('missing'));
    expect(r.found ? [] : r.keys).toHaveLength(12);
  });
});

describe('formatJsonPath', () => {
  it('writes steps back in the syntax they were typed in', () => {
    for (const text of ['data.items[0].amount', '[0].balance', 'a[2][3]', 'x'])
      expect(formatJsonPath(steps(text))).toBe(text);
  });
});

describe('customMappingSchema', () => {
  const ok = (v: unknown) => customMappingSchema.parse(v);
  const issue = (v: unknown) => {
    const r = customMappingSchema.safeParse(v);
    if (r.success) throw new Error('expected a refusal');
    return describeMappingIssue(r.error);
  };
  const base = { keyPlacement: 'bearer', balance: 'data.balance', currency: 'usd' };

  it('accepts a minimal mapping and upper-cases the currency', () => {
    expect(ok(base)).toEqual({ keyPlacement: 'bearer', balance: 'data.balance', currency: 'USD' });
  });
  it('accepts a header placement with its header, and every optional path', () => {
    expect(
      ok({
        keyPlacement: 'header',
        keyHeader: 'X-Api-Key',
        balance: 'b',
        currencyPath: 'c',
        granted: 'g',
        toppedUp: 't',
        decimals: 4,
      }),
    ).toMatchObject({ keyHeader: 'X-Api-Key', decimals: 4 });
  });
  it.each([
    [{ ...base, currency: undefined }, /currency: give either a currency code/],
    [{ ...base, currencyPath: 'data.cur' }, /not both/],
    [{ ...base, currency: 'dollars' }, /currency: a currency is a three-letter code/],
    [{ ...base, keyPlacement: 'header' }, /keyHeader: name the header/],
    [{ ...base, keyHeader: 'X-Key' }, /only applies when the key is sent in a header/],
    [{ ...base, keyPlacement: 'header', keyHeader: 'Cookie' }, /means something else to HTTP/],
    [{ ...base, keyPlacement: 'header', keyHeader: 'Host' }, /means something else to HTTP/],
    [{ ...base, keyPlacement: 'header', keyHeader: 'X Key' }, /letters, digits and -/],
    [{ ...base, keyPlacement: 'header', keyHeader: 'X-Key\r\nEvil: 1' }, /letters, digits and -/],
    [{ ...base, keyPlacement: 'query' }, /keyPlacement/],
    [{ ...base, balance: 'data..balance' }, /balance: the JSON path has an unusable part/],
    [{ ...base, granted: '' }, /granted: the JSON path is empty/],
    [{ ...base, decimals: 9 }, /decimals/],
    [{ ...base, decimals: 1.5 }, /decimals/],
    [{ ...base, script: 'x' }, /script|Unrecognized/i],
  ])('refuses %j', (mapping, why) => {
    expect(issue(mapping)).toMatch(why);
  });
});

describe('endpointFromUrl', () => {
  const mapping = { keyPlacement: 'bearer' as const, balance: 'b', currency: 'USD' };
  it('splits the full URL into the origin and the path with its query', () => {
    expect(endpointFromUrl(' https://gw.example.com:8443/api/balance?detail=1 ', mapping)).toEqual({
      ok: true,
      origin: 'https://gw.example.com:8443',
      custom: { path: '/api/balance?detail=1', ...mapping },
    });
    // Typed spaces arrive percent-encoded, as the browser and curl would send them.
    expect(endpointFromUrl('https://gw.example.com/my balance', mapping)).toMatchObject({
      custom: { path: '/my%20balance' },
    });
    expect(endpointFromUrl('https://gw.example.com', mapping)).toMatchObject({
      ok: true,
      custom: { path: '/' },
    });
  });
  it.each([
    ['gw.example.com/balance', /not a URL/],
    ['https://gw.example.com/b#frag', /fragment/],
    ['https://me:pw@gw.example.com/b', /user name or password/],
  ])('refuses %s', (url, why) => {
    const r = endpointFromUrl(url, mapping);
    expect(r.ok ? '' : r.error).toMatch(why);
  });
});

describe('customEndpointSchema (the stored form)', () => {
  const stored = { path: '/api/balance', keyPlacement: 'raw', balance: 'b', currency: 'CNY' };
  it('accepts a stored endpoint', () => {
    expect(customEndpointSchema.parse(stored)).toEqual(stored);
  });
  it.each(['//evil.example/steal', 'api/balance', '/a\\b', '/a#b'])('refuses the path %s', (path) => {
    expect(customEndpointSchema.safeParse({ ...stored, path }).success).toBe(false);
  });
});
