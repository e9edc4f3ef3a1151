/**
 * The one source drawing of the Creditray app icon, in code: a bluish-green rounded square
 * with a white fuel gauge (arc, needle, hub). Drawn with signed distances at the target size
 * itself, so every size is sharp (a 16 px icon is not a blurred 1024 px one) and the output
 * is byte-for-byte reproducible. Used only by scripts/make-icons.ts at build-author time.
 */
import { PNG } from 'pngjs';

/** Product colour #009E73 (Okabe-Ito bluish green). */
export const ICON_RGB = [0x00, 0x9e, 0x73] as const;

type Vec = readonly [number, number];
const len = (x: number, y: number) => Math.hypot(x, y);

/** Signed distance to a rounded square centred at 0.5 (negative inside). */
function roundedSquare(p: Vec, half: number, radius: number): number {
  const qx = Math.abs(p[0] - 0.5) - half + radius;
  const qy = Math.abs(p[1] - 0.5) - half + radius;
  return len(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Distance to a segment a-b with round ends, minus half its width. */
function capsule(p: Vec, a: Vec, b: Vec, width: number): number {
  const [px, py] = [p[0] - a[0], p[1] - a[1]];
  const [bx, by] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.min(1, Math.max(0, (px * bx + py * by) / (bx * bx + by * by)));
  return len(px - bx * t, py - by * t) - width / 2;
}

/** Point on a circle at `deg` degrees clockwise from straight up (y grows downwards). */
const polar = (c: Vec, r: number, deg: number): Vec => {
  const a = (deg * Math.PI) / 180;
  return [c[0] + r * Math.sin(a), c[1] - r * Math.cos(a)];
};

/** Ring arc spanning ±`span` degrees around straight up, with round caps. */
function arc(p: Vec, c: Vec, r: number, span: number, width: number): number {
  const deg = (Math.atan2(p[0] - c[0], -(p[1] - c[1])) * 180) / Math.PI;
  if (Math.abs(deg) <= span) return Math.abs(len(p[0] - c[0], p[1] - c[1]) - r) - width / 2;
  const end = polar(c, r, deg > 0 ? span : -span);
  return len(p[0] - end[0], p[1] - end[1]) - width / 2;
}

const CENTRE: Vec = [0.5, 0.6];
const NEEDLE_TIP = polar(CENTRE, 0.25, 40);

/** Distance field of the white gauge (union of arc, needle and hub). */
function gauge(p: Vec): number {
  return Math.min(
    arc(p, CENTRE, 0.29, 118, 0.105),
    capsule(p, CENTRE, NEEDLE_TIP, 0.085),
    len(p[0] - CENTRE[0], p[1] - CENTRE[1]) - 0.085,
  );
}

/** Coverage of a pixel by a shape from its distance in pixels (1 px wide anti-aliasing). */
const cover = (distPx: number) => Math.min(1, Math.max(0, 0.5 - distPx));

/** Draws the icon at `size` x `size` pixels, straight (not premultiplied) RGBA. */
export function drawIcon(size: number): PNG {
  const png = new PNG({ width: size, height: size });
  const margin = 0.0625; // room for the OS's own shadows and for the rounded corners to read as such
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const p: Vec = [(x + 0.5) / size, (y + 0.5) / size];
      const base = cover(roundedSquare(p, 0.5 - margin, 0.2) * size);
      const mark = cover(gauge(p) * size) * base;
      const i = (y * size + x) * 4;
      // The mark sits on top of the square: blend white over green, alpha from the square.
      for (let ch = 0; ch < 3; ch++) {
        png.data[i + ch] = Math.round(255 * mark + (ICON_RGB[ch] ?? 0) * (1 - mark));
      }
      png.data[i + 3] = Math.round(255 * base);
    }
  }
  return png;
}

/** PNG file bytes of the icon at `size` (deterministic: fixed zlib settings, no metadata). */
export function iconPng(size: number): Buffer {
  return PNG.sync.write(drawIcon(size), { colorType: 6, deflateLevel: 9 });
}
