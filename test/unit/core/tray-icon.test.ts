import { describe, expect, it } from 'vitest';
import {
  decodeTrayIcon,
  EMPTY_BODY_RGBA,
  fillBucket,
  FILL_AREA,
  KNOCKOUT_RGBA,
  OUTLINE_RGBA,
  renderTrayIcon,
  TRAY_PALETTE,
  type TrayIconSpec,
} from '../../../main/core/tray-icon';
import { LEVELS, type Level } from '../../../shared/model';

type Img = ReturnType<typeof decodeTrayIcon>;

function img(level: Level, fill: number | null = null, scale: 1 | 2 = 1, template = false): Img {
  return decodeTrayIcon(renderTrayIcon({ level, fill, scale, template }));
}
function px(i: Img, x: number, y: number): number[] {
  const o = (y * i.width + x) * 4;
  return [...i.data.subarray(o, o + 4)];
}
/** Pixel at logical (x, y) for a 1x or 2x image (top-left pixel of the logical cell). */
function at(i: Img, x: number, y: number): number[] {
  const s = i.width / 16;
  return px(i, x * s, y * s);
}
/** Rows of the fill area (counted from its bottom) painted in the level's fill colour. */
function filledRows(i: Img, level: Level): number {
  const s = i.width / 16;
  let rows = 0;
  for (let y = FILL_AREA.bottom * s - 1; y >= FILL_AREA.top * s; y--) {
    if (JSON.stringify(px(i, 6 * s, y)) !== JSON.stringify([...TRAY_PALETTE[level].fill])) break;
    rows++;
  }
  return rows;
}
function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}
function contrast(a: readonly number[], b: readonly number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
/** The image as a greyscale silhouette: what a user who sees no hue at all can tell apart. */
function lumaSignature(i: Img): string {
  const out: number[] = [];
  for (let p = 0; p < i.width * i.height; p++) {
    const rgba = [...i.data.subarray(p * 4, p * 4 + 4)];
    out.push(rgba[3] === 0 ? -1 : Math.round(luminance(rgba) * 20));
  }
  return out.join(',');
}

describe('renderTrayIcon', () => {
  it('draws 16x16 at 1x and 32x32 at 2x', () => {
    for (const level of LEVELS) {
      expect(img(level, 0.5, 1)).toMatchObject({ width: 16, height: 16 });
      expect(img(level, 0.5, 2)).toMatchObject({ width: 32, height: 32 });
    }
  });

  it('makes the fill height track the budget share, one row per 10%', () => {
    for (const [fill, rows] of [
      [1, 10],
      [0.7, 7],
      [0.5, 5],
      [0.2, 2],
      [0, 0],
    ] as const) {
      expect(filledRows(img('healthy', fill), 'healthy')).toBe(rows);
      expect(filledRows(img('healthy', fill, 2), 'healthy')).toBe(rows * 2);
    }
  });

  it('keeps a sliver of fill for any money left, so only an empty gauge looks empty', () => {
    expect(fillBucket('critical', 0.01)).toBe(1);
    expect(filledRows(img('critical', 0.01), 'critical')).toBe(1);
    expect(fillBucket('healthy', 1.7)).toBe(10);
    expect(fillBucket('low', -0.2)).toBe(0);
  });

  it('uses the level default height when there is no budget share', () => {
    expect(filledRows(img('healthy'), 'healthy')).toBe(10);
    expect(filledRows(img('low'), 'low')).toBe(5);
    expect(filledRows(img('critical'), 'critical')).toBe(2);
    expect(filledRows(img('depleted'), 'depleted')).toBe(0);
  });

  it('always draws depleted empty, whatever the budget share says', () => {
    expect(filledRows(img('depleted', 0.8), 'depleted')).toBe(0);
  });

  it("paints each level's own colour at the bottom of the fill, inside a dark outline", () => {
    for (const level of ['healthy', 'low', 'critical', 'unavailable', 'error', 'stale'] as const) {
      const i = img(level, 1);
      expect(at(i, 5, 13), level).toEqual([...TRAY_PALETTE[level].fill]);
      expect(at(i, 3, 8), level).toEqual(level === 'stale' ? [0, 0, 0, 0] : [...OUTLINE_RGBA]);
      expect(at(i, 7, 0), level).toEqual([...OUTLINE_RGBA]); // terminal cap
    }
    expect(TRAY_PALETTE.healthy.fill).toEqual([0, 158, 115, 255]); // Okabe–Ito bluish green
    expect(TRAY_PALETTE.low.fill).toEqual([230, 159, 0, 255]); // Okabe–Ito orange
  });

  it('gives healthy, low and critical clearly different luminance, not just different hue', () => {
    const fills = (['healthy', 'low', 'critical'] as const).map((l) => TRAY_PALETTE[l].fill);
    for (let a = 0; a < fills.length; a++) {
      for (let b = a + 1; b < fills.length; b++)
        expect(contrast(fills[a]!, fills[b]!)).toBeGreaterThan(1.5);
    }
  });

  it('marks depleted with an X across an empty body', () => {
    const i = img('depleted');
    const mark = [...TRAY_PALETTE.depleted.mark];
    for (const [x, y] of [
      [5, 6],
      [10, 11],
      [10, 6],
      [5, 11],
      [7, 8],
      [8, 8],
    ] as const) {
      expect(at(i, x, y), `${x},${y}`).toEqual(mark);
    }
    expect(at(i, 6, 13)).toEqual([...EMPTY_BODY_RGBA]); // no fill under the X
    expect(at(i, 5, 8)).toEqual([...EMPTY_BODY_RGBA]); // the X is not a filled box
  });

  it('marks unavailable with a slash that pokes out of the body and is cut out of the fill', () => {
    const empty = img('unavailable');
    expect(at(empty, 2, 14)).toEqual([...TRAY_PALETTE.unavailable.mark]); // outside, bottom left
    expect(at(empty, 13, 3)).toEqual([...TRAY_PALETTE.unavailable.mark]); // outside, top right
    expect(at(empty, 8, 8)).toEqual([...TRAY_PALETTE.unavailable.mark]);
    const full = img('unavailable', 1);
    expect(at(full, 6, 10)).toEqual([...KNOCKOUT_RGBA]); // over the fill: white, still visible
    expect(at(full, 7, 10)).toEqual([...TRAY_PALETTE.unavailable.fill]);
  });

  it('marks error with an exclamation mark (bar and dot, gap between)', () => {
    const i = img('error');
    const mark = [...TRAY_PALETTE.error.mark];
    for (const y of [5, 7, 9, 11, 12]) expect(at(i, 7, y), `bar/dot y=${y}`).toEqual(mark);
    expect(at(i, 7, 10)).toEqual([...EMPTY_BODY_RGBA]);
    expect(at(i, 7, 13)).toEqual([...EMPTY_BODY_RGBA]);
  });

  it('marks stale with a dashed outline, every other outline pixel missing', () => {
    const i = img('stale');
    const side = [2, 3, 4, 5, 6, 7].map((y) => at(i, 3, y)[3]);
    expect(side).toEqual([0, 255, 0, 255, 0, 255]);
    const healthy = img('healthy');
    expect([2, 3, 4, 5, 6, 7].map((y) => at(healthy, 3, y)[3])).toEqual([
      255, 255, 255, 255, 255, 255,
    ]);
  });

  it('draws the template variant in black and alpha only, the state carried by shapes', () => {
    for (const level of LEVELS) {
      for (const fill of [null, 0, 0.3, 1]) {
        const i = img(level, fill, 1, true);
        for (let p = 0; p < i.width * i.height; p++) {
          const [r, g, b, a] = i.data.subarray(p * 4, p * 4 + 4);
          expect(a === 0 || (r === 0 && g === 0 && b === 0), `${level} pixel ${p}`).toBe(true);
        }
      }
    }
    const unavailable = img('unavailable', 1, 1, true);
    expect(at(unavailable, 6, 10)[3]).toBe(0); // slash cut out of the black fill
    expect(at(unavailable, 7, 10)).toEqual([0, 0, 0, 255]);
  });

  it('draws 2x as the same picture at twice the resolution', () => {
    for (const level of LEVELS) {
      for (const template of [false, true]) {
        const one = img(level, 0.6, 1, template);
        const two = img(level, 0.6, 2, template);
        let same = 0;
        for (let y = 0; y < 16; y++) {
          for (let x = 0; x < 16; x++) {
            const block = [
              px(two, 2 * x, 2 * y),
              px(two, 2 * x + 1, 2 * y),
              px(two, 2 * x, 2 * y + 1),
              px(two, 2 * x + 1, 2 * y + 1),
            ];
            if (block.some((c) => JSON.stringify(c) === JSON.stringify(px(one, x, y)))) same++;
          }
        }
        // Diagonal strokes are drawn finer at 2x, so a few cells may differ; the picture may not.
        expect(same, `${level} template=${template}`).toBeGreaterThanOrEqual(250);
      }
    }
  });

  it('lets every pair of levels be told apart without colour (shape or luminance)', () => {
    for (const template of [false, true]) {
      const sigs = LEVELS.map((level) => lumaSignature(img(level, null, 1, template)));
      expect(new Set(sigs).size, `template=${template}`).toBe(LEVELS.length);
    }
    // In the template variant (no colour, no luminance) the shapes alone must differ.
    const shapes = LEVELS.map((level) => img(level, null, 1, true).data.toString('hex'));
    expect(new Set(shapes).size).toBe(LEVELS.length);
  });

  it('returns the identical cached Buffer for the same level, 10% bucket, scale and variant', () => {
    const spec: TrayIconSpec = { level: 'low', fill: 0.42, scale: 2, template: false };
    const first = renderTrayIcon(spec);
    expect(renderTrayIcon({ ...spec })).toBe(first);
    expect(renderTrayIcon({ ...spec, fill: 0.38 })).toBe(first); // same 40% bucket
    expect(renderTrayIcon({ ...spec, fill: 0.5 })).not.toBe(first);
    expect(renderTrayIcon({ ...spec, template: true })).not.toBe(first);
    expect(renderTrayIcon({ ...spec, scale: 1 })).not.toBe(first);
  });

  it('writes a real PNG', () => {
    const png = renderTrayIcon({ level: 'healthy', fill: 1, scale: 1, template: false });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });
});

describe('renderTrayIcon at Windows scale factors (1.25, 1.5, 2.5, 3)', () => {
  const SCALES = [1, 1.25, 1.5, 2, 2.5, 3];
  const allowed = (level: Level) =>
    new Set(
      [
        OUTLINE_RGBA,
        EMPTY_BODY_RGBA,
        KNOCKOUT_RGBA,
        TRAY_PALETTE[level].fill,
        TRAY_PALETTE[level].mark,
        [0, 0, 0, 0],
      ].map((c) => JSON.stringify([...c])),
    );
  const imgAt = (level: Level, fill: number | null, scale: number) =>
    decodeTrayIcon(renderTrayIcon({ level, fill, scale, template: false }));

  it('draws round(16 x scale) pixels with only palette colours (crisp: no blended edges)', () => {
    for (const scale of SCALES) {
      for (const level of LEVELS) {
        const i = imgAt(level, 0.5, scale);
        expect(i.width).toBe(Math.round(16 * scale));
        const ok = allowed(level);
        for (let p = 0; p < i.width * i.height; p++) {
          expect(ok.has(JSON.stringify([...i.data.subarray(p * 4, p * 4 + 4)]))).toBe(true);
        }
      }
    }
  });

  it('keeps the outline closed on both sides of every body row at every scale', () => {
    const outline = JSON.stringify([...OUTLINE_RGBA]);
    for (const scale of SCALES) {
      const i = imgAt('healthy', 0.5, scale);
      const step = 16 / i.width;
      for (let y = 0; y < i.height; y++) {
        const ly = (y + 0.5) * step;
        if (ly < 2 || ly >= 16) continue;
        const row = Array.from({ length: i.width }, (_, x) => JSON.stringify(px(i, x, y)));
        const first = row.indexOf(outline);
        const last = row.lastIndexOf(outline);
        expect(first, `scale ${scale} row ${y}`).toBeGreaterThanOrEqual(0);
        expect(last).toBeGreaterThan(first + 1);
      }
    }
  });

  it('still shows the fill share and the gap of the "!" at every scale', () => {
    const fillColour = JSON.stringify([...TRAY_PALETTE.healthy.fill]);
    for (const scale of SCALES) {
      const half = imgAt('healthy', 0.5, scale);
      const full = imgAt('healthy', 1, scale);
      const column = (i: Img) => {
        const x = Math.floor(6.5 * (i.width / 16));
        let n = 0;
        for (let y = 0; y < i.height; y++) if (JSON.stringify(px(i, x, y)) === fillColour) n++;
        return n;
      };
      expect(column(half)).toBeGreaterThan(0);
      expect(Math.abs(column(half) * 2 - column(full))).toBeLessThanOrEqual(2);
      const err = imgAt('error', null, scale);
      const mark = JSON.stringify([...TRAY_PALETTE.error.mark]);
      const cx = Math.floor(8 * (err.width / 16));
      const colours = Array.from(
        { length: err.height },
        (_, y) => JSON.stringify(px(err, cx, y)) === mark,
      );
      const runs = colours.filter((m, y) => m && !colours[y - 1]).length;
      expect(runs, `scale ${scale}: bar and dot apart`).toBe(2);
    }
  });
});
