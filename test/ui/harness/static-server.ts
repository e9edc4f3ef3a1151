/**
 * Serves the built renderer on 127.0.0.1 (a random port) through the app's own scheme
 * handler (main/shell/app-scheme.ts): the same path checks, MIME types and CSP header the
 * packaged app's creditray://app gets, so every UI test loads the renderer the way the app
 * does, with no file access at all. Only the transport differs (HTTP instead of
 * protocol.handle), because Chromium outside Electron cannot be given a custom scheme.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createAssetHandler } from '../../../main/shell/app-scheme';

/** Starts the server; `origin` is e.g. http://127.0.0.1:41234. */
export async function serveStatic(dir: string): Promise<{ origin: string; close(): Promise<void> }> {
  const handle = createAssetHandler({ root: dir, readFile: (p) => readFile(p) });
  let origin = '';
  const server: Server = createServer((req, res) => {
    void handle(new Request(`${origin}${req.url ?? '/'}`, { method: req.method })).then(async (r) => {
      res.writeHead(r.status, Object.fromEntries(r.headers));
      res.end(Buffer.from(await r.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
