/**
 * Every screen in both languages and both themes: screenshots for people, and for Chinese
 * a check that no English is left on screen (brand names, currency codes and key masks aside).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { buildShowcase } from './harness/showcase';

/** Words allowed on a Chinese screen: names, codes (an API field the diagnosis quotes), file formats and the language's own name in the picker. */
// Provider names and their monograms (the add-account picker) are proper names in both languages.
const ALLOWED =
  /Creditray|DeepSeek|Moonshot \(Kimi\)|OpenRouter|SiliconFlow|StepFun|Novita AI|one-api|new-api|\b(?:DS|K|OR|SF|St|N|R)\b|API|CSV|JSON|is_available(?: = (?:true|false))?|CNY|USD|US\$|CN¥|English|sk-…(?:[0-9a-f]{4})?/g;

/** Visible text plus what a screen reader announces (aria-label, placeholder, title). */
async function englishLeftovers(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    type El = {
      innerText: string;
      querySelectorAll(s: string): ArrayLike<{ getAttribute(n: string): string | null }>;
    };
    const body = (globalThis as unknown as { document: { body: El } }).document.body;
    const attrs = Array.from(body.querySelectorAll('[aria-label],[placeholder],[title]')).flatMap(
      (e) => ['aria-label', 'placeholder', 'title'].map((n) => e.getAttribute(n) ?? ''),
    );
    return [body.innerText, ...attrs].join('\n');
  });
  return [...new Set(text.replace(ALLOWED, ' ').match(/[A-Za-z]{2,}/g) ?? [])];
}

const screens = async (page: Page, lang: 'en' | 'zh-CN') => {
  const t =
    lang === 'en'
      ? {
          dashboard: 'Dashboard',
          history: 'History',
          settings: 'Settings',
          add: 'Add account',
          why: /^Why 402\?/,
        }
      : {
          dashboard: '总览',
          history: '历史',
          settings: '设置',
          add: '添加账户',
          why: /^为何 402？/,
        };
  return [
    {
      name: 'dashboard',
      go: () => page.getByRole('navigation').getByRole('button', { name: t.dashboard }).click(),
    },
    {
      name: 'account',
      go: async () => {
        await page.locator('li.account-row button.row-open').nth(2).click();
        await expect(page.locator('article.card')).toHaveCount(1);
      },
    },
    {
      name: 'history',
      go: () => page.getByRole('navigation').getByRole('button', { name: t.history }).click(),
    },
    {
      name: 'settings',
      go: () => page.getByRole('navigation').getByRole('button', { name: t.settings }).click(),
    },
    {
      name: 'add-account',
      go: () => page.getByRole('navigation').getByRole('button', { name: t.add }).click(),
    },
    {
      name: 'diagnosis',
      go: async () => {
        await page.getByRole('navigation').getByRole('button', { name: t.dashboard }).click();
        await page.getByRole('button', { name: t.why }).first().click();
      },
    },
  ];
};

// The window's real size (main/shell/window.ts): the screenshots show what a user sees.
test.use({ viewport: { width: 980, height: 700 } });

for (const lang of ['en', 'zh-CN'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`every screen in ${lang}, ${theme} theme${lang === 'zh-CN' ? ', with no English left' : ''}`, async ({
      harness,
    }) => {
      const { page, backend } = harness;
      await page.emulateMedia({ colorScheme: theme });
      await harness.open();
      if (lang === 'zh-CN') {
        // Switch the way a user would: Settings -> Language.
        await page.getByRole('button', { name: 'Settings' }).click();
        await page.getByLabel('Language').selectOption('zh-CN');
        await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
        await page.getByRole('button', { name: '总览' }).click();
      }
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        lang === 'en' ? 'Welcome to Creditray' : '欢迎使用 Creditray',
      );
      if (lang === 'zh-CN') expect(await englishLeftovers(page), 'welcome').toEqual([]);
      await harness.shot(`welcome-${lang}-${theme}`);

      await buildShowcase(backend, lang);
      await expect(page.locator('li.account-row')).toHaveCount(6);
      for (const screen of await screens(page, lang)) {
        await screen.go();
        await expect(page.locator('.spinner')).toHaveCount(0);
        if (screen.name === 'history')
          await expect(page.getByTestId('history-chart').locator('canvas')).toHaveCount(1);
        if (lang === 'zh-CN') expect(await englishLeftovers(page), screen.name).toEqual([]);
        await harness.shot(`${screen.name}-${lang}-${theme}`);
      }
    });
  }
}

test.describe('with a Chinese system locale', () => {
  test.use({ systemLocale: 'zh-CN' });
  test('the window starts in Chinese when the language setting is "system"', async ({
    harness,
  }) => {
    await harness.open();
    await expect(harness.page.getByRole('heading', { level: 1 })).toHaveText('欢迎使用 Creditray');
    expect(await englishLeftovers(harness.page)).toEqual([]);
  });
});
