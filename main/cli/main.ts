/**
 * `creditray`: the command-line companion. Same core as the app (settings, keychain,
 * providers, history, diagnosis), so a terminal or a script gets the same answers.
 */
import { EXIT, UsageError } from './args';
import { processIo, type CliIo } from './io';
import { runCheck, CHECK_HELP } from './commands/check';
import { runAccounts, ACCOUNTS_HELP } from './commands/accounts';
import { runDiagnose, DIAGNOSE_HELP } from './commands/diagnose';
import { runHistory, HISTORY_HELP } from './commands/history';
import { toError } from '../../shared/result';
import { closeCliConnections } from './context';

const HELP = `Creditray: know your LLM API credit before it runs out.

${CHECK_HELP}

${ACCOUNTS_HELP}

${DIAGNOSE_HELP}

${HISTORY_HELP}

Common flags: --data-dir DIR (or CREDITRAY_DATA_DIR) isolates settings and history; --json for scripts.`;

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  check: runCheck,
  accounts: runAccounts,
  diagnose: runDiagnose,
  history: runHistory,
};

/** Runs one command line and returns the exit code; never throws. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.out(HELP);
    return command === undefined ? EXIT.usage : 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.err(
      `creditray: unknown command "${command}". Commands: ${Object.keys(COMMANDS).join(', ')}. See creditray --help.`,
    );
    return EXIT.usage;
  }
  try {
    return await run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`creditray ${command}: ${e.message}\nSee creditray ${command} --help.`);
      return EXIT.usage;
    }
    io.err(`creditray ${command}: unexpected failure: ${toError(e).message}`);
    return EXIT.undetermined;
  } finally {
    await closeCliConnections().catch(() => undefined);
  }
}
