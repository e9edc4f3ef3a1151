/**
 * A keytar stand-in that fails the way the real keychains do, for the REAL keytar adapter
 * (createKeytarSecretStore) to classify: the messages are the ones libsecret, macOS and
 * Windows actually produce. Switch the mode at any time; 'ok' behaves like a working keychain.
 *
 *   const kc = createFaultKeytar();
 *   const secrets = createKeytarSecretStore({ service: 'T', load: kc.load, probeLockedOnMissing: true });
 *   kc.mode = 'locked';
 */
import type { KeytarLike } from '../../main/core/secret-store-keytar';

export type KeychainFault =
  | 'ok'
  /** libsecret: a locked collection reads as "no such item"; only a write says "locked". */
  | 'locked'
  /** Linux without gnome-keyring/KWallet: nothing owns org.freedesktop.secrets on D-Bus. */
  | 'no-secret-service'
  /** The native module itself will not load (libsecret missing). */
  | 'no-native-module'
  /** macOS: the user refused the keychain prompt / wrong keychain password. */
  | 'denied'
  /** A keychain prompt nobody answers: every call hangs. */
  | 'prompt-unanswered';

export interface FaultKeytar {
  mode: KeychainFault;
  /** service/account -> secret. */
  readonly entries: Map<string, string>;
  /** Pass as `load` to createKeytarSecretStore. */
  load(): Promise<KeytarLike>;
}

const key = (service: string, account: string) => `${service}/${account}`;

/** Builds the stand-in in 'ok' mode. */
export function createFaultKeytar(): FaultKeytar {
  const entries = new Map<string, string>();
  const self: FaultKeytar = {
    mode: 'ok',
    entries,
    async load() {
      if (self.mode === 'no-native-module') {
        throw new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory');
      }
      return api;
    },
  };
  const fail = async (op: 'read' | 'write'): Promise<void> => {
    switch (self.mode) {
      case 'no-secret-service':
        throw new Error('The name org.freedesktop.secrets was not provided by any .service files');
      case 'denied':
        throw new Error('The user name or passphrase you entered is not correct.');
      case 'prompt-unanswered':
        await new Promise<never>(() => {});
        return;
      case 'locked':
        if (op === 'write') throw new Error('Cannot create an item in a locked collection');
        return;
      default:
        return;
    }
  };
  const api: KeytarLike = {
    async getPassword(service, account) {
      await fail('read');
      if (self.mode === 'locked') return null;
      return entries.get(key(service, account)) ?? null;
    },
    async setPassword(service, account, password) {
      await fail('write');
      entries.set(key(service, account), password);
    },
    async deletePassword(service, account) {
      await fail('write');
      return entries.delete(key(service, account));
    },
  };
  return self;
}
