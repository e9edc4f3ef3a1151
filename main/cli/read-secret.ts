/**
 * Reads an API key without it ever appearing on screen, in shell history or in `ps`:
 * from stdin when piped (`pass show deepseek | creditray accounts add`), else from a
 * prompt that does not echo.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { CliIo } from './io';

export async function readSecret(io: CliIo, prompt: string): Promise<string> {
  if (!io.isTTY) {
    let text = '';
    for await (const chunk of io.stdin) text += String(chunk);
    return text;
  }
  process.stderr.write(prompt);
  // A muted output stream: readline still handles editing keys, nothing is echoed.
  const muted = new Writable({ write: (_c, _e, done) => done() });
  const rl = createInterface({ input: io.stdin, output: muted, terminal: true });
  const line = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stderr.write('\n');
  return line;
}
