/**
 * The whole core (createCore) on a FakeClock, talking real HTTP to the fake DeepSeek, with
 * the ports a fault test wants to break: any SecretStore, any ConfLike, an in-memory history.
 * `nextPoll()` fires the next scheduled poll and waits (real time) until it has finished.
 *
 *   const rig = await startFaultCore({ ds, secrets, conf });
 *   const added = await rig.core.addAccount({ provider: 'deepseek', key: FAKE_DEEPSEEK_KEY, baseUrl: ds.url });
 *   await rig.nextPoll();   // rig.account() is the first account's status
 */
import type { CoreApi } from '../../main/core/app-core';
import { createCore } from '../../main/core/create-core';
import { createNodeHttp } from '../../main/core/http-node';
import type { Logger, NotificationRequest, SecretStore } from '../../main/core/ports';
import type { ConfLike } from '../../main/core/settings-store';
import type { AccountStatus } from '../../shared/model';
import type { FakeDeepSeek } from './deepseek-server';
import { FakeClock } from './fake-clock';
import { realDelay } from './fault-rig';
import { MemoryHistory } from './memory-history';

export interface FaultCore {
  core: CoreApi;
  clock: FakeClock;
  notes: NotificationRequest[];
  /** Every logger line, level first (for "the user was told" and "nothing crashed" checks). */
  log: string[];
  history: MemoryHistory;
  /** The first (or the given) account's status; throws when there is none. */
  account(id?: string): AccountStatus;
  /** Waits until no account has a poll running (every account has its next check). */
  idle(): Promise<void>;
  /** Advances the clock to the earliest next check and waits for that poll to finish. */
  nextPoll(): Promise<AccountStatus>;
}

export interface FaultCoreOptions {
  ds: FakeDeepSeek;
  secrets: SecretStore;
  conf: ConfLike;
  dataDir: string;
}

/** Builds the core; no account exists until the test adds one (or the conf already has some). */
export async function startFaultCore(opts: FaultCoreOptions): Promise<FaultCore> {
  const clock = new FakeClock();
  const notes: NotificationRequest[] = [];
  const log: string[] = [];
  const logger: Logger = {
    info: (m) => void log.push(`info ${m}`),
    warn: (m) => void log.push(`warn ${m}`),
    error: (m, f) => void log.push(`error ${m} ${JSON.stringify(f ?? {})}`),
  };
  const history = new MemoryHistory();
  const core = await createCore({
    dataDir: opts.dataDir,
    http: createNodeHttp(),
    secrets: opts.secrets,
    conf: opts.conf,
    notifier: { show: (n) => void notes.push(n) },
    logger,
    systemLocale: 'en-US',
    demo: false,
    clock,
    history,
    random: () => 0.5,
  });
  const account = (id?: string) => {
    const list = core.getState().accounts;
    const s = id === undefined ? list[0] : list.find((a) => a.account.id === id);
    if (!s) throw new Error('no such account');
    return s;
  };
  const idle = async () => {
    const deadline = Date.now() + 15_000;
    while (!core.getState().accounts.every((a) => a.nextCheckAt !== null)) {
      if (Date.now() > deadline) throw new Error('a poll did not finish within 15 s of real time');
      await realDelay(2);
    }
  };
  return {
    core,
    clock,
    notes,
    log,
    history,
    account,
    idle,
    async nextPoll() {
      await idle();
      // The accounts' own next checks, not the clock's next timer (history compaction has one too).
      const dues = core.getState().accounts.map((a) => a.nextCheckAt ?? Infinity);
      const due = Math.min(...dues);
      if (!Number.isFinite(due)) throw new Error('nothing is scheduled');
      await clock.advance(due - clock.now());
      await idle();
      return account();
    },
  };
}
