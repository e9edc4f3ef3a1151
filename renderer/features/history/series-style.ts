/**
 * How each balance line is drawn (no DOM here, so it is unit-tested in Node). Total is
 * drawn first and widest; Topped up is thinner and dashed, so when the two are equal (no
 * gift credit, the usual case) Total still shows through the gaps instead of hiding under it.
 */
export const SERIES_STYLE = {
  total: { width: 3 },
  granted: { width: 1.5 },
  toppedUp: { width: 1.5, dash: [6, 4] },
} as const;
