/**
 * Keychain faults through the whole core: a locked keychain, no Secret Service, a native
 * module that will not load, access denied, a prompt nobody answers, and the key deleted
 * behind the app's back. Each must give a clear account state (level 'error', error kind
 * 'keychain', words naming the cause, the last balance kept) without a crash or a
 * notification, and recover on the next poll once the cause is gone.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SecretError, SecretStore } from '../../../main/core/ports';
import { createKeytarSecretStore } from '../../../main/core/secret-store-keytar';
import { FAKE_DEEPSEEK_KEY, startFakeDeepSeek, type FakeDeepSeek } from '../../fakes/deepseek-server';
import { startFaultCore } from '../../fakes/fault-core';
import { createFaultKeytar, type KeychainFault } from '../../fakes/fault-keytar';
import { createMemorySecretStore } from '../../fakes/memory-secret-store';

let ds: FakeDeepSeek;
const count = { faults: 0, polls: 0, notifications: 0 };
beforeAll(async () => {
  ds = await startFakeDeepSeek();
});
afterAll(async () => {
  console.log(`[faults/keychain] ${count.faults} faulty polls, ${count.polls} polls, ${count.notifications} notifications`);
  await ds.close();
});

const conf = () => new Conf<Record<string, unknown>>({ cwd: mkdtempSync(join(tmpdir(), 'creditray-kc-')), configName: 'config', projectName: 'creditray' });

/** Adds an account, breaks the keychain for 3 polls, mends it, and checks every state on the way. */
async function story(secrets: SecretStore, breakIt: () => Promise<void> | void, mendIt: () => Promise<void> | void, cause: RegExp) {
  const c = conf();
  const rig = await startFaultCore({ ds, secrets, conf: c, dataDir: join(c.path, '..') });
  try {
    const added = await rig.core.addAccount({ provider: 'deepseek', label: 'Work', key: FAKE_DEEPSEEK_KEY, baseUrl: ds.url });
    expect(added.ok).toBe(true);
    await rig.idle();
    expect(rig.account()).toMatchObject({ level: 'healthy', headline: { total: '110.00' } });
    count.polls++;

    await breakIt();
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      const s = await rig.nextPoll();
      count.faults++;
      count.polls++;
      expect(s.level).toBe('error');
      expect(s.error?.kind).toBe('keychain');
      expect(s.error?.message).toMatch(cause);
      expect(s.headline?.total, 'the last balance stays visible').toBe('110.00');
      expect(s.stale).toBe(true);
      delays.push(s.nextCheckAt! - rig.clock.now());
    }
    expect(delays).toEqual([600_000, 1_200_000, 1_800_000]);

    await mendIt();
    const s = await rig.nextPoll();
    count.polls++;
    expect(s).toMatchObject({ level: 'healthy', error: null, stale: false });
    expect(s.nextCheckAt! - rig.clock.now()).toBe(300_000);
    expect(rig.notes, 'a keychain problem is shown on the account, not pushed as a notification').toEqual([]);
    expect(JSON.stringify(rig.core.getState())).not.toContain(FAKE_DEEPSEEK_KEY);
    expect(rig.log.filter((l) => /a bug/.test(l))).toEqual([]);
  } finally {
    await rig.core.stop();
  }
}

describe('keychain faults through the core (memory secret store, every SecretError code)', () => {
  const cases: [SecretError, RegExp][] = [
    [{ code: 'keychain-locked', message: 'The system keychain is locked. Unlock it and try again' }, /could not be read from the system keychain: The system keychain is locked/],
    [{ code: 'keychain-unavailable', message: 'The system keychain is not available (no Secret Service)' }, /could not be read.*not available \(no Secret Service\)/],
    [{ code: 'keychain-denied', message: 'Access to the system keychain was denied' }, /could not be read.*was denied/],
  ];
  it.each(cases)('$0.code: error state naming the cause, last balance kept, recovers on the next poll', async (error, cause) => {
    const secrets = createMemorySecretStore();
    await story(secrets, () => secrets.failAll(error), () => secrets.failAll(null), cause);
  });

  it('a key deleted from the keychain behind the app\'s back: says so, and recovers once the key is back', async () => {
    const secrets = createMemorySecretStore();
    let id = '';
    await story(
      secrets,
      () => {
        id = [...secrets.entries.keys()][0]!;
        secrets.entries.delete(id);
      },
      () => void secrets.entries.set(id, FAKE_DEEPSEEK_KEY),
      /No API key is stored in the system keychain for this account\. Replace the key/,
    );
  });
});

describe('keychain faults through the core and the real keytar adapter (keychains\' own error texts)', () => {
  const cases: [KeychainFault, RegExp][] = [
    ['locked', /keychain is locked/],
    ['no-secret-service', /keychain is not available.*Secret Service.*org\.freedesktop\.secrets/],
    ['no-native-module', /keychain module could not be loaded: libsecret/],
    ['denied', /Access to the system keychain was denied/],
    ['prompt-unanswered', /keychain did not answer.*prompt may be waiting/],
  ];
  it.each(cases)('%s: error state naming the cause, last balance kept, recovers on the next poll', async (mode, cause) => {
    const kc = createFaultKeytar();
    const secrets = createKeytarSecretStore({ service: 'CreditrayFault', load: () => kc.load(), probeLockedOnMissing: true, timeoutMs: 150 });
    await story(secrets, () => void (kc.mode = mode), () => void (kc.mode = 'ok'), cause);
  });
});

const realKeyring = process.env.CREDITRAY_TEST_KEYRING === '1';
describe.skipIf(!realKeyring)('a key deleted behind the app\'s back on the REAL gnome-keyring (runs under test/with-keyring.mjs)', () => {
  it('reports the missing key, then recovers once another program puts it back', async () => {
    const service = `CreditrayFault-${randomUUID().slice(0, 8)}`;
    const app = createKeytarSecretStore({ service });
    const other = createKeytarSecretStore({ service }); // "another program" with the same entry
    let id = '';
    await story(
      {
        get: (a) => ((id = a), app.get(a)),
        set: (a, s) => ((id = a), app.set(a, s)),
        delete: (a) => app.delete(a),
      },
      async () => void (await other.delete(id)),
      async () => void (await other.set(id, FAKE_DEEPSEEK_KEY)),
      /No API key is stored in the system keychain/,
    );
    await other.delete(id);
  });
});
