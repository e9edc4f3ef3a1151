/**
 * The one facade the Electron shell, IPC handlers and UI harness talk to. It owns the
 * services (settings, keychain, providers, monitor, history) and turns user actions into
 * state changes that come back through `subscribe`.
 */
import type { ParsedRequest } from '../../shared/ipc';
import type { AccountConfig, AppSettings, AppState, Snapshot } from '../../shared/model';
import type { AppError, Result } from '../../shared/result';
import type { Diagnosis } from '../../shared/diagnosis/types';

export interface CoreApi {
  getState(): AppState;
  /** Called on every state change (after a poll, a settings change, an account added...). */
  subscribe(listener: (state: AppState) => void): () => void;
  addAccount(req: ParsedRequest<'accounts:add'>): Promise<Result<AccountConfig, AppError>>;
  updateAccount(req: ParsedRequest<'accounts:update'>): Promise<Result<AccountConfig, AppError>>;
  replaceKey(req: ParsedRequest<'accounts:replace-key'>): Promise<Result<AccountConfig, AppError>>;
  /** Moves an account to another site, relay address or custom endpoint, after its key works there. */
  setEndpoint(req: ParsedRequest<'accounts:set-endpoint'>): Promise<Result<AccountConfig, AppError>>;
  removeAccount(id: string): Promise<Result<null, AppError>>;
  /** Poll now: one account, or all when id is omitted. Resolves when the poll has finished. */
  refresh(id?: string): Promise<Result<null, AppError>>;
  updateSettings(patch: ParsedRequest<'settings:update'>): Promise<Result<AppSettings, AppError>>;
  getHistory(req: ParsedRequest<'history:get'>): Promise<Result<Snapshot[], AppError>>;
  startDemo(): Promise<Result<AccountConfig, AppError>>;
  /**
   * Why am I getting 402? for one account, from its status, history, recent errors and the
   * other accounts. A re-run for the same account tracks progress (steps stay done, cleared
   * causes listed), and while causes exist the account is re-checked every 30 s for 10 minutes.
   */
  runDiagnosis(req: ParsedRequest<'diagnosis:run'>): Promise<Result<Diagnosis, AppError>>;
  /** The user says they paid (in memory only: lost on restart, which only loses `top-up-pending`). */
  markPaid(req: ParsedRequest<'diagnosis:mark-paid'>): Promise<Result<null, AppError>>;
  /** One account's history as CSV or JSON text (the window saves it as a file). */
  exportHistory(req: ParsedRequest<'history:export'>): Promise<Result<string, AppError>>;
  /**
   * Imports a CSV or JSON history file's text, all or nothing: a file with bad rows imports
   * nothing and the error message names the first bad lines with their line numbers.
   */
  importHistory(
    req: ParsedRequest<'history:import'>,
  ): Promise<Result<{ imported: number; sameTime: number }, AppError>>;
  /** The laptop woke up or the network came back: poll once, not once per missed interval. */
  onResume(): void;
  onOnline(): void;
  /** Stops pollers and flushes history. */
  stop(): Promise<void>;
}
