import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callsTo, fake, resetElectronFake, type FakeNativeImage } from '../../fakes/electron';
import {
  createFakeCore,
  fakeAccount,
  fakeState,
  fakeStatus,
  recordingLogger,
  type FakeCore,
} from '../../fakes/fake-core';
import { createTray, type TrayDeps } from '../../../main/shell/tray';
import { decodeTrayIcon } from '../../../main/core/tray-icon';
import { readIcoDirectory } from '../../../main/core/tray-ico';
import { WINDOWS_TOOLTIP_MAX } from '../../../main/core/tray-model';

let core: FakeCore;
let dir: string;

beforeEach(() => {
  resetElectronFake();
  dir = mkdtempSync(join(tmpdir(), 'creditray-tray-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function start(platform: NodeJS.Platform, over: Partial<TrayDeps> = {}) {
  return createTray({
    core,
    windows: { showView: () => undefined },
    openExternal: async () => undefined,
    quit: () => undefined,
    logger: recordingLogger(),
    platform,
    iconDir: dir,
    ...over,
  });
}
/** Many accounts with long labels: a tooltip far over Windows' 127 characters. */
function crowded(): void {
  core = createFakeCore(
    fakeState(
      Array.from({ length: 6 }, (_, i) =>
        fakeStatus(`a${i}`, 'healthy', '1234.56', {
          account: fakeAccount(`a${i}`, { label: `Team account number ${i} 😀` }),
        }),
      ),
    ),
  );
}

describe('tray on Windows', () => {
  beforeEach(() => {
    core = createFakeCore(fakeState([fakeStatus('a1', 'healthy', '50.00')]));
  });

  it('gives Electron an .ico path with 16-48 px entries, so 125 %, 150 % and 200 % scaling get their own pixels', () => {
    start('win32');
    const image = fake.trays[0]!.image;
    expect(typeof image).toBe('string');
    const ico = readFileSync(image as string);
    const entries = readIcoDirectory(ico);
    expect(entries.map((e) => e.size)).toEqual([16, 20, 24, 32, 40, 48]);
    for (const e of entries) {
      const png = ico.subarray(e.offset, e.offset + e.bytes);
      expect(decodeTrayIcon(png).width).toBe(e.size);
    }
  });

  it('writes a new .ico only when the glyph changes, and points setImage at it', () => {
    start('win32');
    const first = fake.trays[0]!.image as string;
    core.setState(fakeState([fakeStatus('a1', 'depleted', '0.00')]));
    const [next] = callsTo('tray', 'setImage')[0]!.args as [string];
    expect(next).not.toBe(first);
    expect(readIcoDirectory(readFileSync(next))).toHaveLength(6);
  });

  it(`keeps the tooltip within ${WINDOWS_TOOLTIP_MAX} UTF-16 units, ending in an ellipsis`, () => {
    crowded();
    const ctl = start('win32');
    const tip = fake.trays[0]!.toolTip;
    expect(ctl.shown()!.tooltip.length).toBeGreaterThan(WINDOWS_TOOLTIP_MAX);
    expect(tip.length).toBeLessThanOrEqual(WINDOWS_TOOLTIP_MAX);
    expect(tip.endsWith('…')).toBe(true);
    expect(ctl.shown()!.tooltip.startsWith(tip.slice(0, -1))).toBe(true);
  });
});

describe('tray on other systems', () => {
  it('leaves a long tooltip whole on Linux and macOS (no such limit there)', () => {
    crowded();
    const ctl = start('linux');
    expect(fake.trays[0]!.toolTip).toBe(ctl.shown()!.tooltip);
  });

  it('gives macOS a 16 + 32 px template image (AppKit picks per screen)', () => {
    core = createFakeCore(fakeState([fakeStatus('a1', 'low', '5.00')]));
    start('darwin');
    const img = fake.trays[0]!.image as FakeNativeImage;
    expect(img.getScaleFactors()).toEqual([1, 2]);
    expect(img.representations.map((r) => decodeTrayIcon(r.buffer).width)).toEqual([16, 32]);
    expect(img.isTemplateImage()).toBe(true);
  });
});
