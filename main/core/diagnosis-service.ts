/**
 * The core's side of "Why am I getting 402?": gathers the evidence the pure engine needs
 * (status, history, recent poll errors, the other accounts, what the user declared), keeps
 * the previous diagnosis per account so re-runs track progress, and asks the monitor for
 * faster re-checks while a fix is in progress.
 */
import { diagnose, trackProgress, type DeclaredFacts, type Diagnosis } from '../../shared/diagnosis';
import type { Lang } from '../../shared/i18n/language';
import type { ParsedRequest } from '../../shared/ipc';
import type { AccountStatus, ProviderError, Snapshot } from '../../shared/model';
import { err, ok, type AppError, type Result } from '../../shared/result';

/** While a fix is in progress the account is re-checked this often... */
export const FIX_RECHECK_MS = 30_000;
/** ...for this long after the last diagnosis that found a cause. */
export const FIX_WINDOW_MS = 10 * 60_000;
/** History the engine looks at: the gift-credit lookback (30 days) plus a week of usual spend. */
const HISTORY_LOOKBACK_MS = 40 * 24 * 3_600_000;
const MAX_ERRORS = 20;

export interface DiagnosisServiceDeps {
  statuses(): AccountStatus[];
  readHistory(id: string, from: number): Promise<Snapshot[]>;
  /** monitor.boost: `untilMs` is an absolute epoch ms. */
  boost(id: string, intervalMs: number, untilMs: number): void;
  now(): number;
  lang(): Lang;
  /** The engine prints times in this zone; defaults to the runtime's. */
  timeZone?: string;
}

export interface DiagnosisService {
  run(req: ParsedRequest<'diagnosis:run'>): Promise<Result<Diagnosis, AppError>>;
  markPaid(req: ParsedRequest<'diagnosis:mark-paid'>): Result<null, AppError>;
  /** Call on every state change: remembers new poll errors and forgets removed accounts. */
  observe(statuses: AccountStatus[]): void;
}

const notFound = (): AppError => ({ code: 'not-found', message: 'That account no longer exists.' });

/** Builds the service; all memory (previous diagnoses, declared payments, errors) is in process only. */
export function createDiagnosisService(deps: DiagnosisServiceDeps): DiagnosisService {
  const previous = new Map<string, { diagnosis: Diagnosis; lastCauseAt: number | null }>();
  const facts = new Map<string, DeclaredFacts>();
  const errors = new Map<string, ProviderError[]>();

  const observe = (statuses: AccountStatus[]) => {
    const ids = new Set(statuses.map((s) => s.account.id));
    for (const map of [previous, facts, errors]) for (const id of map.keys()) if (!ids.has(id)) map.delete(id);
    for (const s of statuses) {
      if (!s.error) continue;
      const list = errors.get(s.account.id) ?? [];
      const last = list.at(-1);
      if (last && last.at === s.error.at && last.kind === s.error.kind) continue;
      errors.set(s.account.id, [...list, s.error].slice(-MAX_ERRORS));
    }
  };

  const readHistory = async (id: string, from: number): Promise<Snapshot[]> => {
    try {
      return await deps.readHistory(id, from);
    } catch {
      return []; // an unreadable history only weakens the history-based causes
    }
  };

  return {
    observe,
    async run(req) {
      const all = deps.statuses();
      observe(all);
      const account = all.find((s) => s.account.id === req.id);
      if (!account) return err(notFound());
      const now = deps.now();
      const from = now - HISTORY_LOOKBACK_MS;
      const others = all.filter((s) => s !== account);
      const [history, ...otherHistories] = await Promise.all([
        readHistory(req.id, from),
        ...others.map((o) => readHistory(o.account.id, from)),
      ]);
      if (req.paidAt !== undefined) facts.set(req.id, { ...facts.get(req.id), paidAt: req.paidAt });
      const input = {
        account,
        history: history ?? [],
        recentErrors: errors.get(req.id) ?? [],
        pastedError: req.pastedError,
        facts: facts.get(req.id),
        others,
        othersHistory: Object.fromEntries(others.map((o, i) => [o.account.id, otherHistories[i] ?? []])),
        now,
        timeZone: deps.timeZone,
      };
      const prev = previous.get(req.id);
      const inFix = prev?.lastCauseAt != null && now - prev.lastCauseAt <= FIX_WINDOW_MS;
      const diagnosis = inFix ? trackProgress(prev.diagnosis, input, deps.lang()) : diagnose(input, deps.lang());
      const live = diagnosis.causes.some((c) => !c.cleared);
      previous.set(req.id, { diagnosis, lastCauseAt: live ? now : (prev?.lastCauseAt ?? null) });
      if (live) deps.boost(req.id, FIX_RECHECK_MS, now + FIX_WINDOW_MS);
      return ok(diagnosis);
    },
    markPaid(req) {
      if (!deps.statuses().some((s) => s.account.id === req.id)) return err(notFound());
      facts.set(req.id, { ...facts.get(req.id), paidAt: req.at ?? deps.now() });
      return ok(null);
    },
  };
}
