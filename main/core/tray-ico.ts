/**
 * Windows tray icons as a multi-size .ico. Electron's Tray on Windows does not pick among a
 * NativeImage's scale factors: Tray::SetImage calls `GetHICON(GetSystemMetrics(SM_CXSMICON))`,
 * and for an image built from buffers GetHICON ignores the size and converts the 1x bitmap
 * (`IconUtil::CreateHICONFromSkBitmap(image_.AsBitmap())`), which Windows then stretches to
 * 20/24/32 px at 125/150/200 % scaling (electron/electron shell/browser/api/electron_api_tray.cc,
 * shell/common/api/electron_api_native_image.cc). An image loaded from a *.ico path instead
 * keeps the path and loads it with `LoadImage(…, IMAGE_ICON, size, size, LR_LOADFROMFILE)`,
 * which picks the entry that fits SM_CXSMICON. So the shell writes this file and hands Electron
 * its path. Entries are PNG-compressed, which the ICO format has allowed since Windows Vista.
 */

/** The small-icon sizes Windows asks for at 100, 125, 150, 200, 250 and 300 % scaling. */
export const WINDOWS_TRAY_SCALES = [1, 1.25, 1.5, 2, 2.5, 3] as const;

export interface IcoEntry {
  /** Width = height in pixels, 1..256. */
  size: number;
  png: Buffer;
}

const HEADER = 6;
const DIR_ENTRY = 16;

/** An .ico holding each PNG as one entry, smallest first. */
export function encodeIco(entries: readonly IcoEntry[]): Buffer {
  if (entries.length === 0) throw new Error('an .ico needs at least one image');
  const sorted = [...entries].sort((a, b) => a.size - b.size);
  const header = Buffer.alloc(HEADER + DIR_ENTRY * sorted.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(sorted.length, 4);
  let offset = header.length;
  sorted.forEach((e, i) => {
    if (!Number.isInteger(e.size) || e.size < 1 || e.size > 256)
      throw new RangeError(`icon size ${e.size}`);
    const at = HEADER + DIR_ENTRY * i;
    header.writeUInt8(e.size === 256 ? 0 : e.size, at); // width (0 means 256)
    header.writeUInt8(e.size === 256 ? 0 : e.size, at + 1); // height
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3); // reserved
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(e.png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += e.png.length;
  });
  return Buffer.concat([header, ...sorted.map((e) => e.png)]);
}

/** The entries of an .ico (sizes and offsets), for tests and debugging. */
export function readIcoDirectory(ico: Buffer): { size: number; bytes: number; offset: number }[] {
  if (ico.readUInt16LE(2) !== 1) throw new Error('not an icon file');
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const at = HEADER + DIR_ENTRY * i;
    return {
      size: ico.readUInt8(at) || 256,
      bytes: ico.readUInt32LE(at + 8),
      offset: ico.readUInt32LE(at + 12),
    };
  });
}
