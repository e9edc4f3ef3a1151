/**
 * Runs the diagnosis in main for one account and runs it again whenever a 'state:changed'
 * push changes that account (a poll, a replaced key, a new headline) or the language: the
 * window never polls. Answers that arrive out of order are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Diagnosis } from '../../../shared/diagnosis/types';
import type { CreditrayApi } from '../../../shared/ipc';
import type { AccountStatus } from '../../../shared/model';
import type { AppError } from '../../../shared/result';

export type DiagnosisLoad =
  | { phase: 'loading' }
  | { phase: 'ready'; diagnosis: Diagnosis; running: boolean }
  | { phase: 'error'; error: AppError };

/**
 * What, if it changed, could change the diagnosis: this account's reading, error, key and
 * headline, the language, and the other accounts' checks (wrong-account compares them).
 */
export function accountSignature(s: AccountStatus | undefined, language: string, all: AccountStatus[] = []): string {
  if (!s) return '';
  const others = all.filter((o) => o.account.id !== s.account.id).map((o) => [o.account.id, o.checkedAt, o.level]);
  return JSON.stringify([
    others,
    language,
    s.level,
    s.checkedAt,
    s.stale,
    s.error?.kind ?? null,
    s.error?.at ?? null,
    s.snapshot?.at ?? null,
    s.snapshot?.available ?? null,
    s.account.keyMask,
    s.account.headlineCurrency,
    s.headline?.currency ?? null,
  ]);
}

/** `pasted` is the text last sent with Analyse: every re-run carries it so its causes persist. */
export function useDiagnosis(api: CreditrayApi, id: string | undefined, signature: string, pasted: string) {
  const [load, setLoad] = useState<DiagnosisLoad>({ phase: 'loading' });
  const seq = useRef(0);
  const lastKey = useRef<string | null>(null);

  const run = useCallback(
    (force = false): Promise<void> => {
      if (!id) return Promise.resolve();
      const key = `${id}\n${signature}\n${pasted}`;
      if (!force && key === lastKey.current) return Promise.resolve();
      lastKey.current = key;
      const mine = ++seq.current;
      const current = () => mine === seq.current;
      const fail = (error: AppError) => {
        lastKey.current = null; // a failed run is retried by the next change
        setLoad({ phase: 'error', error });
      };
      // State changes only in callbacks, never synchronously in the effect that started the run.
      void Promise.resolve().then(() => {
        if (current()) setLoad((l) => (l.phase === 'ready' ? { ...l, running: true } : { phase: 'loading' }));
      });
      return api.invoke('diagnosis:run', pasted.trim() ? { id, pastedError: pasted } : { id }).then(
        (r) => {
          if (!current()) return;
          if (r.ok) setLoad({ phase: 'ready', diagnosis: r.value, running: false });
          else fail(r.error);
        },
        (e: unknown) => {
          if (current()) fail({ code: 'internal', message: e instanceof Error ? e.message : String(e) });
        },
      );
    },
    [api, id, signature, pasted],
  );

  // Event handlers call the newest run (with the newest signature) through this ref.
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
    void run();
  }, [run]);

  return { load, rerun: () => latest.current(true), runIfChanged: () => latest.current(false) };
}
