/** The configured account a command names with --account LABEL (case-insensitive), or a usage error listing the labels. */
import { UsageError, nonEmpty } from '../args';
import type { CliContext } from '../context';
import type { AccountConfig } from '../../../shared/model';

export function accountByLabel(
  ctx: CliContext,
  flag: string | undefined,
  command: string,
): AccountConfig {
  const label = nonEmpty('account', flag);
  if (!label) throw new UsageError(`${command} needs --account LABEL`);
  const accounts = ctx.settings().listAccounts();
  const match = accounts.find((a) => a.label.toLowerCase() === label.toLowerCase());
  if (!match) {
    const known = accounts.map((a) => `"${a.label}"`).join(', ') || 'none configured';
    throw new UsageError(`no account labelled "${label}" (accounts: ${known})`);
  }
  return match;
}
