/**
 * What each invoke channel does once its sender is trusted and its payload parsed: one
 * line per channel onto the CoreApi facade. No Electron here, so the UI harness runs the
 * very same handlers in plain Node.
 */
import type { Lang } from '../../shared/i18n/language';
import type { InvokeChannel, InvokeResult, ParsedRequest } from '../../shared/ipc';
import { providerLink } from '../../shared/external-links';
import { shellText } from '../../shared/i18n/shell';
import { err, ok } from '../../shared/result';
import type { CoreApi } from '../core/app-core';
import { checkExternalUrl } from './external-policy';

export interface HandlerContext {
  core: CoreApi;
  /** Opens a URL that already passed the allowlist; the shell's opener checks again. */
  openExternal(url: string): Promise<unknown>;
  /** The user's language, for messages this layer writes itself. */
  lang(): Lang;
}

/** A typed handler per channel: a missing or extra channel fails the type check. */
export type Handlers = {
  [C in InvokeChannel]: (req: ParsedRequest<C>, ctx: HandlerContext) => Promise<InvokeResult<C>>;
};

export const handlers: Handlers = {
  'state:get': async (_req, { core }) => ok(core.getState()),
  'accounts:add': (req, { core }) => core.addAccount(req),
  'accounts:update': (req, { core }) => core.updateAccount(req),
  'accounts:replace-key': (req, { core }) => core.replaceKey(req),
  'accounts:set-endpoint': (req, { core }) => core.setEndpoint(req),
  'accounts:remove': (req, { core }) => core.removeAccount(req.id),
  'accounts:refresh': (req, { core }) => core.refresh(req.id),
  'settings:update': (req, { core }) => core.updateSettings(req),
  'history:get': (req, { core }) => core.getHistory(req),
  'demo:start': (_req, { core }) => core.startDemo(),
  'diagnosis:run': (req, { core }) => core.runDiagnosis(req),
  'diagnosis:mark-paid': (req, { core }) => core.markPaid(req),
  'history:export': (req, { core }) => core.exportHistory(req),
  'history:import': (req, { core }) => core.importHistory(req),
  'external:open': async (req, { openExternal, lang }) => {
    // The renderer names a link, never a URL: it cannot make us open an arbitrary address.
    const url = providerLink(req.provider, req.link);
    if (url === null) return err({ code: 'forbidden', message: shellText(lang(), 'linkNone') });
    const checked = checkExternalUrl(url, lang());
    if (!checked.ok) return checked;
    await openExternal(checked.value);
    return ok(null);
  },
};
