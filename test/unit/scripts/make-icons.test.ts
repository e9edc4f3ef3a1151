import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { buildIco, ICNS_TYPES } from '../../../scripts/icon-containers';
import { drawIcon } from '../../../scripts/icon-drawing';
import { ICO_SIZES, LINUX_SIZES, MASTER_SIZE } from '../../../scripts/make-icons';

const build = (p: string) =>
  readFileSync(fileURLToPath(new URL(`../../../build/${p}`, import.meta.url)));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk (bytes 16..24). */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

/** Reads an ICO's directory and the PNG each entry points at. */
function parseIco(file: Buffer) {
  expect(file.readUInt16LE(0)).toBe(0);
  expect(file.readUInt16LE(2)).toBe(1);
  const count = file.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const at = 6 + i * 16;
    const [w, h] = [file.readUInt8(at) || 256, file.readUInt8(at + 1) || 256];
    const [bytes, offset] = [file.readUInt32LE(at + 8), file.readUInt32LE(at + 12)];
    expect(offset + bytes).toBeLessThanOrEqual(file.length);
    return {
      w,
      h,
      planes: file.readUInt16LE(at + 4),
      bpp: file.readUInt16LE(at + 6),
      offset,
      png: file.subarray(offset, offset + bytes),
    };
  });
}

/** Walks an ICNS file's elements (type, PNG payload). */
function parseIcns(file: Buffer) {
  expect(file.toString('ascii', 0, 4)).toBe('icns');
  expect(file.readUInt32BE(4)).toBe(file.length);
  const elements: Array<{ type: string; data: Buffer }> = [];
  for (let at = 8; at < file.length;) {
    const length = file.readUInt32BE(at + 4);
    expect(length).toBeGreaterThan(8);
    elements.push({
      type: file.toString('ascii', at, at + 4),
      data: file.subarray(at + 8, at + length),
    });
    at += length;
  }
  return elements;
}

describe('committed app icons (npm run icons)', () => {
  it('has a Windows ICO whose directory lists every size and points at matching PNGs', () => {
    const entries = parseIco(build('icon.ico'));
    expect(entries.map((e) => e.w)).toEqual([...ICO_SIZES]);
    let end = 6 + entries.length * 16;
    for (const e of entries) {
      expect(e.offset).toBe(end); // back to back, no overlap
      end += e.png.length;
      expect([e.planes, e.bpp]).toEqual([1, 32]);
      expect(pngSize(e.png)).toEqual([e.w, e.h]);
    }
    expect(end).toBe(build('icon.ico').length);
  });

  it('has a macOS ICNS with PNG elements ic07..ic14 of the sizes their types require', () => {
    const elements = parseIcns(build('icon.icns'));
    expect(elements.map((e) => e.type).sort()).toEqual(Object.keys(ICNS_TYPES).sort());
    for (const { type, data } of elements) {
      const size = ICNS_TYPES[type as keyof typeof ICNS_TYPES];
      expect(pngSize(data), type).toEqual([size, size]);
    }
  });

  it('has the Linux set named by size and a 1024 px master', () => {
    for (const s of LINUX_SIZES) expect(pngSize(build(`icons/${s}x${s}.png`))).toEqual([s, s]);
    expect(pngSize(build('icon.png'))).toEqual([MASTER_SIZE, MASTER_SIZE]);
  });

  it('matches the source drawing pixel for pixel (re-run `npm run icons` after changing it)', () => {
    for (const [file, size] of [
      ['icons/16x16.png', 16],
      ['icons/48x48.png', 48],
      ['icon.png', MASTER_SIZE],
    ] as const) {
      const committed = PNG.sync.read(build(file));
      expect(committed.data.equals(drawIcon(size).data), file).toBe(true);
    }
  });
});

describe('icon drawing', () => {
  it('stays readable at 16 px: transparent corners, a green square and a white gauge mark', () => {
    const { data } = drawIcon(16);
    const px = (x: number, y: number) =>
      Array.from(data.subarray((y * 16 + x) * 4, (y * 16 + x) * 4 + 4));
    expect(px(0, 0)[3]).toBe(0);
    expect(px(1, 8)).toEqual([0x00, 0x9e, 0x73, 255]); // inside the square, left of the gauge
    let white = 0;
    for (let i = 0; i < data.length; i += 4)
      if ((data[i] ?? 0) > 200 && (data[i + 3] ?? 0) === 255) white++;
    expect(white).toBeGreaterThanOrEqual(20); // enough solid pixels for the arc and needle to show
  });
});

describe('ICO writer', () => {
  it('refuses an image an ICO directory cannot describe', () => {
    expect(() => buildIco([{ size: 512, png: Buffer.alloc(0) }])).toThrow(/1\.\.256/);
  });
});
