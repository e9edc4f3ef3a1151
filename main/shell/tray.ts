/**
 * The Electron Tray as a thin projection of `buildTrayModel(state)`: icon, tooltip, macOS
 * title and context menu. All wording and ordering decisions live in the model; this file
 * only maps model items to Electron menu items and clicks to actions.
 */
import { join } from 'node:path';
import { app, Menu, Tray, type MenuItemConstructorOptions } from 'electron';
import type { View } from '../../shared/ipc';
import type { AppState } from '../../shared/model';
import { PROVIDERS } from '../../shared/providers';
import type { CoreApi } from '../core/app-core';
import type { Logger } from '../core/ports';
import {
  buildTrayModel,
  fitTooltip,
  WINDOWS_TOOLTIP_MAX,
  type TrayMenuItem,
  type TrayModel,
} from '../core/tray-model';
import { renderTrayIcon, type TrayIconSpec } from '../core/tray-icon';
import { trayImageFor } from './tray-image';
import { toError } from '../../shared/result';

export interface TrayDeps {
  core: Pick<CoreApi, 'getState' | 'subscribe' | 'refresh'>;
  windows: { showView(view?: View, accountId?: string): void };
  /** Allowlisted opener (external.ts). */
  openExternal(url: string): Promise<unknown>;
  quit(): void;
  logger: Logger;
  platform?: NodeJS.Platform;
  /** Injectable for tests; default to the real model and renderer. */
  buildModel?: (state: AppState) => TrayModel;
  renderIcon?: (spec: TrayIconSpec) => Buffer;
  /** Windows only: where the tray's .ico files go (default: a folder in the OS temp dir). */
  iconDir?: string;
}

export interface TrayController {
  /** Re-renders from a state; a no-op when the model did not change. */
  update(state: AppState): void;
  /** What the tray shows now (for the end-to-end suite's test-only hook). */
  shown(): TrayModel | null;
  destroy(): void;
}

/** Creates the tray from the current state and follows every later state change. */
export function createTray(deps: TrayDeps): TrayController {
  const platform = deps.platform ?? process.platform;
  const mac = platform === 'darwin';
  const buildModel = deps.buildModel ?? buildTrayModel;
  const imageDeps = {
    platform,
    renderIcon: deps.renderIcon ?? renderTrayIcon,
    iconDir: deps.iconDir ?? join(app.getPath('temp'), 'creditray-tray'),
  };
  const icon = (m: TrayModel) => trayImageFor(imageDeps, m);
  // Windows would cut a longer tooltip itself, mid-character; elsewhere there is no limit.
  const tooltip = (m: TrayModel) =>
    platform === 'win32' ? fitTooltip(m.tooltip, WINDOWS_TOOLTIP_MAX) : m.tooltip;

  const first = buildModel(deps.core.getState());
  const tray = new Tray(icon(first));
  let shown: TrayModel | null = null;
  let shownKey = '';

  const render = (m: TrayModel): void => {
    const key = JSON.stringify(m);
    if (key === shownKey) return;
    // The first icon went into the constructor; later ones only when the glyph changes.
    if (shown && (shown.level !== m.level || shown.fill !== m.fill)) tray.setImage(icon(m));
    if (!shown || shown.tooltip !== m.tooltip) tray.setToolTip(tooltip(m));
    if (mac && (!shown || shown.title !== m.title)) tray.setTitle(m.title);
    // Always set the menu again: on Linux a changed menu only shows after setContextMenu.
    tray.setContextMenu(Menu.buildFromTemplate(m.menu.map(toMenuItem)));
    shown = m;
    shownKey = key;
  };

  const run = (what: string, p: Promise<unknown>): void => {
    void p.catch((e: unknown) =>
      deps.logger.error(`tray ${what} failed`, {
        error: toError(e).message,
      }),
    );
  };

  const toMenuItem = (item: TrayMenuItem): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'account':
        return {
          label: item.label,
          click: () => deps.windows.showView('dashboard', item.accountId),
        };
      case 'top-up': {
        const url = PROVIDERS[item.provider].links.topUp;
        // tray-model offers top-up only for providers with a page; a missing one stays inert.
        if (!url) return { label: item.label, enabled: false };
        return { label: item.label, click: () => run('top-up', deps.openExternal(url)) };
      }
      case 'action':
        return { label: item.label, enabled: item.enabled, click: () => act(item) };
    }
  };

  const act = (item: Extract<TrayMenuItem, { kind: 'action' }>): void => {
    switch (item.action) {
      case 'refresh':
        run('refresh', deps.core.refresh(item.accountId));
        return;
      case 'open':
        deps.windows.showView('dashboard', item.accountId);
        return;
      case 'diagnose':
        deps.windows.showView('diagnosis', item.accountId);
        return;
      case 'quit':
        deps.quit();
        return;
    }
  };

  render(first);
  // Windows/macOS: a left click opens the window (Linux app indicators may only show the menu).
  tray.on('click', () => deps.windows.showView('dashboard'));
  const unsubscribe = deps.core.subscribe((state) => render(buildModel(state)));

  return {
    update: (state) => render(buildModel(state)),
    shown: () => shown,
    destroy() {
      unsubscribe();
      tray.destroy();
    },
  };
}
