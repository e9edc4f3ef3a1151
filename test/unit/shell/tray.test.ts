import { beforeEach, describe, expect, it } from 'vitest';
import {
  callsTo,
  fake,
  resetElectronFake,
  type FakeNativeImage,
  type FakeTray,
} from '../../fakes/electron';
import {
  createFakeCore,
  fakeState,
  fakeStatus,
  recordingLogger,
  type FakeCore,
} from '../../fakes/fake-core';
import { createTray, type TrayDeps } from '../../../main/shell/tray';
import { decodeTrayIcon } from '../../../main/core/tray-icon';
import type { View } from '../../../shared/ipc';

let core: FakeCore;
let shown: { view?: View; accountId?: string }[];
let opened: string[];
let quits: number;

beforeEach(() => {
  resetElectronFake();
  core = createFakeCore(fakeState([fakeStatus('a1', 'healthy', '50.00')]));
  shown = [];
  opened = [];
  quits = 0;
});

function start(over: Partial<TrayDeps> = {}) {
  const ctl = createTray({
    core,
    windows: { showView: (view, accountId) => void shown.push({ view, accountId }) },
    openExternal: async (url) => void opened.push(url),
    quit: () => void quits++,
    logger: recordingLogger(),
    platform: 'linux',
    ...over,
  });
  expect(fake.trays).toHaveLength(1);
  return { ctl, tray: fake.trays[0] as FakeTray };
}
const image = (t: FakeTray) => t.image as FakeNativeImage;

describe('tray', () => {
  it('is created on Linux with one 32 px pixmap (the only one a StatusNotifierItem sends), a tooltip and a menu', () => {
    const { tray, ctl } = start();
    expect(ctl.shown()?.tooltip).toBe(tray.toolTip);
    expect(image(tray).getScaleFactors()).toEqual([1]);
    expect(image(tray).representations.map((r) => decodeTrayIcon(r.buffer).width)).toEqual([32]);
    expect(tray.toolTip).toContain('50.00');
    expect(tray.contextMenu?.template.map((i) => i.label ?? i.type)).toContain('Quit Creditray');
    expect(image(tray).isTemplateImage()).toBe(false);
    expect(callsTo('tray', 'setTitle')).toEqual([]); // the title is a macOS-only feature
  });

  it('uses a template icon and a title on macOS', () => {
    const { tray } = start({ platform: 'darwin' });
    expect(image(tray).isTemplateImage()).toBe(true);
    expect(tray.title).toContain('50.00');
  });

  it('changes icon, tooltip and menu when the state changes, setting the menu again', () => {
    const { tray } = start();
    const firstIcon = image(tray).representations[0]!.buffer;
    const firstMenu = tray.contextMenu;
    core.setState(fakeState([fakeStatus('a1', 'depleted', '0.00')]));
    expect(callsTo('tray', 'setImage')).toHaveLength(1);
    expect(image(tray).representations[0]!.buffer.equals(firstIcon)).toBe(false);
    expect(tray.toolTip).toContain('0.00');
    expect(callsTo('tray', 'setContextMenu')).toHaveLength(2);
    expect(tray.contextMenu).not.toBe(firstMenu);
    expect(tray.contextMenu?.item(/^Account a1/).label).toContain('0.00');
  });

  it('does not re-render when the model did not change', () => {
    start();
    const before = callsTo('tray').length;
    core.setState(fakeState([fakeStatus('a1', 'healthy', '50.00')]));
    expect(callsTo('tray').length).toBe(before);
  });

  it('maps menu clicks to window, refresh, diagnosis, top-up and quit', async () => {
    core.setState(fakeState([fakeStatus('a1', 'depleted', '0.00')]));
    const { tray } = start();
    const menu = tray.contextMenu!;
    menu.click(/^Account a1/);
    menu.click('Why am I getting 402?');
    menu.click('Open Creditray');
    menu.click('Refresh now');
    menu.click(/^Top up/);
    menu.click('Quit Creditray');
    await Promise.resolve();
    expect(shown).toEqual([
      { view: 'dashboard', accountId: 'a1' },
      { view: 'diagnosis', accountId: 'a1' },
      { view: 'dashboard', accountId: undefined },
    ]);
    expect(core.calls.filter((c) => c.method === 'refresh')).toEqual([
      { method: 'refresh', args: [undefined] },
    ]);
    expect(opened).toEqual(['https://platform.deepseek.com/top_up']);
    expect(quits).toBe(1);
  });

  it('opens the window on a tray click and stops following the core when destroyed', () => {
    const { ctl, tray } = start();
    tray.emit('click');
    expect(shown).toEqual([{ view: 'dashboard', accountId: undefined }]);
    ctl.destroy();
    expect(tray.isDestroyed()).toBe(true);
    expect(core.subscriberCount()).toBe(0);
  });

  it('keeps disabled items disabled', () => {
    const { tray } = start({
      buildModel: () => ({
        level: 'healthy',
        fill: null,
        tooltip: 't',
        title: '',
        menu: [
          { kind: 'action', action: 'refresh', label: 'Refreshing…', enabled: false },
          { kind: 'separator' },
        ],
      }),
    });
    expect(tray.contextMenu?.template).toEqual([
      expect.objectContaining({ label: 'Refreshing…', enabled: false }),
      { type: 'separator' },
    ]);
  });
});
