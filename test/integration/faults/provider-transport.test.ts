/**
 * Provider faults, group 3: no usable HTTP answer at all. The real undici stack produces
 * each failure for real: a server that never answers or stalls mid-body, a socket cut
 * mid-body, a closed port, a name that does not resolve, and two TLS failures (https to a
 * plain-http port, and a self-signed certificate). Each row runs the full fault story.
 */
import { execFileSync } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer, type Server } from 'node:https';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeHttp } from '../../../main/core/http-node';
import { startFakeDeepSeek, type FakeDeepSeek, type FakeReply } from '../../fakes/deepseek-server';
import { createFaultHttp, undiciDnsError } from '../../fakes/fault-http';
import { createFaultRig, realDelay } from '../../fakes/fault-rig';
import { runFaultScenario, tally, type FaultCase } from './provider-scenario';

const http = createFaultHttp(createNodeHttp());
let ds: FakeDeepSeek;
let closedPort = 0;
let tls: Server | null = null;
let tlsPort = 0;
let tmp = '';

/** Does this machine's resolver fail fast for a reserved name, without hanging? */
async function resolverFailsFast(): Promise<boolean> {
  const probe = lookup('nonexistent.invalid').then(
    () => false,
    (e: { code?: string }) =>
      e.code === 'ENOTFOUND' || e.code === 'EAI_NONAME' || e.code === 'EAI_FAIL',
  );
  return Promise.race([probe, realDelay(3000).then(() => false)]);
}
const realDns = await resolverFailsFast();
const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

beforeAll(async () => {
  ds = await startFakeDeepSeek();
  const srv = createNetServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  closedPort = (srv.address() as AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  if (hasOpenssl) {
    tmp = mkdtempSync(join(tmpdir(), 'creditray-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        join(tmp, 'key.pem'),
        '-out',
        join(tmp, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    tls = createHttpsServer(
      { key: readFileSync(join(tmp, 'key.pem')), cert: readFileSync(join(tmp, 'cert.pem')) },
      (_q, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"is_available":true,"balance_infos":[]}');
      },
    );
    await new Promise<void>((r) => tls!.listen(0, '127.0.0.1', r));
    tlsPort = (tls.address() as AddressInfo).port;
  }
});
afterAll(async () => {
  console.log(
    `[faults/transport] ${tally.scenarios} scenarios, ${tally.faultsInjected} faulty polls, ${tally.cycles} polls, ${tally.notifications} notifications; DNS: ${realDns ? 'real resolver' : 'simulated ENOTFOUND'}`,
  );
  http.divert(null);
  http.throwing(null);
  await ds.close();
  if (tls) await new Promise<void>((r) => tls!.close(() => r()));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const persistent = (reply: FakeReply): Pick<FaultCase, 'inject' | 'clear'> => ({
  inject: (d) => d.setPersistent(reply),
  clear: (d) => d.setPersistent(null),
});
const divert = (origin: () => string): Pick<FaultCase, 'inject' | 'clear'> => ({
  inject: () => http.divert(origin()),
  clear: () => http.divert(null),
});

const cases: FaultCase[] = [
  {
    name: 'a server that never answers (timeout)',
    ...persistent({ kind: 'hang' }),
    kinds: ['timeout'],
    message: /127\.0\.0\.1:\d+ did not answer within 0\.3 s/,
    timeoutMs: 300,
  },
  {
    name: 'a server that stalls mid-body (timeout)',
    ...persistent({ kind: 'stall' }),
    kinds: ['timeout'],
    message: /127\.0\.0\.1:\d+ did not answer within 0\.3 s/,
    timeoutMs: 300,
  },
  {
    name: 'a connection reset mid-body',
    ...persistent({ kind: 'reset' }),
    kinds: ['network'],
    message: /cut before the answer was complete/,
  },
  {
    name: 'connection refused (closed port)',
    ...divert(() => `http://127.0.0.1:${closedPort}`),
    kinds: ['network'],
    message: /refused the connection/,
  },
  {
    name: realDns
      ? 'DNS failure (real resolver, nonexistent.invalid)'
      : 'DNS failure (resolver hangs here: simulated undici ENOTFOUND)',
    ...(realDns
      ? divert(() => 'https://nonexistent.invalid')
      : {
          inject: () => http.throwing(undiciDnsError('nonexistent.invalid')),
          clear: () => http.throwing(null),
        }),
    kinds: ['network'],
    message: /could not look up .+ \(DNS failed\).*\[ENOTFOUND\]/,
  },
  {
    name: 'TLS failure: https to a plain-http port',
    ...divert(() => `https://127.0.0.1:${ds.port}`),
    kinds: ['network'],
    message:
      /secure \(TLS\) connection to 127\.0\.0\.1:\d+ failed: the server answered plain HTTP on an https URL/,
  },
];
const selfSigned: FaultCase = {
  name: 'TLS failure: a self-signed certificate',
  ...divert(() => `https://127.0.0.1:${tlsPort}`),
  kinds: ['network'],
  message: /secure \(TLS\) connection to 127\.0\.0\.1:\d+ failed: its certificate was not trusted/,
};

describe('provider faults: no usable answer on the wire, each for many polls', () => {
  it.each(cases)(
    '$name: keeps the last good value as stale, backs off to the cap, recovers, notifies once per real change',
    async (fc) => {
      await runFaultScenario(fc, { ds, http });
    },
  );

  it.skipIf(!hasOpenssl)(
    `${selfSigned.name}: same story (skipped only where openssl is missing)`,
    async () => {
      await runFaultScenario(selfSigned, { ds, http });
    },
  );

  it('recovers at once when the OS reports the network is back, without waiting out a 30-minute backoff', async () => {
    ds.reset();
    const rig = createFaultRig({ ds, http });
    try {
      await rig.start();
      http.divert(`http://127.0.0.1:${closedPort}`);
      for (let i = 0; i < 4; i++) await rig.cycle();
      expect(rig.status().nextCheckAt! - rig.clock.now()).toBe(30 * 60_000);
      http.divert(null);
      await rig.clock.advance(60_000);
      const before = ds.count();
      rig.monitor.onOnline();
      await rig.idle();
      expect(ds.count()).toBe(before + 1);
      expect(rig.status()).toMatchObject({ level: 'healthy', stale: false, error: null });
      expect(rig.status().nextCheckAt! - rig.clock.now()).toBe(300_000);
    } finally {
      http.divert(null);
      await rig.stop();
    }
  });

  it('ran every row through the whole story with no unhandled rejection', () => {
    expect(tally.notifications).toBe(3 * tally.scenarios);
    expect(tally.scenarios).toBe(cases.length + (hasOpenssl ? 1 : 0));
  });
});
