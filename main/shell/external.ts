/**
 * The one door to the user's browser. `shell.openExternal` hands a URL to the OS, which
 * would happily run any protocol handler, so everything passes the https allowlist first.
 */
import { shell } from 'electron';
import { ok, type AppError, type Result } from '../../shared/result';
import { checkExternalUrl } from './external-policy';

/** Opens an allowlisted https link in the default browser; anything else is refused as a value. */
export async function openExternal(url: string): Promise<Result<null, AppError>> {
  const checked = checkExternalUrl(url);
  if (!checked.ok) return checked;
  await shell.openExternal(checked.value);
  return ok(null);
}
