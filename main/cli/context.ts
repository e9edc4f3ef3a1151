/**
 * The CLI's core services: the same settings, keychain, providers and history as the app,
 * built with Node ports (undici fetch honouring HTTPS_PROXY, keytar, conf).
 */
import { UsageError } from './args';
import { defaultDataDir, historyDir } from '../core/data-dir';
import { createNodeHttp, type NodeHttp } from '../core/http-node';
import { createKeytarSecretStore } from '../core/secret-store-keytar';
import { openNodeSettings } from '../core/settings-store';
import { createProviders } from '../core/providers/registry';
import { createDemoProvider } from '../core/providers/demo';
import { createFileHistoryStore } from '../core/history/file-history-store';
import { createLogger } from '../core/logger';
import type { Provider } from '../core/providers/provider';
import type { HistoryStore, Logger, SecretStore } from '../core/ports';
import type { ProviderId } from '../../shared/model';

export interface CliContext {
  dataDir: string;
  now: () => number;
  logger: Logger;
  secrets: SecretStore;
  providers: Record<ProviderId, Provider>;
  /** Opened lazily: ad-hoc and demo checks need no settings file. */
  settings(): ReturnType<typeof openNodeSettings>;
  history(): HistoryStore & { close?(): Promise<void> };
}

/** Every Node Http a CLI run opened; closed when the command is done (see closeCliConnections). */
const openHttps = new Set<NodeHttp>();

/**
 * Destroys the HTTP agents of this run. Without it a socket to a silent or slow proxy keeps
 * the process alive long after the command printed its result (up to undici's 300 s).
 */
export async function closeCliConnections(): Promise<void> {
  const all = [...openHttps];
  openHttps.clear();
  await Promise.all(all.map((h) => h.close()));
}

/** Builds the context for one CLI run; nothing touches the disk until asked. */
export function createCliContext(dataDirFlag: string | undefined): CliContext {
  // An empty value would silently mean "the current folder": settings written wherever the shell is.
  if (dataDirFlag !== undefined && dataDirFlag.trim() === '') {
    throw new UsageError(
      '--data-dir (or CREDITRAY_DATA_DIR) is empty: give a folder, e.g. --data-dir ~/creditray-test',
    );
  }
  const dataDir = dataDirFlag ?? defaultDataDir();
  const now = () => Date.now();
  // Warnings go to stderr so `--json` output on stdout stays parseable.
  const logger = createLogger({ level: 'warn', sink: (line) => process.stderr.write(line + '\n') });
  let settings: ReturnType<typeof openNodeSettings> | undefined;
  let history: (HistoryStore & { close?(): Promise<void> }) | undefined;
  const http = createNodeHttp();
  openHttps.add(http);
  return {
    dataDir,
    now,
    logger,
    secrets: createKeytarSecretStore(),
    // The demo follows the wall clock (not this run's start), so checks a minute apart walk
    // through every level the way the app's demo does.
    providers: {
      ...createProviders({ http, now }),
      demo: createDemoProvider({ now, startedAt: 0 }),
    },
    settings: () => (settings ??= openNodeSettings(dataDir)),
    history: () => (history ??= createFileHistoryStore({ dir: historyDir(dataDir), now, logger })),
  };
}
