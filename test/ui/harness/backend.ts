/**
 * The Node half of the UI harness: the real IPC handlers (registerIpc on the recording
 * fake ipcMain), the real createCore (entry-real.ts) and the
 * fake DeepSeek server on 127.0.0.1. Bundled by global-setup with 'electron' aliased to
 * test/fakes/electron.ts, then loaded by the Playwright fixture.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreApi } from '../../../main/core/app-core';
import { createNodeHttp } from '../../../main/core/http-node';
import { silentLogger } from '../../../main/core/logger';
import type { HistoryStore, Http, SecretStore } from '../../../main/core/ports';
import { registerIpc } from '../../../main/shell/ipc-main';
import { createTrustedSenderCheck } from '../../../main/shell/trusted-sender';
import type { AppState } from '../../../shared/model';
import { PROVIDERS } from '../../../shared/providers';
import { startFakeDeepSeek, type FakeDeepSeek } from '../../fakes/deepseek-server';
import {
  CUSTOM,
  MOONSHOT,
  NOVITA,
  OPENROUTER,
  RELAY,
  SILICONFLOW,
  STEPFUN,
} from '../../fakes/provider-bodies';
import {
  json,
  startFakeProvider,
  type FakeProvider,
  type Reply,
} from '../../fakes/provider-server';
import { invokeIpc, resetElectronFake } from '../../fakes/electron';
import { RELAY_ORIGIN } from './relay-origin';
import { MemoryHistory } from '../../fakes/memory-history';
import { createMemorySecretStore, type MemorySecretStore } from '../../fakes/memory-secret-store';

/** Everything a core needs from the harness; the same across restarts (that is what persists). */
export interface CoreContext {
  dir: string;
  http: Http;
  secrets: SecretStore;
  history: HistoryStore;
  systemLocale: string;
}
export type CoreFactory = (ctx: CoreContext) => Promise<CoreApi>;

/** What a UI test drives and inspects on the Node side. */
export interface Backend {
  readonly kind: string;
  readonly server: FakeDeepSeek;
  /** Every other balance provider (and a relay at RELAY_ORIGIN), answering with real healthy bodies. */
  readonly providers: FakeProvider;
  readonly secrets: MemorySecretStore;
  readonly history: MemoryHistory;
  /** URLs that reached the shell's openExternal (after the allowlist). */
  readonly opened: string[];
  core(): CoreApi;
  /** One invoke exactly as Electron would deliver it from a frame at `frameUrl`. */
  invoke(wireChannel: string, payload: unknown, frameUrl: string): Promise<unknown>;
  onState(listener: (s: AppState) => void): () => void;
  /** Stops the core and builds a new one over the same settings, keychain and history. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** Each provider's balance path with a healthy real body (paths do not collide, so one server serves all). */
const PROVIDER_ROUTES: Record<string, Reply> = {
  '/v1/users/me/balance': json(MOONSHOT.healthy),
  '/api/v1/key': json(OPENROUTER.limited),
  '/v1/user/info': json(SILICONFLOW.healthy),
  '/v1/accounts': json(STEPFUN.healthy),
  '/openapi/v1/billing/balance/detail': json(NOVITA.healthy),
  '/v1/dashboard/billing/subscription': json(RELAY.unlimited),
  '/v1/dashboard/billing/usage': json(RELAY.usage),
  // A custom endpoint a spec describes at RELAY_ORIGIN (any user-run service would do).
  '/api/account/balance': json(CUSTOM.nested),
};

/** The production origins (every site of every provider) the harness routes to `providers`. */
const PROVIDER_ORIGINS = [
  ...Object.values(PROVIDERS)
    .map((p) => p.defaultBaseUrl)
    .filter((u) => u.startsWith('https://') && u !== PROVIDERS.deepseek.defaultBaseUrl),
  'https://api.moonshot.ai',
  'https://api.siliconflow.com',
  RELAY_ORIGIN,
];

/** Starts server, core and handlers; `trustedOrigin` is where the harness serves the renderer. */
export async function startBackendWith(
  kind: string,
  makeCore: CoreFactory,
  opts: { trustedOrigin: string; systemLocale?: string },
): Promise<Backend> {
  resetElectronFake();
  const server = await startFakeDeepSeek();
  const real = createNodeHttp();
  const apiOrigin = PROVIDERS.deepseek.defaultBaseUrl;
  // The core sends the key to https://api.deepseek.com as in production; below the URL policy,
  // the harness's network routes that origin to the fake server (like a hosts-file entry).
  const providers = await startFakeProvider(PROVIDER_ROUTES);
  const route = (url: string): string => {
    if (url.startsWith(apiOrigin)) return server.url + url.slice(apiOrigin.length);
    const origin = PROVIDER_ORIGINS.find((o) => url === o || url.startsWith(o + '/'));
    return origin ? providers.url + url.slice(origin.length) : url;
  };
  const http: Http = (url, init) => real(route(url), init);
  const ctx: CoreContext = {
    dir: mkdtempSync(join(tmpdir(), 'creditray-ui-')),
    http,
    secrets: createMemorySecretStore(),
    history: new MemoryHistory(),
    systemLocale: opts.systemLocale ?? 'en-US',
  };
  const opened: string[] = [];
  const listeners = new Set<(s: AppState) => void>();
  let core = await makeCore(ctx);
  let unsubscribe: () => void = () => {};
  let unregister: () => void = () => {};
  const wire = () => {
    unsubscribe = core.subscribe((s) => listeners.forEach((l) => l(s)));
    unregister = registerIpc({
      core,
      isTrustedSender: createTrustedSenderCheck({ devUrl: opts.trustedOrigin }),
      openExternal: async (url) => void opened.push(url),
      logger: silentLogger,
    });
  };
  wire();
  return {
    kind,
    server,
    providers,
    secrets: ctx.secrets as MemorySecretStore,
    history: ctx.history as MemoryHistory,
    opened,
    core: () => core,
    invoke: (channel, payload, frameUrl) => invokeIpc(channel, payload, frameUrl),
    onState(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    async restart() {
      unsubscribe();
      unregister();
      await core.stop();
      core = await makeCore(ctx);
      wire();
    },
    async close() {
      unsubscribe();
      unregister();
      await core.stop();
      await server.close();
      await providers.close();
      rmSync(ctx.dir, { recursive: true, force: true });
    },
  };
}
