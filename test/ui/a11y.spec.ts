/**
 * axe-core scans (WCAG 2.0/2.1/2.2 A and AA, plus unique ids and unique landmark names) of
 * every main screen and state the harness reaches quickly (27 of them, from a refused key on
 * the welcome screen to a dashboard grouped by provider), in English and Chinese, light and
 * dark, at the window's default size and at its minimum: 8 × 27 = 216 scans. Any violation fails the test and is
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

/** A pasted 401 (an invalid key: "not a balance problem"). */
const PASTED_401 =
  "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Authentication Fails, Your api key: ****abcd is invalid', 'type': 'authentication_error', 'param': None, 'code': 'invalid_request_error'}}";

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
          test.setTimeout(480_000); // 27 scans of a six-account window on a busy two-core machine
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

          // The locators below do not depend on the language: the same steps run in both.
          const keyInput = page.locator('main input[name="api-key"]');
          await keyInput.fill('sk-not-a-real-key-0000000000000000');
          await page.locator('main form button[type="submit"]').click();
          await expect(page.getByTestId('add-error')).toBeVisible();
          await scan('refused key');

          await page.locator('main input[type="radio"][value="moonshot"]').check();
          await expect(page.locator('main .radio-row input[type="radio"]')).toHaveCount(2);
          await scan('provider picker: Moonshot and its two sites');
          await page.locator('main input[type="radio"][value="relay"]').check();
          await expect(page.locator('main input[type="url"], main input[id$="-url"]').first()).toBeVisible();
          await scan('provider picker: a relay and its address');
          await page.locator('main input[type="radio"][value="custom"]').check();
          await page.locator('main input[type="url"]').fill('https://gw.example.com/api/balance');
          await page.locator('main form button[type="submit"]').click();
          await expect(page.locator('main .custom-mapping [aria-invalid="true"]')).toBeFocused();
          await scan('provider picker: a custom endpoint, its mapping refused on a field');
          await page.locator('main input[type="radio"][value="deepseek"]').check();

          await harness.navigate('history');
          await expect(page.locator('main .state-empty')).toBeVisible();
          await scan('history, empty (no accounts)');

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

          const downloading = page.waitForEvent('download');
          await page.locator('.history-transfer button').first().click();
          await downloading;
          await expect(page.getByTestId('history-transfer-status')).not.toBeEmpty();
          await scan('history after export');

          await backend.history.remove(ids[3]!);
          await harness.navigate('history', ids[3]);
          await expect(page.locator('.chart-panel .state-empty')).toBeVisible();
          await scan('history, empty (no readings)');

          await harness.navigate('settings');
          await expect(page.locator('form.account-settings')).toHaveCount(6);
          await scan('settings');

          const panel = page.locator(`#account-settings-${drained}`);
          await panel.locator('fieldset input[type="checkbox"]').first().uncheck();
          await panel.locator('input[id$="-low"]').fill('abc');
          await panel.locator('button[type="submit"]').click();
          await expect(panel.locator('.form-error')).toBeVisible();
          await scan('settings with a validation error');

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

          await view.locator('.toolbar button[aria-expanded]').click();
          await view.locator('.dx-replace input').fill('sk-not-a-real-key-1111111111111111');
          await view.locator('.dx-replace button[type="submit"]').click();
          await expect(view.locator('.dx-replace [role="alert"]')).toBeVisible();
          await scan('diagnosis with a refused replacement key');
          await page.keyboard.press('Escape');
          await expect(view.locator('.dx-replace')).toHaveCount(0);

          await view.locator('.dx-paste textarea').fill(PASTED_401);
          await view.locator('.dx-paste button[type="submit"]').click();
          await expect(page.getByTestId('pasted-result')).toContainText('401');
          await scan('diagnosis with a pasted 401');

          const dxOf = async (id: string) => {
            await harness.navigate('diagnosis', id);
            const v = page.locator(`section[data-account="${id}"]`);
            await expect(v.locator('.dx-result, .state-error').first()).toBeVisible();
            return v;
          };
          await dxOf(ids[0]!);
          await scan('diagnosis of a healthy account');
          await dxOf(ids[3]!);
          await scan('diagnosis of an unavailable account');
          backend.server.setPersistent({ kind: 'status', status: 500 });
          await backend.core().refresh(ids[1]);
          backend.server.setPersistent(null);
          expect(backend.core().getState().accounts.find((a) => a.account.id === ids[1])?.stale).toBe(true);
          await dxOf(ids[1]!);
          await scan('diagnosis of a stale account');

          harness.answer('diagnosis:run', {
            ok: false,
            error: { code: 'internal', message: 'The diagnosis stopped half way.' },
          });
          const failed = await dxOf(ids[2]!);
          await expect(failed.locator('.dx-main .state-error')).toBeVisible();
          await scan('diagnosis that could not run');
          harness.answer('diagnosis:run', null);

          // Seven accounts of two providers: the dashboard groups them, Settings shows each address.
          const kimi = await backend.core().addAccount({ provider: 'moonshot', label: 'Kimi', key: 'sk-kimi0123456789abcdef0123456789ab' });
          expect(kimi.ok).toBe(true);
          await harness.navigate('dashboard');
          await expect(page.getByTestId('account-groups').locator('section')).toHaveCount(2);
          await scan('dashboard grouped by provider');
          await harness.navigate('settings', kimi.ok ? kimi.value.id : '');
          const site = page.locator(`#account-settings-${kimi.ok ? kimi.value.id : ''} .endpoint-settings`);
          await site.locator('input[type="radio"]').nth(1).check();
          await site.locator('button').click();
          await expect(site.getByRole('status')).not.toBeEmpty();
          await scan('settings: an account moved to its other site');

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

// Below 760 px the sidebar shows icons only: each label must stay the button's name (visually
// hidden, never display:none) and come back as a tooltip on keyboard focus and on hover.
test.describe('640×480', () => {
  test.use({ viewport: { width: 640, height: 480 } });
  test('the sidebar shows icons only, and every button keeps its name and a tooltip', async ({
    harness,
  }) => {
    const { page } = harness;
    await harness.open();
    await harness.addGoodAccount('Work'); // "Add account" joins the sidebar once there is one
    const nav = page.getByRole('navigation');
    const names = ['Dashboard', 'History', 'Settings', 'Add account'];
    const label = (name: string) =>
      nav.getByRole('button', { name, exact: true }).locator('.nav-label');
    const box = async (name: string) => (await label(name).boundingBox()) ?? { width: 0, height: 0 };
    for (const name of names) {
      // The accessible name is there (getByRole finds the button by it) ...
      await expect(nav.getByRole('button', { name, exact: true })).toHaveCount(1);
      // ... while the label is clipped to a pixel, not removed from the page.
      const display = await label(name).evaluate(
        (el) =>
          (
            globalThis as unknown as { getComputedStyle(e: unknown): { display: string } }
          ).getComputedStyle(el).display,
      );
      expect(display).not.toBe('none');
      expect((await box(name)).width).toBeLessThanOrEqual(1);
    }
    // Keyboard focus shows the label next to the icon, as a tooltip.
    await nav.getByRole('button', { name: 'Dashboard', exact: true }).focus();
    await page.keyboard.press('Tab'); // a keyboard move, so :focus-visible applies
    const history = nav.getByRole('button', { name: 'History', exact: true });
    await expect(history).toBeFocused();
    await expect(label('History')).toBeVisible();
    expect((await box('History')).width).toBeGreaterThan(20);
    await expect(label('History')).toHaveText('History');
    // So does the pointer.
    await nav.getByRole('button', { name: 'Settings', exact: true }).hover();
    expect((await box('Settings')).width).toBeGreaterThan(20);
  });
});
