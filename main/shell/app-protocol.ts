/**
 * Registers `creditray://app` with Electron and serves the built renderer on it (see
 * app-scheme.ts for why not file://). Two steps because Electron needs them at two times:
 * privileges before `ready` (docs/api/protocol.md, registerSchemesAsPrivileged: "can only be
 * used before the ready event"), the handler after it.
 */
import fs from 'node:fs';
import { protocol } from 'electron';
import { APP_SCHEME, createAssetHandler } from './app-scheme';

/**
 * `standard` gives the scheme a real origin (relative URLs and same-origin module scripts
 * work), `secure` makes it a secure context, `codeCache` lets V8 cache our bundle. Not
 * `corsEnabled` (it lets other origins read us) and not `bypassCSP`.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, codeCache: true } as const;

/** Call at module load, before app 'ready'. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

/** Call after 'ready', before the first window loads. `root` is out/renderer (inside app.asar). */
export function serveRenderer(root: string): void {
  // fs.promises is looked up at call time: Electron's asar support patches these functions,
  // so a file inside app.asar reads like any other (docs/tutorial/asar-archives.md).
  protocol.handle(
    APP_SCHEME,
    createAssetHandler({ root, readFile: (p) => fs.promises.readFile(p) }),
  );
}
