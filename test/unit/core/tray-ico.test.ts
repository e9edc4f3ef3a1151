import { describe, expect, it } from 'vitest';
import { encodeIco, readIcoDirectory, WINDOWS_TRAY_SCALES } from '../../../main/core/tray-ico';
import { decodeTrayIcon, renderTrayIcon, trayIconPixels } from '../../../main/core/tray-icon';
import { fitTooltip } from '../../../main/core/tray-model';

describe('encodeIco', () => {
  it('lays out an ICONDIR with one 32-bit PNG entry per size, smallest first', () => {
    const pngs = WINDOWS_TRAY_SCALES.map((scale) => ({
      size: trayIconPixels(scale),
      png: renderTrayIcon({ level: 'low', fill: 0.5, scale, template: false }),
    })).reverse();
    const ico = encodeIco(pngs);
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 6]);
    const dir = readIcoDirectory(ico);
    expect(dir.map((d) => d.size)).toEqual([16, 20, 24, 32, 40, 48]);
    expect(ico.readUInt16LE(6 + 6)).toBe(32); // bits per pixel of the first entry
    let end = 6 + 16 * 6;
    for (const d of dir) {
      expect(d.offset).toBe(end); // entries packed back to back after the directory
      expect(decodeTrayIcon(ico.subarray(d.offset, d.offset + d.bytes)).width).toBe(d.size);
      end += d.bytes;
    }
    expect(ico.length).toBe(end);
  });

  it('refuses sizes an .ico cannot hold', () => {
    expect(() => encodeIco([])).toThrow();
    expect(() => encodeIco([{ size: 300, png: Buffer.alloc(1) }])).toThrow(RangeError);
  });
});

describe('fitTooltip (Windows keeps 127 UTF-16 units)', () => {
  it('leaves a short tooltip alone', () => {
    expect(fitTooltip('Work: ¥12.50', 127)).toBe('Work: ¥12.50');
  });

  it('drops whole account lines when that keeps at least half', () => {
    const lines = Array.from({ length: 5 }, (_, i) => `Account ${i}: ¥1,234.56 · healthy`);
    const out = fitTooltip(lines.join('\n'), 127);
    expect(out.length).toBeLessThanOrEqual(127);
    expect(out).toBe(`${lines.slice(0, 4).join('\n')}…`);
  });

  it('cuts at a word when a single line is too long', () => {
    const out = fitTooltip(`Work: ${'very '.repeat(40)}long`, 40);
    expect(out.length).toBeLessThanOrEqual(40);
    expect(out).toMatch(/very…$/);
  });

  it('never splits a surrogate pair (emoji in a label)', () => {
    const text = `${'a'.repeat(125)}😀😀😀`;
    const out = fitTooltip(text, 127);
    expect(out.length).toBeLessThanOrEqual(127);
    expect(out).toBe(`${'a'.repeat(125)}…`);
    expect(() => encodeURIComponent(out)).not.toThrow(); // a lone surrogate would throw
  });

  it('cuts text without spaces (Chinese) by characters', () => {
    const out = fitTooltip('余额'.repeat(100), 127);
    expect(out.length).toBe(127);
    expect(out.endsWith('…')).toBe(true);
  });
});
