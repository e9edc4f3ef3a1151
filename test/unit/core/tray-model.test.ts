import { describe, expect, it } from 'vitest';
import { buildTrayModel, worstLevel, type TrayMenuItem } from '../../../main/core/tray-model';
import { trayMessages } from '../../../shared/i18n/tray';
import {
  DEFAULT_NOTIFY,
  DEFAULT_SETTINGS,
  LEVELS,
  type AccountStatus,
  type AppState,
  type LanguagePref,
  type Level,
  type ProviderError,
} from '../../../shared/model';

function account(
  id: string,
  over: Partial<AccountStatus> & { label?: string; provider?: 'deepseek' | 'demo' } = {},
): AccountStatus {
  const { label = id, provider = 'deepseek', ...status } = over;
  return {
    account: {
      id,
      label,
      provider,
      baseUrl: 'https://api.deepseek.com',
      headlineCurrency: 'auto',
      thresholds: null,
      budget: { kind: 'none' },
      pollIntervalSec: null,
      notify: DEFAULT_NOTIFY,
      keyMask: 'sk-…a1b2',
      createdAt: 0,
    },
    level: 'healthy',
    snapshot: null,
    headline: { currency: 'CNY', total: '100.00' },
    error: null,
    stale: false,
    checkedAt: 1,
    nextCheckAt: 2,
    gaugeFill: null,
    insights: null,
    ...status,
  };
}
function state(
  accounts: AccountStatus[],
  language: LanguagePref = 'en',
  systemLocale = 'en-US',
): AppState {
  return { accounts, settings: { ...DEFAULT_SETTINGS, language }, systemLocale, notices: [] };
}
const failure = (kind: ProviderError['kind'], status: number | null): ProviderError => ({
  kind,
  status,
  message: 'x',
  retryAfterMs: null,
  at: 5,
});
const actions = (menu: TrayMenuItem[]) =>
  menu.map((m) => (m.kind === 'action' ? m.action : m.kind));
function action(menu: TrayMenuItem[], name: string) {
  const item = menu.find((m) => m.kind === 'action' && m.action === name);
  if (!item || item.kind !== 'action') throw new Error(`no ${name}`);
  return item;
}

describe('worstLevel', () => {
  it('ranks depleted > unavailable > critical > error > low > stale > healthy', () => {
    const order: Level[] = [
      'depleted',
      'unavailable',
      'critical',
      'error',
      'low',
      'stale',
      'healthy',
    ];
    for (let i = 0; i < order.length; i++) {
      expect(worstLevel(order.slice(i).reverse())).toBe(order[i]);
    }
    expect(new Set(order)).toEqual(new Set(LEVELS));
  });

  it('is healthy with no accounts', () => {
    expect(worstLevel([])).toBe('healthy');
  });
});

describe('buildTrayModel', () => {
  it('says there are no accounts yet, in both languages, with a healthy empty icon', () => {
    const en = buildTrayModel(state([]));
    expect(en).toMatchObject({
      level: 'healthy',
      fill: null,
      title: '',
      tooltip: 'Creditray — no accounts yet',
    });
    expect(actions(en.menu)).toEqual(['refresh', 'open', 'diagnose', 'separator', 'quit']);
    expect(action(en.menu, 'diagnose').enabled).toBe(false);
    expect(action(en.menu, 'refresh').enabled).toBe(false);
    expect(action(en.menu, 'open').enabled).toBe(true);
    expect(buildTrayModel(state([], 'zh-CN')).tooltip).toBe('Creditray — 尚未添加账户');
  });

  it('takes level, fill and title from the worst account', () => {
    const m = buildTrayModel(
      state([
        account('a', { level: 'healthy', gaugeFill: 0.9 }),
        account('b', {
          level: 'critical',
          gaugeFill: 0.1,
          headline: { currency: 'CNY', total: '12.3' },
        }),
        account('c', { level: 'low', gaugeFill: 0.4 }),
      ]),
    );
    expect(m).toMatchObject({ level: 'critical', fill: 0.1, title: '¥12.30' });
  });

  it('lists every account in the tooltip with its balance formatted in the language and its state', () => {
    const accounts = [
      account('a', { label: 'Work', level: 'low', headline: { currency: 'CNY', total: '1234.5' } }),
      account('b', { label: 'Home', level: 'healthy', headline: { currency: 'USD', total: '3' } }),
    ];
    expect(buildTrayModel(state(accounts)).tooltip).toBe(
      'Work: CN¥1,234.50 — low\nHome: $3.00 — OK',
    );
    expect(buildTrayModel(state(accounts, 'system', 'zh_CN.UTF-8')).tooltip).toBe(
      'Work：¥1,234.50 — 余额偏低\nHome：US$3.00 — 正常',
    );
  });

  it('says an account is stale and why', () => {
    const m = buildTrayModel(
      state([
        account('a', { label: 'Work', level: 'low', stale: true, error: failure('network', null) }),
      ]),
    );
    expect(m.tooltip).toBe('Work: CN¥100.00 — low · stale: network unreachable');
    const zh = buildTrayModel(
      state(
        [account('a', { label: 'W', level: 'stale', stale: true, error: failure('server', 503) })],
        'zh-CN',
      ),
    );
    expect(zh.tooltip).toBe('W：¥100.00 — 数据过期 · 服务器错误 (503)');
  });

  it('gives the error in a few words when there is no balance to show', () => {
    const m = buildTrayModel(
      state([
        account('a', {
          label: 'Work',
          level: 'error',
          headline: null,
          error: failure('auth', 401),
        }),
      ]),
    );
    expect(m.tooltip).toBe('Work: no balance yet — error · key rejected (401)');
    expect(m.title).toBe('');
  });

  it('builds the menu: accounts, separator, actions, top-ups, separator, quit', () => {
    const m = buildTrayModel(
      state([
        account('a', {
          label: 'Work',
          level: 'depleted',
          headline: { currency: 'CNY', total: '0' },
        }),
        account('b', { label: 'Demo', provider: 'demo', level: 'healthy' }),
      ]),
    );
    expect(actions(m.menu)).toEqual([
      'account',
      'account',
      'separator',
      'refresh',
      'open',
      'diagnose',
      'top-up',
      'top-up',
      'separator',
      'quit',
    ]);
    expect(m.menu[0]).toEqual({
      kind: 'account',
      accountId: 'a',
      label: 'Work: CN¥0.00 — out of credit',
    });
    expect(m.menu[6]).toEqual({
      kind: 'top-up',
      accountId: 'a',
      provider: 'deepseek',
      label: 'Top up Work…',
    });
    expect(m.menu[7]).toMatchObject({
      kind: 'top-up',
      accountId: 'b',
      provider: 'demo',
      label: 'Top up Demo…',
    });
    expect(action(m.menu, 'refresh')).toMatchObject({ label: 'Refresh now', enabled: true });
    expect(action(m.menu, 'open').label).toBe('Open Creditray');
    expect(action(m.menu, 'quit').label).toBe('Quit Creditray');
  });

  it('points "Why am I getting 402?" at the worst account only when it is in trouble', () => {
    for (const level of ['depleted', 'unavailable', 'critical', 'error'] as const) {
      const m = buildTrayModel(state([account('ok'), account('bad', { level })]));
      expect(action(m.menu, 'diagnose'), level).toMatchObject({
        enabled: true,
        accountId: 'bad',
        label: 'Why am I getting 402?',
      });
    }
    for (const level of ['low', 'stale', 'healthy'] as const) {
      const m = buildTrayModel(state([account('x', { level })]));
      const diagnose = action(m.menu, 'diagnose');
      expect(diagnose.enabled, level).toBe(true);
      expect(diagnose.accountId, level).toBeUndefined();
    }
  });

  it('speaks Simplified Chinese in the menu when the setting or the OS says so', () => {
    const m = buildTrayModel(state([account('a', { label: '工作' })], 'system', 'zh-TW'));
    expect(m.menu.filter((i) => i.kind !== 'separator').map((i) => i.label)).toEqual([
      '工作：¥100.00 — 正常',
      '立即刷新',
      '打开 Creditray',
      '为什么会出现 402？',
      '为 工作 充值…',
      '退出 Creditray',
    ]);
  });

  it('does not crash on a malformed headline amount or currency', () => {
    const m = buildTrayModel(
      state([
        account('a', {
          label: 'A',
          level: 'critical',
          headline: { currency: 'CNY', total: 'abc' },
        }),
        account('b', { label: 'B', headline: { currency: 'not-a-code', total: '5' } }),
      ]),
    );
    expect(m.tooltip).toBe('A: abc CNY — critical\nB: 5.00 not-a-code — OK');
    expect(m.title).toBe('');
  });
});

describe('trayMessages', () => {
  it('has every key in both languages, with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const en = trayMessages.en as Record<string, string>;
    const zh = trayMessages['zh-CN'] as Record<string, string>;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en))
      expect(placeholders(zh[key]!), key).toEqual(placeholders(en[key]!));
  });
});
