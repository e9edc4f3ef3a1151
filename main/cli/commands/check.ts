/** `creditray check`: one reading of each account, as text or JSON, with a scriptable exit code. */
import { ACCOUNT_OPTIONS, COMMON_OPTIONS, parseFlags } from '../args';
import { createCliContext } from '../context';
import { resolveTargets } from '../targets';
import { checkAccount } from '../check-account';
import { accountJson, exitCodeFor } from '../report';
import { analyticsJson } from '../analytics-json';
import { renderStatusText } from '../text';
import type { CliIo } from '../io';

export const CHECK_HELP = `Usage: creditray check [--json] [--account LABEL] [--data-dir DIR]
       creditray check --provider ID --key-env VAR [--base-url URL] [--label NAME] [--json]
         ID: deepseek, moonshot, openrouter, siliconflow, stepfun, novita, relay (relay needs --base-url)
       creditray check --demo [--json]
Exit codes: 0 all healthy, 1 some low or critical, 2 some depleted or unavailable,
            3 could not determine (auth, network, server, bad response), 64 usage error.`;

export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(args, { ...COMMON_OPTIONS, ...ACCOUNT_OPTIONS });
  if (values.help) {
    io.out(CHECK_HELP);
    return 0;
  }
  const ctx = createCliContext(values['data-dir'] ?? io.env.CREDITRAY_DATA_DIR);
  const targets = resolveTargets(values, ctx, io.env);
  if (targets.length === 0) {
    io.err(
      'No accounts configured. Add one with `creditray accounts add`, or try `creditray check --demo`.',
    );
    return 3;
  }
  const statuses = await Promise.all(targets.map((t) => checkAccount(t, ctx)));
  if (values.json) {
    const accounts = await Promise.all(
      statuses.map(async (s, i) => {
        // Ad-hoc and demo checks have no saved history: their analytics say "collecting data".
        const history =
          targets[i]?.key === undefined
            ? await ctx
                .history()
                .read(s.account.id)
                .catch(() => [])
            : [];
        return { ...accountJson(s), ...analyticsJson(s, history, ctx.now()) };
      }),
    );
    io.out(JSON.stringify({ accounts }, null, 2));
  } else io.out(renderStatusText(statuses, io.locale));
  return exitCodeFor(statuses.map((s) => s.level));
}
