/**
 * Every currency row that holds money, with its granted / topped-up split. An all-zero
 * row is hidden (DeepSeek often sends one) so it can never hide a funded one. The unit is
 * said once, in the row's header ("CNY (CN¥)"), not in front of every amount.
 */
import { useTranslation } from 'react-i18next';
import type { Snapshot } from '../../../shared/model';
import { amount, currencySign, isZeroRow } from '../../app/format';

interface Props {
  snapshot: Snapshot | null;
  headlineCurrency: string | null;
  lang: string;
}

/** A small table: one row per funded currency, headline currency first. */
export function BalanceRows({ snapshot, headlineCurrency, lang }: Props) {
  const { t } = useTranslation();
  const rows = (snapshot?.rows ?? [])
    .filter((r) => !isZeroRow(r))
    .sort(
      (a, b) => Number(b.currency === headlineCurrency) - Number(a.currency === headlineCurrency),
    );
  return (
    <table className="rows">
      <thead>
        <tr>
          <th scope="col">{t('dashboard.currency')}</th>
          <th scope="col">{t('dashboard.granted')}</th>
          <th scope="col">{t('dashboard.toppedUp')}</th>
          <th scope="col">{t('dashboard.total')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={4} className="muted">
              {snapshot ? t('dashboard.noMoney') : '—'}
            </td>
          </tr>
        ) : (
          rows.map((r) => (
            <tr key={r.currency}>
              <th scope="row">
                {r.currency}
                {currencySign(r.currency, lang) !== r.currency ? (
                  <span className="muted"> ({currencySign(r.currency, lang)})</span>
                ) : null}
              </th>
              <td>{amount(r.granted, lang)}</td>
              <td>{amount(r.toppedUp, lang)}</td>
              <td>{amount(r.total, lang)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
