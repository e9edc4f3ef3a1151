/**
 * axe-core scans (WCAG 2.0/2.1/2.2 A and AA, plus unique ids and unique landmark names) of
 * every main screen and state the harness reaches quickly, in English and Chinese, light and
 * dark, at the window's default size and at its minimum. Any violation fails the test and is
 * printed as rule id, impact, node count and the first node's selector (A11Y_DUMP=1 prints
 * every node with axe's explanation).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { cnyRow, ZERO_USD_ROW } from '../fakes/deepseek-server';
import { expect, test } from './harness/fixtures';
import { buildShowcase } from './harness/showcase';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** Beyond the tags: ids must be unique (the WCAG 2.0 parsing rule, now outside the tags) and landmarks named apart. */
const EXTRA_RULES = { 'duplicate-id': { enabled: true }, 'landmark-unique': { enabled: true } };

const SIZES = [
  { width: 980, height: 700 }, // the window's default (main/shell/window.ts)
  { width: 640, height: 480 }, // its minimum
] as const;

/** Scans the page as it is; returns one line per violation (none when it passes). */
async function violations(page: Page, state: string): Promise<string[]> {
  await expect(page.locator('.spinner')).toHaveCount(0);
  const r = await new AxeBuilder({ page })
    .options({ runOnly: { type: 'tag', values: TAGS }, rules: EXTRA_RULES })
    .analyze();
  if (process.env.A11Y_DUMP)
    for (const v of r.violations)
      for (const n of v.nodes)
        console.log(
          `DUMP ${state} ${v.id} ${JSON.stringify(n.target)} ${n.html.slice(0, 160)} :: ${n.failureSummary?.replace(/\s+/g, ' ')}`,
        );
  return r.violations.map(
    (v) =>
      `${state}: ${v.id} (${v.impact ?? 'no impact'}) ×${v.nodes.length}, first: ${JSON.stringify(v.nodes[0]?.target ?? [])}`,
  );
}

const WORDS = {
  en: {
    why: /^Why 402\?/,
    remove: 'Remove account',
    removeTitle: 'Remove Drained?',
    cancel: 'Cancel',
    errorText: 'Error text',
    analyse: 'Analyse',
    balanceProblem: 'A balance problem',
    paid: 'I have paid',
    recheck: 'Re-check now',
    done: 'Done',
    fixed: 'Fixed',
  },
  'zh-CN': {
    why: /^为何 402？/,
    remove: '删除账户',
    removeTitle: '删除“已用完”？',
    cancel: '取消',
    errorText: '错误内容',
    analyse: '分析',
    balanceProblem: '是余额问题',
    paid: '我已付款',
    recheck: '立即重新检查',
    done: '已完成',
    fixed: '已解决',
  },
} as const;

for (const size of SIZES) {
  for (const lang of ['en', 'zh-CN'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      test.describe(`${size.width}×${size.height}`, () => {
        test.use({ viewport: size });
        test(`axe: every main screen and state, ${lang}, ${theme}`, async ({ harness }) => {
          test.setTimeout(180_000); // eleven scans of a six-account window on a busy two-core machine
          const { page, backend } = harness;
          const w = WORDS[lang];
          const found: string[] = [];
          let scans = 0;
          const scan = async (state: string) => {
            found.push(...(await violations(page, state)));
            scans++;
          };
          await page.emulateMedia({ colorScheme: theme });
          await backend.core().updateSettings({ language: lang });
          await harness.open();
          await expect(page.locator('html')).toHaveAttribute('lang', lang);
          await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
          await scan('welcome');

          const ids = await buildShowcase(backend, lang);
          const drained = ids[4]!;
          await harness.navigate('dashboard');
          await expect(page.locator('li.account-row')).toHaveCount(6);
          await scan('dashboard (six accounts, every level)');

          await page.locator('li.account-row button.row-open').nth(2).click();
          await expect(page.locator('article.card')).toHaveCount(1);
          await scan('account detail');

          await harness.navigate('history');
          await expect(page.getByTestId('history-chart').locator('canvas')).toHaveCount(1);
          await scan('history with data');

          await harness.navigate('settings');
          await expect(page.locator('form.account-settings')).toHaveCount(6);
          await scan('settings');

          await page
            .locator(`#account-settings-${drained}`)
            .getByRole('button', { name: w.remove })
            .click();
          const dialog = page.getByRole('dialog', { name: w.removeTitle });
          await expect(dialog).toBeVisible();
          await scan('remove dialog');
          await dialog.getByRole('button', { name: w.cancel }).click();
          await expect(dialog).toBeHidden();

          await harness.navigate('onboarding');
          await expect(page.locator('main form').first()).toBeVisible();
          await scan('add-account form');

          await harness.navigate('diagnosis', drained);
          const view = page.locator(`section[data-account="${drained}"]`);
          // Several causes (the depleted balance and a key that may be another account's).
          await expect(view.locator('article[data-cause="balance-depleted"]')).toBeVisible();
          expect(await view.locator('article.dx-cause').count()).toBeGreaterThan(1);
          await scan('diagnosis with causes');

          await page
            .getByLabel(w.errorText)
            .fill(
              'Error code: 402 - {"error": {"message": "Insufficient Balance", "type": "unknown_error"}}',
            );
          await page.getByRole('button', { name: w.analyse }).click();
          await expect(page.getByTestId('pasted-result')).toContainText(w.balanceProblem);
          await scan('diagnosis with a pasted 402');

          const markPaid = view.locator('li.dx-step[data-step$="mark-paid"]').first();
          await markPaid.getByRole('button', { name: w.paid }).click();
          await expect(markPaid.getByTestId('step-status')).toHaveText(w.done);
          await scan('diagnosis with a step done');

          backend.server.setBalance({
            rows: [ZERO_USD_ROW, cnyRow('110.00', '10.00')],
            available: true,
          });
          await view.getByRole('button', { name: w.recheck }).first().click();
          const fixed = view.locator('article[data-cause="balance-depleted"]');
          await expect(fixed).toHaveAttribute('data-cleared', 'true');
          await expect(fixed.locator('.dx-fixed')).toHaveText(w.fixed);
          await scan('diagnosis with a cause fixed');

          const where = `${lang} ${theme} ${size.width}×${size.height}`;
          console.log(`axe: ${scans} scans, ${found.length} violations (${where})`);
          test.info().annotations.push({ type: 'axe scans', description: String(scans) });
          expect(found, `axe violations, ${where}`).toEqual([]);
        });
      });
    }
  }
}

/** Relative luminance contrast of two computed `rgb(...)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

// axe does not look at focus rings: the selected (accent-filled) range button's ring is checked here.
for (const theme of ['light', 'dark'] as const) {
  test(`the selected History range button shows a visible focus ring, ${theme}`, async ({
    harness,
  }) => {
    const { page } = harness;
    await page.emulateMedia({ colorScheme: theme });
    await harness.open();
    await harness.addGoodAccount('Work');
    await harness.navigate('history');
    const week = page.locator('.segmented button[data-range="7d"]');
    await week.click();
    await expect(week).toHaveAttribute('aria-pressed', 'true');
    // Back and forth with the keyboard, so the focus is a keyboard focus (:focus-visible).
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(week).toBeFocused();
    const style = await week.evaluate((el) => {
      const cs = (
        globalThis as unknown as {
          getComputedStyle(e: unknown): {
            outlineStyle: string;
            outlineWidth: string;
            outlineColor: string;
            backgroundColor: string;
          };
        }
      ).getComputedStyle(el);
      return {
        visible: el.matches(':focus-visible'),
        outline: cs.outlineStyle,
        width: parseFloat(cs.outlineWidth),
        ring: cs.outlineColor,
        fill: cs.backgroundColor,
      };
    });
    expect(style.visible).toBe(true);
    expect(style.outline).not.toBe('none');
    expect(style.width).toBeGreaterThanOrEqual(2);
    // The ring is drawn inside the button (negative offset), on its accent fill: 3:1 at least (WCAG 1.4.11).
    expect(contrast(style.ring, style.fill)).toBeGreaterThanOrEqual(3);
  });
}
