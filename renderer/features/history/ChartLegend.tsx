/**
 * The chart's key: each line's colour AND pattern (solid, dashed, dotted) with its name,
 * and the thresholds with their amounts, so nothing on the canvas is told by colour alone.
 */
import { useTranslation } from 'react-i18next';

interface Props {
  /** The thresholds as formatted amounts, when the account has them. */
  thresholds: { low: string; critical: string } | null;
  /** Whether top-up markers are drawn. */
  topUps: boolean;
}

/** A plain list under the chart (the canvas itself is one labelled image). */
export function ChartLegend({ thresholds, topUps }: Props) {
  const { t } = useTranslation();
  return (
    <ul className="legend">
      <li>
        <i className="swatch swatch-total" />
        {t('history.series.total')}
      </li>
      <li>
        <i className="swatch swatch-granted" />
        {t('history.series.granted')}
      </li>
      <li>
        <i className="swatch-line line-topped" />
        {t('history.series.toppedUp')}
      </li>
      {thresholds ? (
        <li>
          <i className="swatch-line line-low" />
          {t('history.thresholds.low')} ({thresholds.low})
        </li>
      ) : null}
      {thresholds ? (
        <li>
          <i className="swatch-line line-critical" />
          {t('history.thresholds.critical')} ({thresholds.critical})
        </li>
      ) : null}
      {topUps ? (
        <li>
          <i className="swatch-line line-marker" />
          {t('history.topUpMarker')}
        </li>
      ) : null}
    </ul>
  );
}
