/**
 * The tray icon's level symbols, pixel by pixel at 1x: the cross of a depleted account, the
 * slash of a blocked one (poking out of the body, so it reads at a glance) and the exclamation
 * mark of an error, drawn on an empty and on a full gauge (where the mark is knocked out of
 * the fill). The pictures are the specification; a change to the geometry must change them.
 * Legend: O outline, . empty body, F fill or mark ink, K knocked-out mark, space transparent.
 */
import { describe, expect, it } from 'vitest';
import {
  decodeTrayIcon,
  EMPTY_BODY_RGBA,
  fillBucket,
  KNOCKOUT_RGBA,
  OUTLINE_RGBA,
  renderTrayIcon,
  TRAY_PALETTE,
} from '../../../main/core/tray-icon';
import type { Level } from '../../../shared/model';

function picture(level: Level, fill: number | null): string[] {
  const i = decodeTrayIcon(renderTrayIcon({ level, fill, scale: 1, template: false }));
  const key = (p: ArrayLike<number>) => Array.from(p).join(',');
  const names = new Map([
    [key(TRAY_PALETTE[level].fill), 'F'],
    [key(TRAY_PALETTE[level].mark), 'F'],
    [key(OUTLINE_RGBA), 'O'],
    [key(EMPTY_BODY_RGBA), '.'],
    [key(KNOCKOUT_RGBA), 'K'],
    ['0,0,0,0', ' '],
  ]);
  const rows: string[] = [];
  for (let y = 0; y < 16; y++) {
    let row = '';
    for (let x = 0; x < 16; x++)
      row += names.get(key(i.data.subarray((y * 16 + x) * 4, (y * 16 + x) * 4 + 4))) ?? '?';
    rows.push(row);
  }
  return rows;
}

const CAP = ['      OOOO      ', '      OOOO      ', '   OOOOOOOOOO   '];
const BOTTOM = ['   OOOOOOOOOO   '];

describe('tray icon symbols at 1x', () => {
  it('depleted: a 6×6 cross centred in an always-empty body, whatever the fill', () => {
    const cross = [
      ...CAP,
      '   O........O   ',
      '   O........O   ',
      '   O........O   ',
      '   O.F....F.O   ',
      '   O..F..F..O   ',
      '   O...FF...O   ',
      '   O...FF...O   ',
      '   O..F..F..O   ',
      '   O.F....F.O   ',
      '   O........O   ',
      '   O........O   ',
      '   O........O   ',
      ...BOTTOM,
    ];
    expect(picture('depleted', null)).toEqual(cross);
    expect(picture('depleted', 1)).toEqual(cross);
  });

  it('unavailable: one slash from bottom left to top right, out of the body on both ends', () => {
    expect(picture('unavailable', 0)).toEqual([
      ...CAP,
      '   O........OF  ',
      '   O........F   ',
      '   O.......FO   ',
      '   O......F.O   ',
      '   O.....F..O   ',
      '   O....F...O   ',
      '   O...F....O   ',
      '   O..F.....O   ',
      '   O.F......O   ',
      '   OF.......O   ',
      '   F........O   ',
      '  FO........O   ',
      ...BOTTOM,
    ]);
    // On a full gauge the slash is knocked out of the fill and drawn in ink outside it.
    expect(picture('unavailable', 1)).toEqual([
      ...CAP,
      '   O........OF  ',
      '   O.FFFFFF.F   ',
      '   O.FFFFFFFO   ',
      '   O.FFFFFK.O   ',
      '   O.FFFFKF.O   ',
      '   O.FFFKFF.O   ',
      '   O.FFKFFF.O   ',
      '   O.FKFFFF.O   ',
      '   O.KFFFFF.O   ',
      '   OFFFFFFF.O   ',
      '   F.FFFFFF.O   ',
      '  FO........O   ',
      ...BOTTOM,
    ]);
  });

  it('error: an exclamation mark, bar and dot two pixels wide with a one-pixel gap', () => {
    expect(picture('error', 0)).toEqual([
      ...CAP,
      '   O........O   ',
      '   O........O   ',
      '   O...FF...O   ',
      '   O...FF...O   ',
      '   O...FF...O   ',
      '   O...FF...O   ',
      '   O...FF...O   ',
      '   O........O   ',
      '   O...FF...O   ',
      '   O...FF...O   ',
      '   O........O   ',
      '   O........O   ',
      ...BOTTOM,
    ]);
    expect(picture('error', 1)).toEqual([
      ...CAP,
      '   O........O   ',
      '   O.FFFFFF.O   ',
      '   O.FFKKFF.O   ',
      '   O.FFKKFF.O   ',
      '   O.FFKKFF.O   ',
      '   O.FFKKFF.O   ',
      '   O.FFKKFF.O   ',
      '   O.FFFFFF.O   ',
      '   O.FFKKFF.O   ',
      '   O.FFKKFF.O   ',
      '   O.FFFFFF.O   ',
      '   O........O   ',
      ...BOTTOM,
    ]);
  });

  it('healthy, low and critical carry no symbol: their colour and fill say it', () => {
    for (const level of ['healthy', 'low', 'critical'] as const)
      expect(picture(level, 0).join('\n')).not.toMatch(/[FK]/);
  });
});

describe('tray icon inputs', () => {
  it('a fill that is not a finite number draws the level default, like a missing one', () => {
    for (const level of ['healthy', 'low', 'critical', 'stale'] as const) {
      expect(fillBucket(level, Number.NaN)).toBe(fillBucket(level, null));
      expect(fillBucket(level, Number.POSITIVE_INFINITY)).toBe(fillBucket(level, null));
    }
  });

  it.each([0, 0.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses to draw at scale %s',
    (scale) => {
      expect(() =>
        renderTrayIcon({ level: 'healthy', fill: null, scale, template: false }),
      ).toThrow(new RangeError(`tray icon scale ${scale}`));
    },
  );
});
