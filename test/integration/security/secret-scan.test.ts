/**
 * The leak hunt: one full life cycle with a known key (real core, file history store in a
 * temp data dir, node Http, fake DeepSeek, memory keychain, IPC through registerIpc, a
 * logger writing to a file, the CLI as a child process), then every byte the app wrote or
 * said is searched for the key, for its body without the `sk-` prefix, and for any 10
 * characters of it in a row (a mask shows 4). The count of secrets found must be zero.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { createCore } from '../../../main/core/create-core';
import type { CoreApi } from '../../../main/core/app-core';
import { createNodeHttp } from '../../../main/core/http-node';
import { createLogger } from '../../../main/core/logger';
import type { NotificationRequest } from '../../../main/core/ports';
import { registerIpc } from '../../../main/shell/ipc-main';
import { createTrustedSenderCheck } from '../../../main/shell/trusted-sender';
import { APP_ENTRY_URL } from '../../../main/shell/app-scheme';
import { exportHistory } from '../../../shared/analytics/history-csv';
import { wire, type InvokeChannel, type InvokeRequest } from '../../../shared/ipc';
import type { AppState } from '../../../shared/model';
import { invokeIpc, resetElectronFake } from '../../fakes/electron';
import { createMemorySecretStore } from '../../fakes/memory-secret-store';
import { cnyRow, startFakeDeepSeek, ZERO_USD_ROW, type FakeDeepSeek } from '../../fakes/deepseek-server';
import { runCli, type CliRun } from '../cli/run-cli';

const KEY = 'sk-5ec2e75ca1ab1e5ec2e75ca1ab1e0042';
const OURS = APP_ENTRY_URL;

/** Every way the key could show up: whole, without its prefix, or any 10-character run. */
const needles = [KEY, KEY.slice(3), ...Array.from({ length: KEY.length - 9 }, (_, i) => KEY.slice(i, i + 10))];
const findings = (where: string, text: string): string[] =>
  needles.some((n) => text.includes(n)) ? [where] : [];

let ds: FakeDeepSeek;
let dataDir: string;
let logFile: string;
const pushed: string[] = [];
const replies: string[] = [];
const notes: NotificationRequest[] = [];
const cli: CliRun[] = [];

/** Files under a directory, recursively, with their text. */
function filesUnder(dir: string): [string, string][] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [[p, readFileSync(p, 'latin1')] as [string, string]];
  });
}

/** Resolves with the first state (pushed or current) that satisfies `pred`; fails loudly after 15 s. */
const until = (core: CoreApi, what: string, pred: (s: AppState) => boolean) =>
  new Promise<AppState>((resolve, reject) => {
    if (pred(core.getState())) return resolve(core.getState());
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no state with ${what}; last: ${JSON.stringify(core.getState().accounts[0])}`));
    }, 15_000);
    const off = core.subscribe((s) => {
      if (pred(s)) {
        clearTimeout(timer);
        off();
        resolve(s);
      }
    });
  });

async function ipc<C extends InvokeChannel>(channel: C, payload: InvokeRequest<C>) {
  const r = (await invokeIpc(wire(channel), payload, OURS)) as { ok: boolean; value?: unknown };
  replies.push(JSON.stringify(r));
  return r;
}

/** A manual refresh that really reaches the server (a refresh during a poll joins that poll). */
async function pollOnce(id: string): Promise<void> {
  const before = ds.count();
  for (let i = 0; i < 5 && ds.count() === before; i++) await ipc('accounts:refresh', { id });
  expect(ds.count()).toBeGreaterThan(before);
}

beforeAll(async () => {
  resetElectronFake();
  ds = await startFakeDeepSeek({ keys: [KEY] });
  dataDir = mkdtempSync(join(tmpdir(), 'creditray-secret-scan-'));
  logFile = join(mkdtempSync(join(tmpdir(), 'creditray-log-')), 'creditray.log');
  const logger = createLogger({ sink: (line) => appendFileSync(logFile, line + '\n') });
  const core = await createCore({
    dataDir,
    http: createNodeHttp(),
    secrets: createMemorySecretStore(),
    conf: new Conf({ cwd: dataDir, configName: 'config', projectName: 'creditray' }),
    notifier: { show: (n) => void notes.push(n) },
    logger,
    systemLocale: 'en-US',
    demo: false,
  });
  core.subscribe((s) => void pushed.push(JSON.stringify(s)));
  registerIpc({ core, isTrustedSender: createTrustedSenderCheck({}), openExternal: async () => {}, logger });

  // Add through IPC, exactly as the renderer does (with the stray whitespace of a paste).
  const added = await ipc('accounts:add', { provider: 'deepseek', label: 'Work', key: `  ${KEY}\n`, baseUrl: ds.url });
  expect(added.ok).toBe(true);
  const id = (added.value as { id: string }).id;
  await until(core, 'a healthy account', (s) => s.accounts[0]?.level === 'healthy');

  // Polls with a moving balance, so the history has something to export.
  for (const total of ['90.00', '41.50', '9.99']) {
    ds.setBalance({ rows: [cnyRow(total), ZERO_USD_ROW] });
    await pollOnce(id);
    await until(core, `balance ${total}`, (s) => s.accounts[0]?.headline?.total === total);
  }
  // A 401, then a relay that echoes the key back in its error body, then recovery.
  ds.setValidKeys([]);
  await pollOnce(id);
  await until(core, 'an auth error', (s) => s.accounts[0]?.error?.kind === 'auth');
  ds.setValidKeys([KEY]);
  ds.enqueue({ kind: 'json', status: 500, body: { error: { message: `upstream refused Bearer ${KEY} (key ${KEY.slice(3)})` } } });
  await pollOnce(id);
  await until(core, 'a server error', (s) => s.accounts[0]?.error !== null && s.accounts[0]?.error?.kind !== 'auth');
  await pollOnce(id);
  await until(core, 'recovery', (s) => s.accounts[0]?.error === null);

  await ipc('accounts:replace-key', { id, key: KEY });
  await ipc('accounts:update', { id, patch: { label: 'Main', thresholds: { low: '50', critical: '10' } } });
  await ipc('settings:update', { theme: 'dark' });
  await ipc('state:get', undefined);
  const history = await ipc('history:get', { id });
  expect((history.value as unknown[]).length).toBeGreaterThan(3);

  // Exports, as the history view writes them.
  const snaps = await core.getHistory({ id });
  if (!snaps.ok) throw new Error(snaps.error.message);
  mkdirSync(join(dataDir, 'exports'));
  writeFileSync(join(dataDir, 'exports', 'history.csv'), exportHistory(snaps.value, { format: 'csv' }));
  writeFileSync(join(dataDir, 'exports', 'history.json'), exportHistory(snaps.value, { format: 'json' }));

  // A careless developer logs the key in every way at once.
  logger.error(`oops ${KEY}`, { key: KEY, header: `Bearer ${KEY}`, note: `body ${KEY.slice(3)}`, [KEY]: 1 });
  await core.stop();

  // The CLI with the key in an environment variable: healthy, then refused.
  const args = ['check', '--provider', 'deepseek', '--key-env', 'CR_KEY', '--base-url', ds.url, '--json'];
  cli.push(await runCli(args, { env: { CR_KEY: KEY }, dataDir }));
  ds.setValidKeys([]);
  cli.push(await runCli(args, { env: { CR_KEY: KEY }, dataDir }));
  cli.push(await runCli(['diagnose', ...args.slice(1)], { env: { CR_KEY: KEY }, dataDir }));
  ds.setValidKeys([KEY]);
  ds.enqueue({ kind: 'raw', status: 502, body: `<html>bad gateway for ${KEY}</html>`, headers: { 'content-type': 'text/html' } });
  cli.push(await runCli(args.filter((a) => a !== '--json'), { env: { CR_KEY: KEY }, dataDir }));
}, 120_000);

afterAll(async () => {
  await ds?.close();
});

describe('secret scan after a full cycle', () => {
  it('the key really was used (the scan is not looking at an empty run)', () => {
    expect(ds.requests.some((r) => r.authorization === `Bearer ${KEY}`)).toBe(true);
    expect(pushed.length).toBeGreaterThan(5);
    expect(cli.map((r) => r.code)).toEqual([1, 3, expect.any(Number), 3]); // 9.99 CNY is low
    expect(readFileSync(logFile, 'utf8')).toContain('[redacted]');
    expect(filesUnder(dataDir).map(([p]) => p.slice(dataDir.length))).toEqual(
      expect.arrayContaining(['/config.json', '/exports/history.csv', '/exports/history.json']),
    );
  });

  it('finds the key nowhere: data dir, log file, CLI output, pushes, IPC replies, notifications', () => {
    const found = [
      ...filesUnder(dataDir).flatMap(([p, text]) => findings(p, text)),
      ...findings('log file', readFileSync(logFile, 'utf8')),
      ...cli.flatMap((r, i) => [...findings(`cli ${i} stdout`, r.stdout), ...findings(`cli ${i} stderr`, r.stderr)]),
      ...pushed.flatMap((s, i) => findings(`push ${i}`, s)),
      ...replies.flatMap((s, i) => findings(`reply ${i}`, s)),
      ...findings('notifications', JSON.stringify(notes)),
    ];
    const surfaces = filesUnder(dataDir).length + 1 + cli.length * 2 + pushed.length + replies.length + 1;
    console.info(`secret-scan: ${surfaces} surfaces searched (${pushed.length} pushed states, ${replies.length} IPC replies), ${found.length} secrets found`);
    expect(found).toEqual([]);
  });
});
