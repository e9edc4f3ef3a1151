/**
 * Words for history export/import from the window (the error an import shows when a file has
 * bad rows). English and Simplified Chinese; the row problems themselves come from the parser.
 */
import { translator } from './format';

const en = {
  'import.rejected': 'Nothing was imported. {{problems}}',
  'import.line': 'Line {{line}}: {{message}}',
  'import.more': '… and {{count}} more problems.',
  'import.failed': 'Nothing was imported: {{detail}}',
  'account.missing': 'That account no longer exists.',
  'history.unreadable': 'Could not read the history: {{detail}}',
} as const;

export type HistoryTransferKey = keyof typeof en;

const zh: Record<HistoryTransferKey, string> = {
  'import.rejected': '未导入任何记录。{{problems}}',
  'import.line': '第 {{line}} 行：{{message}}',
  'import.more': '……另有 {{count}} 个问题。',
  'import.failed': '未导入任何记录：{{detail}}',
  'account.missing': '该账户已不存在。',
  'history.unreadable': '无法读取历史记录：{{detail}}',
};

export const historyTransferMessages = { en, 'zh-CN': zh } as const;

/** One export/import string in `lang`, placeholders filled. */
export const historyTransferText = translator<HistoryTransferKey>(historyTransferMessages);
