/**
 * The checks every invoke passes before any core code runs: trusted sender, then schema,
 * then the handler, with throws turned into an `internal` error value (Electron would
 * otherwise forward only a mangled `error.message`). Electron-free, so the UI harness can
 * call it directly with the frame URL it knows.
 */
import { describeIssues, schemas, type InvokeChannel, type InvokeResult } from '../../shared/ipc';
import { resolveLanguage, type Lang } from '../../shared/i18n/language';
import { shellText } from '../../shared/i18n/shell';
import { err, toError } from '../../shared/result';
import type { CoreApi } from '../core/app-core';
import type { Logger } from '../core/ports';
import { scrubSecrets } from '../core/providers/http-errors';
import { handlers, type HandlerContext } from './ipc-handlers';
import { originForLog } from './trusted-sender';

export interface IpcDeps {
  core: CoreApi;
  /** True only for our own renderer's frame (see trusted-sender.ts). */
  isTrustedSender(frameUrl: string | undefined): boolean;
  /** Opens an allowlisted link in the browser (resolving to anything: void or a Result). */
  openExternal(url: string): Promise<unknown>;
  logger: Logger;
  /** Told of every call from our renderer that was answered (the self-test waits for one). */
  onAnswered?(channel: InvokeChannel, ok: boolean): void;
}

/** Runs one invoke through sender check, schema and handler; always resolves to a Result. */
export async function dispatchInvoke<C extends InvokeChannel>(
  deps: IpcDeps,
  channel: C,
  frameUrl: string | undefined,
  payload: unknown,
): Promise<InvokeResult<C>> {
  if (!deps.isTrustedSender(frameUrl)) {
    deps.logger.warn('ipc refused: untrusted sender', { channel, origin: originForLog(frameUrl) });
    return err({
      code: 'forbidden',
      message: shellText(langOf(deps.core), 'forbiddenSender'),
    });
  }
  const parsed = schemas[channel].safeParse(payload);
  if (!parsed.success) {
    deps.logger.warn('ipc refused: malformed payload', { channel });
    return err({ code: 'bad-request', message: describeIssues(parsed.error) });
  }
  const ctx: HandlerContext = {
    core: deps.core,
    openExternal: deps.openExternal,
    lang: () => langOf(deps.core),
  };
  // The map is typed per channel; indexing it with a generic C needs this one widening.
  const handler = handlers[channel] as (
    req: unknown,
    ctx: HandlerContext,
  ) => Promise<InvokeResult<C>>;
  try {
    const result = await handler(parsed.data, ctx);
    deps.onAnswered?.(channel, result.ok);
    return result;
  } catch (e) {
    // The payload may carry an API key: log the channel and the error, never the request,
    // and scrub the key from the error too (a bug could put it into its own message).
    const error = scrubSecrets(toError(e).message, keyOf(parsed.data));
    deps.logger.error('ipc handler threw', { channel, error });
    return err({ code: 'internal', message: shellText(langOf(deps.core), 'internal', { error }) });
  }
}

/** The API key a request carries (accounts:add, accounts:replace-key), if any. */
function keyOf(data: unknown): string | undefined {
  const key = (data as { key?: unknown } | undefined)?.key;
  return typeof key === 'string' && key.trim() ? key.trim() : undefined;
}

/** The user's language for this layer's own messages; English if the core cannot say. */
function langOf(core: CoreApi): Lang {
  try {
    const state = core.getState();
    return resolveLanguage(state.settings.language, state.systemLocale);
  } catch {
    return 'en';
  }
}
