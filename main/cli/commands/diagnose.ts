/**
 * `creditray diagnose`: why calls fail with 402 (or something that looks like it), with the
 * evidence and the fix steps, from the same engine the window uses.
 */
import { readFileSync } from 'node:fs';
import { ACCOUNT_OPTIONS, COMMON_OPTIONS, UsageError, isoFlag, parseFlags } from '../args';
import { createCliContext } from '../context';
import { resolveTargets } from '../targets';
import { CUSTOM_HELP } from '../custom-flags';
import { checkAccount } from '../check-account';
import type { CliIo } from '../io';
import { diagnose, explainPasted, type Cause, type Diagnosis } from '../../../shared/diagnosis';
import { resolveLanguage } from '../../../shared/i18n/language';
import type { AccountStatus, ProviderId } from '../../../shared/model';
import type { Lang } from '../../../shared/i18n/language';
import { accountArgs, appOnlyNote, stepCommand, stepUrl, type AccountArgs } from '../step-hints';

export const DIAGNOSE_HELP = `Usage: creditray diagnose [--json] [--account LABEL | --provider ID --key-env VAR [--base-url URL] | --demo]
           [--error-file FILE | --error-stdin] [--paid-at ISO] [--data-dir DIR]
  --error-file/--error-stdin: the error text your program printed (JSON body, curl -i output, SDK message)
  --paid-at: when you topped up, if the balance has not moved yet
  With no account configured (and none named), the pasted error alone is explained, from any provider.
${CUSTOM_HELP}
Exit codes: 0 no cause found (healthy), 2 at least one cause, 3 could not check, 64 usage error.
  Pasted error only: 2 when it is a balance problem, 0 otherwise.`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  ...ACCOUNT_OPTIONS,
  'error-file': { type: 'string' },
  'error-stdin': { type: 'boolean' },
  'paid-at': { type: 'string' },
} as const;

/** Where a step's page and CLI command come from: the account's provider and how to name it. */
interface StepSource {
  provider: ProviderId;
  args: AccountArgs;
  lang: Lang;
}

/** Causes as the JSON contract prints them (issue 4): sorted by confidence; steps carry url and command. */
function causesJson(causes: Cause[], src: StepSource) {
  return causes.map((c) => ({
    id: c.id,
    confidence: c.confidence,
    summary: c.summary,
    evidence: c.evidence.map((e) => e.text),
    steps: c.steps.map((st) => ({
      id: st.id,
      title: st.title,
      why: st.why,
      action: st.action,
      done: st.done,
      url: stepUrl(st, src.provider),
      command: stepCommand(st, src.args),
    })),
  }));
}

/** The JSON contract of one diagnosed account (issue 4). */
function diagnosisJson(s: AccountStatus, d: Diagnosis, src: StepSource) {
  return {
    label: s.account.label,
    provider: s.account.provider,
    state: s.level,
    healthy: d.healthy,
    pasted: d.pasted ? { ...d.pasted, note: d.pastedNote } : null,
    causes: causesJson(d.causes, src),
  };
}

/**
 * Numbered causes with evidence and steps. A terminal cannot click, so each step prints its
 * page's URL and, for what the window does with a button, the command that does it here.
 */
function causesText(d: Diagnosis, src: StepSource): string[] {
  const lines: string[] = [];
  d.causes.forEach((c, i) => {
    lines.push(`  ${i + 1}. ${c.summary}  [${c.id}, ${Math.round(c.confidence * 100)}%]`);
    for (const e of c.evidence) lines.push(`     - ${e.text}`);
    c.steps.forEach((st, j) => {
      lines.push(`     ${j + 1}) ${st.done ? '[x]' : '[ ]'} ${st.title}: ${st.why}`);
      const url = stepUrl(st, src.provider);
      const command = stepCommand(st, src.args);
      const note = appOnlyNote(st, src.lang);
      if (url) lines.push(`        ${url}`);
      if (command) lines.push(`        $ ${command}`);
      if (note) lines.push(`        ${note}`);
    });
  });
  return lines;
}

function diagnosisText(s: AccountStatus, d: Diagnosis, src: StepSource): string {
  const zh = src.lang === 'zh-CN';
  const lines = [`${s.account.label}:`];
  if (d.pastedNote) lines.push(`  ${d.pastedNote}`);
  if (d.healthy)
    lines.push(zh ? '  未发现问题：账户正常。' : '  No cause found: the account looks healthy.');
  return [...lines, ...causesText(d, src)].join('\n');
}

/**
 * No account configured and none named: the pasted text alone is explained (issue 12), so a
 * user of any provider gets an answer without adding a key. Exit 2 for a balance problem.
 */
function runPastedOnly(text: string, json: boolean, io: CliIo, now: number): number {
  const lang = resolveLanguage('system', io.locale);
  const r = explainPasted(text, lang, now);
  const d = r.diagnosis;
  // No account: pages come resolved from the pasted provider (or not at all); no commands.
  const src: StepSource = { provider: 'deepseek', args: null, lang };
  if (json) {
    const pasted = {
      provider: r.provider,
      status: r.status,
      balanceProblem: r.balanceProblem,
      note: d.pastedNote,
      causes: causesJson(d.causes, src),
    };
    io.out(JSON.stringify({ accounts: [], pasted }, null, 2));
  } else {
    const zh = lang === 'zh-CN';
    const lines = [zh ? '粘贴的错误（未配置账户）：' : 'Pasted error (no account configured):'];
    if (d.pastedNote) lines.push(`  ${d.pastedNote}`);
    if (d.causes.length === 0)
      lines.push(zh ? '  没有从这段文字中找到原因。' : '  No cause found in this text.');
    io.out([...lines, ...causesText(d, src)].join('\n'));
  }
  return r.balanceProblem ? 2 : 0;
}

async function readPasted(
  values: { 'error-file'?: string; 'error-stdin'?: boolean },
  io: CliIo,
): Promise<string | undefined> {
  if (values['error-file'] !== undefined && values['error-stdin'])
    throw new UsageError('use either --error-file or --error-stdin, not both');
  if (values['error-file'] !== undefined) {
    try {
      return readFileSync(values['error-file'], 'utf8').slice(0, 64 * 1024);
    } catch (e) {
      throw new UsageError(
        `--error-file: cannot read "${values['error-file']}" (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
  if (values['error-stdin']) {
    let text = '';
    for await (const chunk of io.stdin) text += String(chunk);
    // `</dev/null` or an empty pipe: say so rather than diagnose nothing as "no cause found".
    if (text.trim() === '')
      throw new UsageError('--error-stdin: nothing was pasted (standard input was empty)');
    return text.slice(0, 64 * 1024);
  }
  return undefined;
}

export async function runDiagnose(args: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(args, OPTIONS);
  if (values.help) {
    io.out(DIAGNOSE_HELP);
    return 0;
  }
  const paidAt = isoFlag('paid-at', values['paid-at']);
  const pastedError = await readPasted(values, io);
  const ctx = createCliContext(values['data-dir'] ?? io.env.CREDITRAY_DATA_DIR);
  const targets = resolveTargets(values, ctx, io.env);
  if (targets.length === 0 && pastedError !== undefined)
    return runPastedOnly(pastedError, !!values.json, io, ctx.now());
  if (targets.length === 0) {
    io.err(
      'No accounts configured. Add one with `creditray accounts add`, or try `creditray diagnose --demo`.',
    );
    return 3;
  }
  const adHoc = targets.every((t) => t.key !== undefined);
  // Other configured accounts matter: "wrong account topped up" compares them.
  const everyone = adHoc ? targets : resolveTargets({}, ctx, io.env);
  const statuses = await Promise.all(everyone.map((t) => checkAccount(t, ctx)));
  const lang = resolveLanguage('system', io.locale);
  const results = await Promise.all(
    targets.map(async (t) => {
      const status = statuses.find((s) => s.account.id === t.account.id)!;
      const history = adHoc
        ? []
        : await ctx
            .history()
            .read(status.account.id)
            .catch(() => []);
      const d = diagnose(
        {
          account: status,
          history,
          recentErrors: status.error ? [status.error] : [],
          pastedError,
          facts: paidAt !== undefined ? { paidAt } : undefined,
          others: statuses.filter((s) => s !== status),
          now: ctx.now(),
        },
        lang,
      );
      const kind =
        t.key === undefined ? 'configured' : t.account.provider === 'demo' ? 'demo' : 'ad-hoc';
      const src: StepSource = {
        provider: status.account.provider,
        args: accountArgs(status.account.label, kind),
        lang,
      };
      return { status, d, src };
    }),
  );
  if (values.json)
    io.out(
      JSON.stringify(
        { accounts: results.map((r) => diagnosisJson(r.status, r.d, r.src)) },
        null,
        2,
      ),
    );
  else io.out(results.map((r) => diagnosisText(r.status, r.d, r.src)).join('\n\n'));
  return results.some((r) => !r.d.healthy) ? 2 : 0;
}
