/**
 * uPlot options for the balance chart. uPlot is the chart library because it is ~50 KB,
 * draws on a canvas (no DOM node per point) and is built for hundreds of thousands of
 * points; with LTTB in front it stays smooth on a year of one-minute readings. Colours are
 * read from the CSS theme variables so light and dark need no second palette here.
 */
import type uPlot from 'uplot';
import { SERIES_STYLE } from './series-style';

export interface ChartPalette {
  total: string;
  granted: string;
  toppedUp: string;
  grid: string;
  text: string;
  low: string;
  critical: string;
  marker: string;
  /** Behind the threshold labels, so they stay readable over the lines. */
  surface: string;
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
    low: v('--chart-low'),
    critical: v('--chart-critical'),
    marker: v('--chart-marker'),
    surface: v('--surface'),
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
  /** Words drawn on the threshold lines ("Low · CN¥20"), so they are told apart without colour. */
  thresholdLabels: { low: string; critical: string };
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
    // Told apart three ways, not by colour alone: amber long dashes for low, magenta short
    // thicker dots for critical (Okabe-Ito-style
    // hues that stay distinct for red-green colour blindness), and the words themselves.
    const lines = [
      {
        val: cfg.thresholds.low,
        color: cfg.palette.low,
        dash: [9, 4],
        width: 1.5,
        text: cfg.thresholdLabels.low,
        right: true,
      },
      {
        val: cfg.thresholds.critical,
        color: cfg.palette.critical,
        dash: [2, 3],
        width: 2.25,
        text: cfg.thresholdLabels.critical,
        right: false,
      },
    ];
    ctx.font = `${600} ${11 * dpr}px system-ui, sans-serif`;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left'; // uPlot leaves its axes' alignment (right) on the context
    for (const line of lines) {
      const y = u.valToPos(line.val, 'y', true);
      if (y < top || y > top + height) continue;
      ctx.strokeStyle = line.color;
      ctx.lineWidth = line.width * dpr;
      ctx.setLineDash(line.dash.map((d) => d * dpr));
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + width, y);
      ctx.stroke();
      // Low's words at the right end, critical's at the left, both just above their line
      // (below it when the line is at the top): two close lines never stack their labels.
      const w = ctx.measureText(line.text).width + 8 * dpr;
      const ty = y - 9 * dpr < top ? y + 9 * dpr : y - 9 * dpr;
      const x = line.right ? left + width - w - 4 * dpr : left + 4 * dpr;
      ctx.fillStyle = cfg.palette.surface;
      ctx.fillRect(x, ty - 7 * dpr, w, 14 * dpr);
      ctx.fillStyle = line.color;
      ctx.fillText(line.text, x + 4 * dpr, ty);
    }
    ctx.lineWidth = 1.5 * dpr;
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
        width: SERIES_STYLE.total.width,
        fill: cfg.palette.total + '22',
        points: { show: false },
      },
      {
        label: cfg.labels.granted,
        stroke: cfg.palette.granted,
        width: SERIES_STYLE.granted.width,
        points: { show: false },
      },
      {
        label: cfg.labels.toppedUp,
        stroke: cfg.palette.toppedUp,
        width: SERIES_STYLE.toppedUp.width,
        dash: [...SERIES_STYLE.toppedUp.dash],
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
