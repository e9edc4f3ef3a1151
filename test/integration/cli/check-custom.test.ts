/**
 * `--provider custom` through the real CLI child process: the mapping from flags or from a
 * file, the JSON contract and exit codes, usage errors that name the flag to fix, and an
 * account added to the real keychain that `check --account` then reads with its mapping.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';
import { json, startFakeProvider, type FakeProvider } from '../../fakes/provider-server';
import { CUSTOM } from '../../fakes/provider-bodies';

const KEY = 'gw-cli-0123456789abcdefABCDEF0123456789';
const env = { K: KEY };
const hasKeyring = process.env.CREDITRAY_TEST_KEYRING === '1';
let fake: FakeProvider;
const dataDir = () => mkdtempSync(join(tmpdir(), 'creditray-cli-custom-'));
const check = (flags: string[], url = `${fake.url}/api/balance?fmt=json`) =>
  runCli(['check', '--provider', 'custom', '--key-env', 'K', '--base-url', url, '--json', ...flags], {
    env,
    dataDir: dataDir(),
  });
const first = (stdout: string) => JSON.parse(stdout).accounts[0];

beforeAll(async () => {
  fake = await startFakeProvider();
});
beforeEach(() => fake.reset({ '/api/balance': json(CUSTOM.nested) }));
afterAll(() => fake.close());

describe('creditray check --provider custom (real CLI)', () => {
  it('reads the balance through flags: exact amount, currency from the answer, gift part, exit 0', async () => {
    const r = await check(['--balance-path', 'data.balance', '--currency-path', 'data.currency', '--granted-path', 'data.gift_balance']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(first(r.stdout)).toMatchObject({
      provider: 'custom',
      label: new URL(fake.url).host,
      state: 'healthy',
      headline: { currency: 'USD', total: '12.3456' },
      balances: [{ currency: 'USD', total: '12.3456', granted: '2.00', toppedUp: '10.3456' }],
      error: null,
    });
    expect(fake.requests[0]).toMatchObject({ query: 'fmt=json', authorization: `Bearer ${KEY}` });
    expect(r.stdout + r.stderr).not.toContain(KEY);
  });

  it('reads the same from a mapping file, with the key in its own header', async () => {
    const file = join(dataDir(), 'mapping.json');
    writeFileSync(file, JSON.stringify({ keyPlacement: 'header', keyHeader: 'X-Api-Key', balance: 'data.balance', currency: 'usd' }));
    const r = await check(['--mapping', file]);
    expect(r.code).toBe(0);
    expect(first(r.stdout).headline).toEqual({ currency: 'USD', total: '12.3456' });
    expect(fake.requests[0]?.headers['x-api-key']).toBe(KEY);
    expect(fake.requests[0]?.authorization).toBeNull();
  });

  it('an empty balance is depleted (exit 2); whole sub-units are shifted exactly', async () => {
    fake.reset({ '/api/balance': json(CUSTOM.nestedEmpty) });
    expect((await check(['--balance-path', 'data.balance', '--currency', 'USD'])).code).toBe(2);
    fake.reset({ '/api/balance': json(CUSTOM.units) });
    const r = await check(['--balance-path', 'data.quota', '--currency', 'USD', '--decimals', '4', '--key-raw']);
    expect(first(r.stdout).headline).toEqual({ currency: 'USD', total: '123.45' });
    expect(fake.requests[0]?.authorization).toBe(KEY);
  });

  it('an answer that says calls are not allowed is unavailable (exit 2), though money is left', async () => {
    fake.reset({ '/api/balance': json({ data: { balance: '30.00', is_available: false } }) });
    const r = await check(['--balance-path', 'data.balance', '--currency', 'CNY', '--available-path', 'data.is_available']);
    expect(r.code).toBe(2);
    expect(first(r.stdout)).toMatchObject({ state: 'unavailable', headline: { currency: 'CNY', total: '30.00' } });
  });

  it('a mapping that does not fit exits 3 and names the path and the members that are there', async () => {
    const r = await check(['--balance-path', 'data.credit', '--currency', 'USD']);
    expect(r.code).toBe(3);
    const a = first(r.stdout);
    expect(a.error.kind).toBe('bad-response');
    expect(a.error.message).toMatch(/nothing at data\.credit.*it has: balance, gift_balance, currency, email/);
  });

  it.each([
    [[], /needs the mapping: --balance-path PATH and --currency CODE/],
    [['--balance-path', 'data.balance'], /--currency \/ --currency-path: give either a currency code/],
    [['--balance-path', 'data..x', '--currency', 'USD'], /--balance-path: the JSON path has an unusable part/],
    [['--balance-path', 'b', '--currency', 'USD', '--key-header', 'Cookie'], /--key-header: that header means something else/],
    [['--balance-path', 'b', '--currency', 'USD', '--key-header', 'X-K', '--key-raw'], /either --key-header NAME or --key-raw/],
    [['--balance-path', 'b', '--currency', 'USD', '--decimals', 'four'], /--decimals expects a whole number/],
    [['--balance-path', 'b', '--currency', 'USD', '--mapping', 'm.json'], /either in --mapping FILE or with flags such as --balance-path/],
    [['--mapping', '/nonexistent/m.json'], /--mapping: cannot read \/nonexistent\/m\.json \(ENOENT\)/],
  ])('usage error (exit 64, nothing sent): %j', async (flags, why) => {
    const r = await check(flags);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(why);
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses a URL the key must not travel to, before sending anything', async () => {
    const r = await check(['--balance-path', 'b', '--currency', 'USD'], 'http://gw.example.com/api/balance');
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/only https is allowed/);
    const noUrl = await runCli(['check', '--provider', 'custom', '--key-env', 'K', '--balance-path', 'b', '--currency', 'USD'], { env, dataDir: dataDir() });
    expect(noUrl.code).toBe(64);
    expect(noUrl.stderr).toMatch(/--provider custom needs --base-url with the full URL/);
  });

  it('mapping flags with another provider are a usage error', async () => {
    const r = await runCli(['check', '--provider', 'deepseek', '--key-env', 'K', '--balance-path', 'b'], { env, dataDir: dataDir() });
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/--balance-path only applies with --provider custom/);
  });

  it('--help documents every mapping flag', async () => {
    const r = await runCli(['check', '--help'], { env, dataDir: dataDir() });
    for (const flag of ['--balance-path', '--currency-path', '--granted-path', '--topped-up-path', '--available-path', '--decimals', '--key-header', '--key-raw', '--mapping'])
      expect(r.stdout).toContain(flag);
  });
});

describe.skipIf(!hasKeyring)('creditray accounts add --provider custom (real keychain)', () => {
  it('stores the mapping with the account; check --account reads through it; remove cleans up', async () => {
    const dir = dataDir();
    const url = `${fake.url}/api/balance?fmt=json`;
    const added = await runCli(
      ['accounts', 'add', '--provider', 'custom', '--base-url', url, '--balance-path', 'data.balance', '--currency-path', 'data.currency', '--key-header', 'X-Api-Key'],
      { dataDir: dir, stdin: `${KEY}\n` },
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const label = new URL(fake.url).host;
    expect(added.stdout).toContain(`Added "${label}"`);
    expect(fake.requests[0]?.headers['x-api-key']).toBe(KEY); // verified before saving
    const listed = JSON.parse((await runCli(['accounts', 'list', '--json'], { dataDir: dir })).stdout).accounts;
    expect(listed).toEqual([
      expect.objectContaining({
        provider: 'custom',
        baseUrl: fake.url,
        custom: { path: '/api/balance?fmt=json', keyPlacement: 'header', keyHeader: 'X-Api-Key', balance: 'data.balance', currencyPath: 'data.currency' },
      }),
    ]);
    expect((await runCli(['accounts', 'list'], { dataDir: dir })).stdout).toContain(`${fake.url}/api/balance?fmt=json`);
    fake.reset({ '/api/balance': json(CUSTOM.nestedEmpty) });
    const r = await runCli(['check', '--account', label, '--json'], { dataDir: dir });
    expect(r.code).toBe(2);
    expect(first(r.stdout)).toMatchObject({ state: 'depleted', headline: { currency: 'USD', total: '0' } });
    expect(fake.requests[0]).toMatchObject({ path: '/api/balance', query: 'fmt=json' });
    expect(fake.requests[0]?.headers['x-api-key']).toBe(KEY);
    expect((await runCli(['accounts', 'remove', '--account', label], { dataDir: dir })).code).toBe(0);
  }, 60_000);

  it('set-endpoint re-verifies the stored key with a new mapping; a misfit or bad flag changes nothing', async () => {
    const dir = dataDir();
    const label = 'GW';
    const add = await runCli(
      ['accounts', 'add', '--provider', 'custom', '--label', label, '--base-url', `${fake.url}/api/balance`, '--balance-path', 'data.balance', '--currency', 'USD'],
      { dataDir: dir, stdin: `${KEY}\n` },
    );
    expect(add.code).toBe(0);
    fake.reset({ '/api/quota': json(CUSTOM.units) });
    const misfit = await runCli(
      ['accounts', 'set-endpoint', '--account', 'gw', '--base-url', `${fake.url}/api/quota`, '--balance-path', 'data.balance', '--currency', 'USD'],
      { dataDir: dir },
    );
    expect(misfit.code).toBe(3);
    expect(misfit.stderr).toMatch(/Address not changed: .*nothing at data\.balance.*it has: quota, used_quota/);
    const noMapping = await runCli(['accounts', 'set-endpoint', '--account', 'gw', '--base-url', `${fake.url}/api/quota`], { dataDir: dir });
    expect(noMapping.code).toBe(64);
    expect(noMapping.stderr).toMatch(/needs the mapping/);
    const moved = await runCli(
      ['accounts', 'set-endpoint', '--account', 'gw', '--base-url', `${fake.url}/api/quota`, '--balance-path', 'data.quota', '--decimals', '4', '--currency', 'USD', '--key-raw'],
      { dataDir: dir },
    );
    expect(moved.stderr).toBe('');
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain(`"GW" is now checked at ${fake.url}/api/quota`);
    expect(fake.requests.at(-1)?.authorization).toBe(KEY);
    const r = await runCli(['check', '--account', 'GW', '--json'], { dataDir: dir });
    expect(first(r.stdout).headline).toEqual({ currency: 'USD', total: '123.45' });
    const setKeyWithMapping = await runCli(['accounts', 'set-key', '--account', 'GW', '--balance-path', 'x'], { dataDir: dir, stdin: `${KEY}\n` });
    expect(setKeyWithMapping.code).toBe(64);
    expect(setKeyWithMapping.stderr).toMatch(/set-key changes only the key; --balance-path is not accepted/);
    expect((await runCli(['accounts', 'remove', '--account', 'GW'], { dataDir: dir })).code).toBe(0);
  }, 90_000);

  it('asks for no key when the mapping is missing', async () => {
    const r = await runCli(['accounts', 'add', '--provider', 'custom', '--base-url', `${fake.url}/b`], { dataDir: dataDir(), stdin: `${KEY}\n` });
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/needs the mapping/);
    expect(fake.requests).toHaveLength(0);
  });
});
