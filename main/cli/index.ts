#!/usr/bin/env node
/** The `creditray` executable: runs one command line and exits with its code. */
import { main } from './main';

/**
 * How long the process may linger after the command is done. main() already destroys its
 * sockets, so the event loop normally drains at once; this is the backstop that keeps a
 * script's `creditray check` from hanging on anything a library left behind. Unref'd: it
 * never delays an exit that would happen anyway, and stdout to a pipe or file is written
 * synchronously on POSIX before it fires.
 */
const LINGER_MS = 2_000;

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  setTimeout(() => process.exit(code), LINGER_MS).unref();
});
