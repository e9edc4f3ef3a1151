/**
 * The tray icon in the form each OS's tray actually uses (looked up in Electron's source,
 * since the docs describe NativeImage scale factors but not which one each tray reads):
 * - macOS: a template NativeImage with 1x and 2x representations; AppKit picks per screen.
 * - Windows: a multi-size .ico file, by path (see core/tray-ico.ts: for buffer images
 *   Electron hands Windows only the 1x bitmap, so 125/150 % would be a stretched 16 px).
 * - Linux: one 32 px bitmap as the only (1x) representation. Chromium's StatusNotifierItem
 *   sends just `image.bitmap()`, the 1x representation, as IconPixmap
 *   (chrome/browser/ui/views/status_icons/status_icon_linux_dbus.cc, MakeDbusImage), and
 *   panels scale it to their own icon size (GNOME: 16 logical px x panel scale, KDE: about
 *   22-24). Shrinking 32 px is sharp on HiDPI and acceptable at 1x; growing 16 px is blurry.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nativeImage, type NativeImage } from 'electron';
import { encodeIco, WINDOWS_TRAY_SCALES } from '../core/tray-ico';
import { fillBucket, trayIconPixels, type TrayIconSpec } from '../core/tray-icon';

/** Logical-to-pixel scale of the single Linux pixmap (32 px). */
export const LINUX_TRAY_SCALE = 2;

export interface TrayImageDeps {
  platform: NodeJS.Platform;
  renderIcon(spec: TrayIconSpec): Buffer;
  /** Where Windows .ico files are written (a per-user temp folder). */
  iconDir: string;
}

/** What to pass to `new Tray()` / `setImage()`: a NativeImage, or an .ico path on Windows. */
export function trayImageFor(
  deps: TrayImageDeps,
  look: Pick<TrayIconSpec, 'level' | 'fill'>,
): NativeImage | string {
  const mac = deps.platform === 'darwin';
  const spec = (scale: number): TrayIconSpec => ({ ...look, scale, template: mac });
  if (deps.platform === 'win32') return writeIco(deps, look, spec);
  if (deps.platform === 'linux') {
    return nativeImage.createFromBuffer(deps.renderIcon(spec(LINUX_TRAY_SCALE)), {
      scaleFactor: 1,
    });
  }
  const img = nativeImage.createFromBuffer(deps.renderIcon(spec(1)), { scaleFactor: 1 });
  img.addRepresentation({ scaleFactor: 2, buffer: deps.renderIcon(spec(2)) });
  // A template image is recoloured by macOS for light and dark menu bars.
  if (mac) img.setTemplateImage(true);
  return img;
}

const written = new Set<string>();

/** Writes (once per look) the .ico with every Windows size; returns its path. */
function writeIco(
  deps: TrayImageDeps,
  look: Pick<TrayIconSpec, 'level' | 'fill'>,
  spec: (scale: number) => TrayIconSpec,
): string {
  const file = join(deps.iconDir, `tray-${look.level}-${fillBucket(look.level, look.fill)}.ico`);
  if (written.has(file)) return file;
  const ico = encodeIco(
    WINDOWS_TRAY_SCALES.map((s) => ({ size: trayIconPixels(s), png: deps.renderIcon(spec(s)) })),
  );
  mkdirSync(deps.iconDir, { recursive: true });
  // Whole or not at all: Windows may read the file while a later one is being written.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, ico);
  renameSync(tmp, file);
  written.add(file);
  return file;
}
