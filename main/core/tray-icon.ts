/**
 * The tray icon, drawn in plain TypeScript so it is testable pixel by pixel without Electron
 * and needs no image assets per state. A battery glyph: the fill height is the share of budget
 * left, and every level also has a shape (X, slash, "!", dashed outline, fill height), so the
 * state reads without colour, in the macOS template variant, and for colour-blind users.
 */
import { PNG } from 'pngjs';
import type { Level } from '../../shared/model';

/** Everything that changes the picture; also the cache key (fill by 10% bucket). */
export interface TrayIconSpec {
  level: Level;
  /** 0..1 share of the budget left; null = the level's default height. */
  fill: number | null;
  /**
   * Device pixels per logical pixel: 1 and 2 (macOS, Linux), and Windows' 1.25, 1.5, 2.5
   * and 3 (20, 24, 40 and 48 px). Any scale >= 1 works: the image is round(16 x scale) px.
   */
  scale: number;
  /** macOS template image: black + alpha only, the OS recolours it for light/dark menu bars. */
  template: boolean;
}

type Rgba = readonly [number, number, number, number];

/** Logical size; 2x draws the same geometry on 32x32 pixels, 1.25x on 20x20. */
export const TRAY_ICON_SIZE = 16;
/** Fill area in logical px: x∈[5,11), y∈[4,14). Ten rows, one per 10% bucket. */
export const FILL_AREA = { left: 5, right: 11, top: 4, bottom: 14 } as const;

/**
 * Okabe–Ito hues (bluish green, orange, vermillion) plus a neutral grey, with the vermillion
 * darkened so healthy, low and critical also differ in luminance (contrast ≥ 1.5 between them).
 * `fill` paints the gauge; `mark` paints a symbol (X, slash, "!") over the light empty body.
 */
export const TRAY_PALETTE: Record<Level, { fill: Rgba; mark: Rgba }> = {
  healthy: { fill: [0, 158, 115, 255], mark: [0, 158, 115, 255] },
  low: { fill: [230, 159, 0, 255], mark: [230, 159, 0, 255] },
  critical: { fill: [176, 72, 0, 255], mark: [176, 72, 0, 255] },
  depleted: { fill: [176, 72, 0, 255], mark: [176, 72, 0, 255] },
  unavailable: { fill: [176, 72, 0, 255], mark: [176, 72, 0, 255] },
  error: { fill: [118, 118, 118, 255], mark: [118, 118, 118, 255] },
  stale: { fill: [118, 118, 118, 255], mark: [118, 118, 118, 255] },
};
export const OUTLINE_RGBA: Rgba = [34, 34, 34, 255];
export const EMPTY_BODY_RGBA: Rgba = [242, 242, 242, 255];
/** A symbol crossing the fill is cut out of it, so it shows on any fill colour. */
export const KNOCKOUT_RGBA: Rgba = [255, 255, 255, 255];
const TRANSPARENT: Rgba = [0, 0, 0, 0];
const BLACK: Rgba = [0, 0, 0, 255];

/** Fill rows (of 10) when the caller has no budget share: the level alone decides. */
const DEFAULT_BUCKET: Record<Level, number> = {
  healthy: 10,
  low: 5,
  critical: 2,
  depleted: 0,
  unavailable: 0,
  error: 0,
  stale: 10,
};

/**
 * The 10% bucket the icon is drawn (and cached) with. Any money left shows at least one row,
 * so only a truly empty gauge looks empty; depleted is always drawn empty (it cannot pay).
 */
export function fillBucket(level: Level, fill: number | null): number {
  if (level === 'depleted') return 0;
  if (fill === null || !Number.isFinite(fill)) return DEFAULT_BUCKET[level];
  if (fill <= 0) return 0;
  return Math.min(10, Math.max(1, Math.round(fill * 10)));
}

type Base = 'none' | 'outline' | 'body' | 'fill';

function inRect(x: number, y: number, l: number, t: number, r: number, b: number): boolean {
  return x >= l && x < r && y >= t && y < b;
}

/** What the battery itself puts at logical point (x, y), before any symbol. */
function baseAt(x: number, y: number, bucket: number, dashed: boolean): Base {
  if (inRect(x, y, 6, 0, 10, 2)) return 'outline'; // terminal cap
  if (!inRect(x, y, 3, 2, 13, 16)) return 'none';
  if (!inRect(x, y, 4, 3, 12, 15)) {
    // Stale: a dashed outline, one logical px on, one off.
    return dashed && (Math.floor(x) + Math.floor(y)) % 2 === 1 ? 'none' : 'outline';
  }
  const { left, right, bottom } = FILL_AREA;
  return inRect(x, y, left, bottom - bucket, right, bottom) ? 'fill' : 'body';
}

/** Whether the level's symbol covers logical point (x, y). Centre of the body is (8, 9). */
function markAt(level: Level, x: number, y: number): boolean {
  const dx = x - 8;
  const dy = y - 9;
  switch (level) {
    case 'depleted': // X inside the body
      return (
        Math.abs(dx) <= 3 &&
        Math.abs(dy) <= 3 &&
        (Math.abs(dx - dy) <= 0.5 || Math.abs(dx + dy) <= 0.5)
      );
    case 'unavailable': // one slash across the whole glyph, poking out of the body
      return Math.abs(dx) <= 5.5 && Math.abs(dx + dy) <= 0.5;
    case 'error': // exclamation mark
      return inRect(x, y, 7, 5, 9, 10) || inRect(x, y, 7, 11, 9, 13);
    default:
      return false;
  }
}

function pixelColour(level: Level, base: Base, mark: boolean, template: boolean): Rgba {
  if (mark) {
    // Cut out of the fill (same ink), drawn everywhere else, so the symbol stays continuous.
    if (template) return base === 'fill' ? TRANSPARENT : BLACK;
    return base === 'fill' ? KNOCKOUT_RGBA : TRAY_PALETTE[level].mark;
  }
  switch (base) {
    case 'none':
      return TRANSPARENT;
    case 'outline':
      return template ? BLACK : OUTLINE_RGBA;
    case 'body':
      return template ? TRANSPARENT : EMPTY_BODY_RGBA;
    case 'fill':
      return template ? BLACK : TRAY_PALETTE[level].fill;
  }
}

/** Pixel size of the image drawn at `scale` (16 -> 20 at 1.25, 24 at 1.5, 48 at 3). */
export const trayIconPixels = (scale: number): number => Math.round(TRAY_ICON_SIZE * scale);

/**
 * Draws without caching: each pixel samples the logical geometry at its centre. Nearest
 * sampling keeps edges crisp at any scale, and since pixel centres are at most one logical px
 * apart when scale >= 1, no one-logical-px line or gap can fall between two of them.
 */
function draw(level: Level, bucket: number, scale: number, template: boolean): Buffer {
  if (!(scale >= 1) || !Number.isFinite(scale)) throw new RangeError(`tray icon scale ${scale}`);
  const size = trayIconPixels(scale);
  const step = TRAY_ICON_SIZE / size;
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) * step;
      const y = (py + 0.5) * step;
      const rgba = pixelColour(
        level,
        baseAt(x, y, bucket, level === 'stale'),
        markAt(level, x, y),
        template,
      );
      png.data.set(rgba, (py * size + px) * 4);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

const cache = new Map<string, Buffer>();

/**
 * PNG bytes (pngjs), cached per (level, fill bucket of 10%, scale, template): the tray is
 * redrawn on every state push, and there are only 7 x 11 levels/buckets per scale and variant.
 * 1x = 16x16, 2x = 32x32, 1.25x = 20x20. The returned Buffer is shared: do not mutate it.
 */
export function renderTrayIcon(spec: TrayIconSpec): Buffer {
  const bucket = fillBucket(spec.level, spec.fill);
  const key = `${spec.level}:${bucket}:${spec.scale}:${spec.template ? 't' : 'c'}`;
  let png = cache.get(key);
  if (!png) {
    png = draw(spec.level, bucket, spec.scale, spec.template);
    cache.set(key, png);
  }
  return png;
}

/** Decoded RGBA pixels of a rendered icon, for tests and debugging. */
export function decodeTrayIcon(png: Buffer): { width: number; height: number; data: Buffer } {
  const { width, height, data } = PNG.sync.read(png);
  return { width, height, data };
}
