/**
 * The two icon containers electron-builder wants, written from PNG bytes with no external
 * tools: Windows ICO (PNG-compressed entries, valid since Windows Vista) and macOS ICNS
 * (PNG-only OSTypes, valid since OS X 10.7/10.8). Both formats are tiny: a directory and the PNGs.
 */

/** One image to put in a container: its edge length in pixels and its PNG file bytes. */
export interface SizedPng {
  size: number;
  png: Buffer;
}

const ICO_HEADER = 6;
const ICO_ENTRY = 16;

/**
 * ICO: ICONDIR (reserved 0, type 1 = icon, count), one 16-byte ICONDIRENTRY per image
 * (width/height as a byte, 0 meaning 256; colour count 0; planes 1; 32 bits per pixel;
 * data size; data offset), then the PNG files back to back.
 */
export function buildIco(images: readonly SizedPng[]): Buffer {
  const header = Buffer.alloc(ICO_HEADER + ICO_ENTRY * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    if (size < 1 || size > 256) throw new Error(`ICO images are 1..256 px, got ${size}`);
    const at = ICO_HEADER + i * ICO_ENTRY;
    header.writeUInt8(size === 256 ? 0 : size, at);
    header.writeUInt8(size === 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3); // reserved
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((im) => im.png)]);
}

/**
 * The PNG-capable ICNS element types and the pixel size each must hold
 * (ic11..ic14 are the @2x variants of 16, 32, 128 and 256 points).
 */
export const ICNS_TYPES = {
  ic11: 32,
  ic12: 64,
  ic07: 128,
  ic13: 256,
  ic08: 256,
  ic14: 512,
  ic09: 512,
  ic10: 1024,
} as const;
export type IcnsType = keyof typeof ICNS_TYPES;

/**
 * ICNS: big-endian throughout. File header 'icns' + total length, then per element a
 * four-character type, the element length including its 8-byte header, and the PNG bytes.
 */
export function buildIcns(pngFor: (size: number) => Buffer): Buffer {
  const elements = (Object.keys(ICNS_TYPES) as IcnsType[]).map((type) => {
    const png = pngFor(ICNS_TYPES[type]);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'ascii');
  header.writeUInt32BE(8 + elements.reduce((n, e) => n + e.length, 0), 4);
  return Buffer.concat([header, ...elements]);
}
