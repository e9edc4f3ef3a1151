/**
 * Export and import of one account's history from the window. Main produces and parses the
 * file text (the same format code as the CLI); the renderer only saves it with a download
 * link and reads a picked file, so no file system access is exposed to the page.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditrayApi } from '../../../shared/ipc';
import { exportFileName, type Format } from './export-file';

interface Props {
  api: CreditrayApi;
  accountId: string;
  label: string;
  /** Called after a successful import, so the chart reloads. */
  onImported: () => void;
}

type Outcome = { kind: 'ok' | 'error'; text: string; detail?: string } | null;

/** Hands `text` to the browser as a file download (a Blob URL on a temporary <a download>). */
function saveText(text: string, name: string, format: Format): void {
  const blob = new Blob([text], {
    type: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own reference; revoke on the next tick so the click can start it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The export buttons, the import picker and a live line saying how it went. */
export function HistoryTransfer({ api, accountId, label, onImported }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const doExport = async (format: Format) => {
    if (busy) return; // busy buttons keep their focus (aria-disabled) and ignore clicks
    setBusy('export');
    setOutcome(null);
    const r = await api.invoke('history:export', { id: accountId, format });
    setBusy(null);
    if (!r.ok)
      return setOutcome({
        kind: 'error',
        text: t('history.exportFailed', { reason: r.error.message }),
      });
    const name = exportFileName(label, new Date(), format);
    saveText(r.value, name, format);
    setOutcome({ kind: 'ok', text: t('history.exported', { file: name }) });
  };

  const doImport = async (file: File) => {
    setBusy('import');
    setOutcome(null);
    let text: string;
    try {
      text = await file.text();
    } catch {
      setBusy(null);
      return setOutcome({ kind: 'error', text: t('history.importUnreadable') });
    }
    const format: Format = /\.json$/i.test(file.name) ? 'json' : 'csv';
    const r = await api.invoke('history:import', { id: accountId, text, format });
    setBusy(null);
    if (!r.ok)
      return setOutcome({
        kind: 'error',
        text: t('history.importFailed'),
        detail: r.error.message,
      });
    const merged =
      r.value.sameTime > 0 ? ` ${t('history.importedSameTime', { count: r.value.sameTime })}` : '';
    setOutcome({ kind: 'ok', text: t('history.imported', { count: r.value.imported }) + merged });
    onImported();
  };

  return (
    <div className="history-transfer" style={{ marginTop: '0.75rem' }}>
      <div className="toolbar" role="group" aria-label={t('history.transfer')}>
        <button
          type="button"
          className="btn btn-sm"
          aria-disabled={busy !== null || undefined}
          onClick={() => void doExport('csv')}
        >
          {busy === 'export' ? t('history.exporting') : t('history.exportCsv')}
        </button>
        <button
          type="button"
          className="btn btn-sm"
          aria-disabled={busy !== null || undefined}
          onClick={() => void doExport('json')}
        >
          {t('history.exportJson')}
        </button>
        <button
          type="button"
          className="btn btn-sm"
          aria-disabled={busy !== null || undefined}
          onClick={() => (busy ? undefined : input.current?.click())}
        >
          {busy === 'import' ? t('history.importing') : t('history.import')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".csv,.json,text/csv,application/json"
          hidden
          data-testid="history-import-input"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = ''; // picking the same file again still fires change
            if (file) void doImport(file);
          }}
        />
      </div>
      {/* Always present so the message appearing neither jumps the page nor goes unannounced. */}
      <div
        role="status"
        aria-live="polite"
        data-testid="history-transfer-status"
        style={{ minHeight: '1.4em', marginTop: '0.5rem' }}
      >
        {outcome ? (
          <p
            className={outcome.kind === 'error' ? 'flag flag-error small' : 'muted small'}
            style={{ margin: 0 }}
          >
            <strong>{outcome.text}</strong>
            {outcome.detail ? (
              <span style={{ display: 'block', whiteSpace: 'pre-wrap' }}>{outcome.detail}</span>
            ) : null}
          </p>
        ) : null}
      </div>
    </div>
  );
}
