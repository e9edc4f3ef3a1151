/** The CLI's outside world, injectable so commands are testable without a terminal. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** The user's locale (LANG/LC_ALL), for the language of text output. */
  locale: string;
  stdin: NodeJS.ReadStream;
  isTTY: boolean;
}

/** The real process. */
export function processIo(): CliIo {
  const env = process.env;
  const locale = (
    env.LC_ALL ||
    env.LC_MESSAGES ||
    env.LANG ||
    Intl.DateTimeFormat().resolvedOptions().locale
  )
    .replace(/\..*$/, '')
    .replace('_', '-');
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
    env,
    locale: locale === 'C' || locale === 'POSIX' ? 'en' : locale,
    stdin: process.stdin,
    isTTY: Boolean(process.stdin.isTTY),
  };
}
