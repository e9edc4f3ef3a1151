/** Durable balance history: the file store, its export/import helpers and its errors. */
export {
  DEFAULT_HEARTBEAT_MS,
  type FileHistoryStore,
  type FileHistoryStoreOptions,
  createFileHistoryStore,
  fileNameFor,
} from './file-history-store';
export { HistoryStorageError, type HistoryErrorCode } from './errors';
export { importHistory } from './import-history';
export { HOURLY_KEEP_MS, RAW_KEEP_MS, rollup } from './rollup';
export { exportHistory, parseHistoryCsv, parseHistoryJson } from '../../../shared/analytics';
