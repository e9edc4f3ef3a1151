/**
 * The uPlot canvas plus an accessible tooltip. The chart is rebuilt when data, theme or
 * language change, and only resized when the window does. The tooltip shows exact
 * amounts read from the original readings, not the floats that place the pixels.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Snapshot } from '../../../shared/model';
import { dateTime, money } from '../../app/format';
import type { ResolvedTheme } from '../../app/useTheme';
import { downsample, type Series } from './chart-data';
import { chartOptions, readPalette } from './chart-options';

interface Props {
  series: Series;
  snapshots: Snapshot[];
  thresholds: { low: number; critical: number } | null;
  /** Drawn on the threshold lines: the level's name and amount. */
  thresholdLabels: { low: string; critical: string };
  theme: ResolvedTheme;
  label: string;
  onDrawn?: (shown: number) => void;
}

const HEIGHT = 320;

/** Canvas chart; `role="img"` with a label, since a canvas says nothing to a screen reader. */
export function HistoryChart({
  series,
  snapshots,
  thresholds,
  thresholdLabels,
  theme,
  label,
  onDrawn,
}: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const host = useRef<HTMLDivElement>(null);
  // The reading under the cursor (index into `snapshots`) and where to put the tooltip.
  const [hover, setHover] = useState<{ reading: number; left: number } | null>(null);
  const labels = useMemo(
    () => ({
      total: t('history.series.total'),
      granted: t('history.series.granted'),
      toppedUp: t('history.series.toppedUp'),
    }),
    [t],
  );

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const width = Math.max(320, Math.floor(el.clientWidth));
    const drawn = downsample(series, width * 2);
    const opts = chartOptions({
      width,
      height: HEIGHT,
      lang,
      currency: series.currency,
      palette: readPalette(),
      labels,
      thresholds,
      thresholdLabels,
      topUpXs: series.topUps.map((i) => series.xs[i]!),
      onCursor: (idx, left) =>
        setHover(
          idx === null || left < 0
            ? null
            : {
                reading: drawn.index[idx] ?? 0,
                left: Math.max(0, Math.min(left + 84, el.clientWidth - 210)),
              },
        ),
    });
    const plot = new uPlot(opts, drawn.data as unknown as uPlot.AlignedData, el);
    onDrawn?.(drawn.index.length);
    const ro = new ResizeObserver(() => {
      const w = Math.max(320, Math.floor(el.clientWidth));
      if (w !== plot.width) plot.setSize({ width: w, height: HEIGHT });
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      plot.destroy();
      setHover(null);
    };
  }, [series, thresholds, thresholdLabels, theme, lang, labels, onDrawn]);

  const snap = hover ? snapshots[hover.reading] : undefined;
  const row = snap?.rows.find((r) => r.currency === series.currency);
  return (
    <div className="chart-wrap">
      <div
        ref={host}
        className="chart"
        role="img"
        aria-label={label}
        data-testid="history-chart"
        style={{ minHeight: HEIGHT }}
      />
      {hover && snap ? (
        <div className="chart-tip" role="status" style={{ left: hover.left, top: 16 }}>
          <p className="tip-time">{dateTime(snap.at, lang)}</p>
          <dl>
            <div>
              <dt>
                <i className="swatch swatch-total" />
                {labels.total}
              </dt>
              <dd>{row ? money(row.total, series.currency, lang) : '—'}</dd>
            </div>
            <div>
              <dt>
                <i className="swatch swatch-granted" />
                {labels.granted}
              </dt>
              <dd>{row ? money(row.granted, series.currency, lang) : '—'}</dd>
            </div>
            <div>
              <dt>
                <i className="swatch swatch-topped" />
                {labels.toppedUp}
              </dt>
              <dd>{row ? money(row.toppedUp, series.currency, lang) : '—'}</dd>
            </div>
          </dl>
        </div>
      ) : null}
    </div>
  );
}
