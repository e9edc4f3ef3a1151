/**
 * uPlot options for the balance chart. uPlot is the chart library because it is ~50 KB,
 * draws on a canvas (no DOM node per point) and is built for hundreds of thousands of
 * points; with LTTB in front it stays smooth on a year of one-minute readings. Colours are
 * read from the CSS theme variables so light and dark need no second palette here.
 */
import type uPlot from 'uplot';

export interface ChartPalette {
  total: string;
  granted: string;
  toppedUp: string;
  grid: string;
  text: string;
  low: string;
  critical: string;
  marker: string;
}

/** Reads the palette from CSS custom properties on <html> (set by the theme). */
export function readPalette(el: Element = document.documentElement): ChartPalette {
  const css = getComputedStyle(el);
  const v = (name: string) => css.getPropertyValue(name).trim() || '#888';
  return {
    total: v('--chart-total'),
    granted: v('--chart-granted'),
    toppedUp: v('--chart-topped'),
    grid: v('--chart-grid'),
    text: v('--text-muted'),
    low: v('--level-low'),
    critical: v('--level-critical'),
    marker: v('--chart-marker'),
  };
}

export interface ChartConfig {
  width: number;
  height: number;
  lang: string;
  currency: string;
  palette: ChartPalette;
  labels: { total: string; granted: string; toppedUp: string };
  /** Horizontal lines in chart units (low, critical), when the account has thresholds. */
  thresholds: { low: number; critical: number } | null;
  /** X positions (seconds) of top-ups. */
  topUpXs: number[];
  onCursor?: (idx: number | null, left: number, top: number) => void;
}

/** Tick labels as precise as the tick step: times for sub-day steps, days, then months. */
function timeFormatter(lang: string, spanSec: number, stepSec: number): Intl.DateTimeFormat {
  if (stepSec < 86_400) {
    return spanSec <= 86_400
      ? new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' })
      : new Intl.DateTimeFormat(lang, {
          month: 'numeric',
          day: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
        });
  }
  if (stepSec < 28 * 86_400)
    return new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric' });
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short' });
}

function drawOverlays(u: uPlot, cfg: ChartConfig): void {
  const { ctx } = u;
  const { left, top, width, height } = u.bbox;
  const dpr = devicePixelRatio || 1;
  ctx.save();
  ctx.lineWidth = 1.5 * dpr;
  if (cfg.thresholds) {
    for (const [val, color] of [
      [cfg.thresholds.low, cfg.palette.low],
      [cfg.thresholds.critical, cfg.palette.critical],
    ] as const) {
      const y = u.valToPos(val, 'y', true);
      if (y < top || y > top + height) continue;
      ctx.strokeStyle = color;
      ctx.setLineDash([6 * dpr, 4 * dpr]);
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + width, y);
      ctx.stroke();
    }
  }
  ctx.setLineDash([2 * dpr, 3 * dpr]);
  ctx.strokeStyle = cfg.palette.marker;
  ctx.fillStyle = cfg.palette.marker;
  for (const x of cfg.topUpXs) {
    const px = u.valToPos(x, 'x', true);
    if (px < left || px > left + width) continue;
    ctx.beginPath();
    ctx.moveTo(px, top);
    ctx.lineTo(px, top + height);
    ctx.stroke();
    ctx.beginPath(); // a small triangle on top: "money came in here"
    ctx.moveTo(px - 5 * dpr, top);
    ctx.lineTo(px + 5 * dpr, top);
    ctx.lineTo(px, top + 7 * dpr);
    ctx.fill();
  }
  ctx.restore();
}

/** Axis labels in whole units; a unit Intl does not know (USDT) is written "12 USDT" rather than throwing. */
export function axisMoney(lang: string, currency: string): { format(n: number): string } {
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency, maximumFractionDigits: 0 });
  } catch {
    const plain = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
    return { format: (n) => `${plain.format(n)} ${currency}` };
  }
}

/** Builds the options; the caller supplies data already downsampled. */
export function chartOptions(cfg: ChartConfig): uPlot.Options {
  const money = axisMoney(cfg.lang, cfg.currency);
  const axis = {
    stroke: cfg.palette.text,
    grid: { stroke: cfg.palette.grid, width: 1 },
    ticks: { stroke: cfg.palette.grid, width: 1 },
  };
  return {
    width: cfg.width,
    height: cfg.height,
    legend: { show: false },
    padding: [12, 12, 0, 0],
    cursor: { points: { size: 7 }, drag: { x: false, y: false } },
    scales: {
      x: { time: true },
      y: { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.08 : 1] },
    },
    axes: [
      {
        ...axis,
        space: 90,
        values: (u, splits, _axis, _space, incr) => {
          const xs = u.data[0];
          const span = xs.length > 1 ? xs[xs.length - 1]! - xs[0]! : 0;
          const fmt = timeFormatter(cfg.lang, span, incr);
          return splits.map((s) => fmt.format(s * 1000));
        },
      },
      { ...axis, size: 72, values: (_u, splits) => splits.map((s) => money.format(s)) },
    ],
    series: [
      {},
      {
        label: cfg.labels.total,
        stroke: cfg.palette.total,
        width: 2,
        fill: cfg.palette.total + '22',
        points: { show: false },
      },
      {
        label: cfg.labels.granted,
        stroke: cfg.palette.granted,
        width: 1.5,
        points: { show: false },
      },
      {
        label: cfg.labels.toppedUp,
        stroke: cfg.palette.toppedUp,
        width: 1.5,
        points: { show: false },
      },
    ],
    hooks: {
      draw: [(u) => drawOverlays(u, cfg)],
      setCursor: [
        (u) => {
          const { idx, left = -1, top = -1 } = u.cursor;
          cfg.onCursor?.(idx ?? null, left, top);
        },
      ],
    },
  };
}
