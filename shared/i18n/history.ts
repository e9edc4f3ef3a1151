/**
 * Words about balance history produced outside React (CLI, notices, tray tooltip): storage
 * faults, repaired files, and the forecast/burn-rate states. English and Simplified Chinese.
 */
import { translator } from './format';

const en = {
  'history-disk-full':
    'Balance history could not be saved: the disk is full. Earlier history is unchanged; free some space.',
  'history-read-only':
    'Balance history could not be saved: the disk is read-only. Earlier history is unchanged.',
  'history-permission':
    'Balance history could not be saved: permission denied for {{dir}}. Earlier history is unchanged.',
  'history-io': 'Balance history could not be saved ({{detail}}). Earlier history is unchanged.',
  'history.repaired':
    'An interrupted write left a damaged record in the balance history; it was dropped and everything before it was kept.',
  'forecast.collecting': 'Collecting data: a forecast needs {{hours}} more hours of history.',
  'forecast.not-spending': 'No spending in the last {{days}} days.',
  'forecast.zero':
    'At {{rate}} a day the balance lasts until about {{expected}} (between {{earliest}} and {{latest}}).',
  'forecast.zero-open':
    'At {{rate}} a day the balance lasts until about {{expected}} (from {{earliest}}; slow days may stretch it much longer).',
  'burn.per-day': '{{amount}} a day',
  'burn.per-hour': '{{amount}} an hour',
  'change.possible-gift-expiry':
    'Gift credit of {{amount}} disappeared at once: it probably expired (not counted as spending).',
  'change.top-up': 'Top-up of {{amount}}.',
  'change.gift': 'Gift credit of {{amount}} added.',
} as const;

export type HistoryMessageKey = keyof typeof en;

const zh: Record<HistoryMessageKey, string> = {
  'history-disk-full': '余额历史无法保存：磁盘已满。已有历史未受影响，请释放一些空间。',
  'history-read-only': '余额历史无法保存：磁盘为只读。已有历史未受影响。',
  'history-permission': '余额历史无法保存：没有 {{dir}} 的访问权限。已有历史未受影响。',
  'history-io': '余额历史无法保存（{{detail}}）。已有历史未受影响。',
  'history.repaired':
    '一次中断的写入在余额历史中留下了一条损坏记录；该记录已丢弃，之前的所有记录均已保留。',
  'forecast.collecting': '正在收集数据：还需要 {{hours}} 小时的历史才能预测。',
  'forecast.not-spending': '最近 {{days}} 天没有消费。',
  'forecast.zero':
    '按每天 {{rate}} 计算，余额大约可用到 {{expected}}（在 {{earliest}} 到 {{latest}} 之间）。',
  'forecast.zero-open':
    '按每天 {{rate}} 计算，余额大约可用到 {{expected}}（最早 {{earliest}}；用得少的日子会让它持续更久）。',
  'burn.per-day': '每天 {{amount}}',
  'burn.per-hour': '每小时 {{amount}}',
  'change.possible-gift-expiry': '赠送余额 {{amount}} 一次性消失：很可能已过期（不计入消费）。',
  'change.top-up': '充值 {{amount}}。',
  'change.gift': '新增赠送余额 {{amount}}。',
};

export const historyMessages = { en, 'zh-CN': zh } as const;

/** One history string in `lang`, placeholders filled. */
export const historyText = translator<HistoryMessageKey>(historyMessages);
