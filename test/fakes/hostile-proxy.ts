/**
 * Forward proxies that misbehave the ways real ones do, on 127.0.0.1 only, counting every
 * TCP connection they accept (a client that reconnects in a loop shows up as thousands) and
 * recording what each request carried (a key sent in cleartext shows up in `seen`).
 *
 * - close-on-connect: reads the CONNECT line and hangs up (a proxy without CONNECT support)
 * - silent: accepts the connection and never answers
 * - slow: answers the CONNECT one byte a second, forever
 * - recording: answers every request and CONNECT with 502 after recording it
 */
import { createServer, type AddressInfo, type Socket } from 'node:net';

export type HostileMode = 'close-on-connect' | 'silent' | 'slow' | 'recording';

export interface HostileProxy {
  url: string;
  /** TCP connections accepted so far. */
  connections(): number;
  /** When the first connection arrived (Date.now()), null before: where a client's request clock starts. */
  firstConnectionAt(): number | null;
  /** The request head (request line and headers) of every request seen, as sent. */
  seen: string[];
  close(): Promise<void>;
}

/** Starts a proxy fake in the given mode. */
export async function startHostileProxy(mode: HostileMode): Promise<HostileProxy> {
  let connections = 0;
  let firstAt: number | null = null;
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((sock) => {
    connections++;
    firstAt ??= Date.now();
    sockets.add(sock);
    sock.on('error', () => undefined);
    sock.on('close', () => sockets.delete(sock));
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      sock.off('data', onData);
      seen.push(head.slice(0, end));
      if (mode === 'close-on-connect') sock.destroy();
      else if (mode === 'recording')
        sock.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      else if (mode === 'slow') {
        const reply = 'HTTP/1.1 200 Connection Established\r\n';
        let i = 0;
        const t = setInterval(() => {
          if (sock.destroyed) return void clearInterval(t);
          sock.write(reply[i++ % reply.length]!);
        }, 1_000);
        timers.add(t);
      }
    };
    sock.on('data', onData);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => connections,
    firstConnectionAt: () => firstAt,
    seen,
    close: () =>
      new Promise<void>((r) => {
        for (const t of timers) clearInterval(t);
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
