/** `creditray check`: one reading of each account, as text, JSON or one status-bar line, with a scriptable exit code. */
import { ACCOUNT_OPTIONS, COMMON_OPTIONS, UsageError, parseFlags } from '../args';
import { createCliContext } from '../context';
import { resolveTargets } from '../targets';
import { CUSTOM_HELP } from '../custom-flags';
import { checkAccount } from '../check-account';
import { accountJson, exitCodeFor } from '../report';
import { analyticsJson } from '../analytics-json';
import { foresightJson, statusLine, withInsights } from '../check-output';
import { renderStatusText } from '../text';
import { resolveLanguage } from '../../../shared/i18n/language';
import { DEFAULT_SETTINGS } from '../../../shared/model';
import type { CliIo } from '../io';

export const CHECK_HELP = `Usage: creditray check [--json | --format text|json|line] [--account LABEL] [--record] [--data-dir DIR]
       creditray check --provider ID --key-env VAR [--base-url URL] [--label NAME] [--json]
         ID: deepseek, moonshot, openrouter, siliconflow, stepfun, novita, relay (relay needs --base-url), custom
       creditray check --demo [--json]
${CUSTOM_HELP}
  --record       append each successful reading to the account's history (as the app does),
                 so cron or a status bar builds burn rate and forecasts; safe while the app runs
  --format line  one line for status bars: "Work CN¥12.50 LOW 2.5d | Side $3.00 OK"
Exit codes (every format): 0 all healthy, 1 some low or critical, 2 some depleted or unavailable,
            3 could not determine (auth, network, server, bad response), 64 usage error.`;

const FORMATS = ['text', 'json', 'line'] as const;

export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(args, {
    ...COMMON_OPTIONS,
    ...ACCOUNT_OPTIONS,
    record: { type: 'boolean' },
    format: { type: 'string' },
  });
  if (values.help) {
    io.out(CHECK_HELP);
    return 0;
  }
  const format = values.format ?? (values.json ? 'json' : 'text');
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${format}"`);
  if (values.json && format !== 'json')
    throw new UsageError('--json and --format line/text cannot be combined');
  const ctx = createCliContext(values['data-dir'] ?? io.env.CREDITRAY_DATA_DIR);
  const targets = resolveTargets(values, ctx, io.env);
  if (targets.length === 0) {
    io.err(
      'No accounts configured. Add one with `creditray accounts add`, or try `creditray check --demo`.',
    );
    return 3;
  }
  if (values.record && (values.demo || targets.some((t) => t.key !== undefined)))
    throw new UsageError('--record works on configured accounts only (not --provider or --demo)');
  const statuses = await Promise.all(
    targets.map(async (t) => {
      const s = await checkAccount(t, ctx);
      // Ad-hoc and demo checks have no saved history: their analytics say "collecting data".
      const saved = t.key === undefined;
      const history = saved
        ? await ctx
            .history()
            .read(s.account.id)
            .catch(() => [])
        : [];
      if (values.record && s.snapshot && !s.stale && !s.snapshot.unlimited)
        await ctx.history().append(s.account.id, s.snapshot);
      // "now" after the reading, so the reading itself is inside every window.
      const now = ctx.now();
      return { status: withInsights(s, history, now), history, now };
    }),
  );
  const lang = resolveLanguage('system', io.locale);
  // Ad-hoc and demo checks never open the settings file.
  const runOutDays =
    !values.demo && targets.some((t) => t.key === undefined)
      ? ctx.settings().getSettings().runOutDays
      : DEFAULT_SETTINGS.runOutDays;
  if (format === 'json') {
    const accounts = statuses.map(({ status: s, history, now }) => ({
      ...accountJson(s),
      ...analyticsJson(s, history, now),
      ...foresightJson(s.insights, runOutDays),
    }));
    io.out(JSON.stringify({ accounts }, null, 2));
  } else if (format === 'line')
    io.out(
      statusLine(
        statuses.map((x) => x.status),
        lang,
      ),
    );
  else
    io.out(
      renderStatusText(
        statuses.map((x) => x.status),
        io.locale,
      ),
    );
  return exitCodeFor(statuses.map((x) => x.status.level));
}
