/** Harness backend over the real core: createCore with real settings (conf) in a temp dir. */
import Conf from 'conf';
import { createCore } from '../../../main/core/create-core';
import { silentLogger } from '../../../main/core/logger';
import { startBackendWith, type Backend } from './backend';

/** Starts the backend; settings live in the temp dir, so a restart reads them back from disk. */
export function startBackend(opts: { trustedOrigin: string; systemLocale?: string }): Promise<Backend> {
  return startBackendWith(
    'real',
    (ctx) =>
      createCore({
        dataDir: ctx.dir,
        http: ctx.http,
        secrets: ctx.secrets,
        conf: new Conf<Record<string, unknown>>({ cwd: ctx.dir, configName: 'config', projectName: 'creditray' }),
        notifier: { show: () => {} },
        logger: silentLogger,
        systemLocale: ctx.systemLocale,
        demo: false,
        history: ctx.history,
      }),
    opts,
  );
}
