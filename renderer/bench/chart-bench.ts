/**
 * Browser side of the chart benchmark (bench/ui-bench.ts bundles it into a blank page).
 * Draws the real chart options over one year of one-minute readings, with and without
 * LTTB, and reports the time until uPlot's first draw finished. Not part of the app.
 */
import uPlot from 'uplot';
import { downsample, type Series } from '../features/history/chart-data';
import { chartOptions, type ChartPalette } from '../features/history/chart-options';

const palette: ChartPalette = {
  total: '#2456d6',
  granted: '#17803d',
  toppedUp: '#0e7c86',
  grid: '#e3e6ea',
  text: '#5b6470',
  low: '#a35a00',
  critical: '#c0266d',
  marker: '#0e7c86',
  surface: '#ffffff',
};

/** A year of readings as the chart's column arrays (spend, gift expiry and monthly top-ups). */
function yearSeries(n: number): Series {
  const xs = new Float64Array(n);
  const total = new Float64Array(n);
  const granted = new Float64Array(n);
  const toppedUp = new Float64Array(n);
  const topUps: number[] = [];
  const start = Date.UTC(2025, 10, 1) / 1000;
  let topped = 200;
  let gift = 10;
  for (let i = 0; i < n; i++) {
    const spend = 0.0004 * (1 + Math.sin(i / 700));
    if (gift > 0) gift = Math.max(0, gift - spend);
    else topped = Math.max(0, topped - spend);
    if (i > 0 && i % 43_200 === 0) {
      topped += 100;
      topUps.push(i);
    }
    xs[i] = start + i * 60;
    granted[i] = gift;
    toppedUp[i] = topped;
    total[i] = gift + topped;
  }
  return { currency: 'CNY', xs, total, granted, toppedUp, topUps };
}

async function drawOnce(
  series: Series,
  lttb: boolean,
  width: number,
): Promise<{ ms: number; points: number }> {
  const host = document.createElement('div');
  document.body.append(host);
  const t0 = performance.now();
  const data = lttb
    ? downsample(series, width * 2).data
    : [series.xs, series.total, series.granted, series.toppedUp];
  let done!: () => void;
  const drawn = new Promise<void>((r) => (done = r));
  const opts = chartOptions({
    width,
    height: 320,
    lang: 'en',
    currency: 'CNY',
    palette,
    labels: { total: 'Total', granted: 'Granted', toppedUp: 'Topped up' },
    thresholds: { low: 20, critical: 5 },
    thresholdLabels: { low: 'Low · CN¥20', critical: 'Critical · CN¥5' },
    topUpXs: series.topUps.map((i) => series.xs[i]!),
  });
  opts.hooks = { ...opts.hooks, draw: [...(opts.hooks?.draw ?? []), () => done()] };
  const plot = new uPlot(opts, data as unknown as uPlot.AlignedData, host);
  await drawn;
  const ms = performance.now() - t0;
  plot.destroy();
  host.remove();
  return { ms, points: data[0]!.length };
}

declare global {
  interface Window {
    runChartBench(
      n: number,
      runs: number,
    ): Promise<{ lttb: number[]; raw: number[]; drawnPoints: number }>;
  }
}

window.runChartBench = async (n, runs) => {
  const series = yearSeries(n);
  const lttb: number[] = [];
  const raw: number[] = [];
  let drawnPoints = 0;
  for (let i = 0; i < runs; i++) {
    const a = await drawOnce(series, true, 900);
    drawnPoints = a.points;
    lttb.push(a.ms);
    raw.push((await drawOnce(series, false, 900)).ms);
  }
  return { lttb, raw, drawnPoints };
};
