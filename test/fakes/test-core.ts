/**
 * createCore as integration tests build it: a real settings file (conf) in `dataDir`, real
 * HTTP to the fake servers, an in-memory keychain and silent logs. Tests override what they
 * are about (clock, history, notifier, language...).
 */
import Conf from 'conf';
import { createCore, type CoreDeps } from '../../main/core/create-core';
import type { CoreApi } from '../../main/core/app-core';
import { createNodeHttp } from '../../main/core/http-node';
import { silentLogger } from '../../main/core/logger';
import type { AppState } from '../../shared/model';
import { createMemorySecretStore } from './memory-secret-store';

export function createTestCore(dataDir: string, over: Partial<CoreDeps> = {}): Promise<CoreApi> {
  return createCore({
    dataDir,
    http: createNodeHttp(),
    secrets: createMemorySecretStore(),
    conf: new Conf({ cwd: dataDir, configName: 'config', projectName: 'creditray' }),
    notifier: { show: () => {} },
    logger: silentLogger,
    systemLocale: 'en-US',
    demo: false,
    ...over,
  });
}

/** Resolves with the first state (current or pushed) that satisfies `pred`. */
export function nextState(core: CoreApi, pred: (s: AppState) => boolean): Promise<AppState> {
  return new Promise((resolve) => {
    if (pred(core.getState())) return resolve(core.getState());
    const off = core.subscribe((s) => {
      if (pred(s)) {
        off();
        resolve(s);
      }
    });
  });
}
