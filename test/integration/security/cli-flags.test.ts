/**
 * Every CLI command with bad flag values: exit 64 and a message that says what was expected.
 * Complements test/integration/cli/*.test.ts (which already cover --bogus, a wrong provider,
 * a missing/unset --key-env, http base URL, empty/unknown --account, --demo conflicts,
 * --format xml, bad dates, --from after --to, import without file or account); nothing here
 * repeats those. The key never shows up in any of these messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/run-cli';
import { FAKE_DEEPSEEK_KEY, startFakeDeepSeek, type FakeDeepSeek } from '../../fakes/deepseek-server';

let ds: FakeDeepSeek;
/** A data dir with the demo account, so account-bound commands get past "no accounts". */
let withDemo: string;
const fresh = () => mkdtempSync(join(tmpdir(), 'creditray-cli-flags-'));
const env = { DS_KEY: FAKE_DEEPSEEK_KEY };
const adHoc = (...extra: string[]) => ['--provider', 'deepseek', '--key-env', 'DS_KEY', ...extra];

beforeAll(async () => {
  ds = await startFakeDeepSeek();
  withDemo = fresh();
  const added = await runCli(['accounts', 'add', '--provider', 'demo', '--label', 'Sim'], { dataDir: withDemo });
  expect(added.code).toBe(0);
});
afterAll(async () => {
  await ds.close();
});

type Case = [args: string[], expected: RegExp, opts?: { env?: Record<string, string>; demoDir?: boolean }];
const cases: Case[] = [
  // Flags every command shares.
  ...(['check', 'diagnose', 'history export'] as const).flatMap((cmd): Case[] => [
    [[...cmd.split(' '), '--data-dir'], /--data-dir <value>' argument missing/],
    [[...cmd.split(' '), '--data-dir', ''], /--data-dir .* is empty: give a folder/],
    [[...cmd.split(' '), '--json=yes'], /'--json' does not take an argument/],
    [[...cmd.split(' '), '-z'], /Unknown option '-z'; expected one of --json, --data-dir/],
  ]),
  [['accounts', 'list', '--data-dir', ' '], /is empty: give a folder/],
  [['accounts', 'list', '--frobnicate'], /expected one of .*--label/],
  // check
  [['check', '--account'], /--account <value>' argument missing/],
  [['check', 'extra'], /Unexpected argument 'extra'/],
  [['check', '--demo', '--label', ''], /--label needs a value/],
  [['check', ...adHoc('--base-url', 'javascript:alert(1)')], /"javascript:" is not a web address.*https:\/\//, { env }],
  [['check', ...adHoc('--base-url', 'file:///etc/passwd')], /"file:" is not a web address/, { env }],
  [['check', ...adHoc('--base-url', 'https://me:pw@api.deepseek.com')], /must not contain a user name or password/, { env }],
  [['check', ...adHoc('--base-url', 'http://192.168.1.9:8080')], /only https is allowed/, { env }],
  [['check', ...adHoc('--base-url', 'https://api.deepseek.com/?x=1')], /must not contain a query/, { env }],
  [['check', ...adHoc('--base-url', 'not a url')], /is not a URL \(expected e.g. https:\/\/api.deepseek.com\)/, { env }],
  [['check', ...adHoc('--base-url', '')], /is not a URL/, { env }],
  [['check', '--base-url', 'https://api.deepseek.com'], /--base-url only applies with --provider and --key-env/],
  [['check', '--key-env', 'DS_KEY'], /--provider must be one of deepseek, .* \(got nothing\)/, { env }],
  [['check', '--provider', 'demo', '--key-env', 'DS_KEY'], /--provider must be one of deepseek.*use --demo/, { env }],
  [['check', '--provider', '', '--key-env', 'DS_KEY'], /--provider needs a value/, { env }],
  [['check', '--provider', 'deepseek', '--key-env', ''], /--key-env needs a value/],
  [['check', '--provider', 'deepseek', '--key-env', FAKE_DEEPSEEK_KEY], /the name of an environment variable .* not the key itself/],
  [['check', ...adHoc()], /line break/, { env: { DS_KEY: 'sk-0123456789abcdef\n0123456789abc18b' } }],
  [['check', ...adHoc()], /not plain ASCII/, { env: { DS_KEY: '“sk-0123456789abcdef0123456789abc18b”' } }],
  [['check', ...adHoc()], /OpenAI project key.*not a DeepSeek key/, { env: { DS_KEY: 'sk-proj-AbCdEf0123456789AbCdEf0123456789' } }],
  [['check', ...adHoc()], /Anthropic key/, { env: { DS_KEY: 'sk-ant-api03-AbCdEf0123456789AbCdEf' } }],
  [['check', ...adHoc()], /4000 characters long/, { env: { DS_KEY: 'x'.repeat(4000) } }],
  // accounts
  [['accounts'], /Usage: creditray accounts list/],
  [['accounts', 'list', 'extra'], /unexpected argument "extra"/],
  [['accounts', 'add', '--provider', ''], /--provider needs a value/],
  [['accounts', 'add', '--label', ' '], /--label needs a value/],
  [['accounts', 'add', '--base-url', 'http://evil.example'], /--base-url: .*only https is allowed/],
  [['accounts', 'add', '--base-url', 'javascript:void(0)'], /"javascript:" is not a web address/],
  [['accounts', 'add', '--base-url', 'https://u:p@api.deepseek.com'], /user name or password/],
  [['accounts', 'add', '--label'], /--label <value>' argument missing/],
  [['accounts', 'remove'], /remove needs --account LABEL/],
  [['accounts', 'remove', '--account', 'Nobody'], /no account labelled "Nobody"/, { demoDir: true }],
  // diagnose
  [['diagnose', '--demo', '--paid-at', ''], /--paid-at expects an ISO 8601 date/],
  [['diagnose', '--demo', '--paid-at', '2026-13-45'], /--paid-at expects an ISO 8601 date.*got "2026-13-45"/],
  [['diagnose', '--demo', '--paid-at', 'tomorrow'], /ISO 8601/],
  [['diagnose', '--demo', '--error-file'], /--error-file <value>' argument missing/],
  [['diagnose', '--demo', '--error-stdin=1'], /'--error-stdin' does not take an argument/],
  [['diagnose', '--demo', '--account', 'x'], /cannot be combined/],
  [['diagnose', ...adHoc('--base-url', 'ftp://x')], /"ftp:" is not a web address/, { env }],
  [['diagnose', '--account', 'Nobody'], /no account labelled "Nobody"/, { demoDir: true }],
  // history
  [['history'], /Usage: creditray history export/],
  [['history', 'frob'], /unknown history command "frob" \(expected export or import\)/],
  [['history', 'export', '--format'], /--format <value>' argument missing/],
  [['history', 'export', '--format', 'CSV'], /--format must be one of csv, json, got "CSV"/, { demoDir: true }],
  [['history', 'export', '--format', ''], /--format must be one of csv, json/, { demoDir: true }],
  [['history', 'export', '--to', '2026-99-01'], /--to expects an ISO 8601/, { demoDir: true }],
  [['history', 'export', '--from', '2026-01-01T25:00:00Z'], /--from expects an ISO 8601/, { demoDir: true }],
  [['history', 'export', '--output', ''], /--output needs a value/, { demoDir: true }],
  [['history', 'export', 'file.csv'], /export takes no file argument; use --output FILE/, { demoDir: true }],
  [['history', 'import', 'a.csv', '--account', ''], /--account needs a value/, { demoDir: true }],
];

describe('CLI flags with bad values', () => {
  it.each(cases)('%j exits 64 and says what was expected', async (args, expected, opts = {}) => {
    const r = await runCli(args, { env: opts.env ?? {}, dataDir: opts.demoDir ? withDemo : fresh() });
    // A bare `accounts` / `history` prints its usage (on stdout) with the same exit code.
    const said = r.stderr + r.stdout;
    expect(said).toMatch(expected);
    expect(r.code, said).toBe(64);
    expect(said).not.toContain(FAKE_DEEPSEEK_KEY.slice(3));
    expect(said).toMatch(/See creditray( \w+)? --help|Usage: creditray/);
  });

  it('never sends the key anywhere while refusing flags', () => {
    expect(ds.requests).toEqual([]);
  });
});
