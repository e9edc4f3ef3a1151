/**
 * The one Logger implementation: JSON lines that are safe to paste into a bug report.
 * Whatever a caller passes, anything that looks like an API key or a Bearer token, and any
 * secret registered with `addSecret`, is masked before a line reaches the sink.
 */
import type { LogFields, Logger } from './ports';

export type LogLevel = 'info' | 'warn' | 'error';
const RANK: Record<LogLevel, number> = { info: 0, warn: 1, error: 2 };

export interface LoggerOptions {
  /** Where lines go; stderr by default so CLI stdout stays machine-readable. */
  sink?: (line: string) => void;
  /** Lines below this level are dropped. */
  level?: LogLevel;
  /** Secrets known elsewhere (e.g. keys loaded this session), asked for on every line. */
  secrets?: () => Iterable<string>;
  now?: () => number;
}

export type RedactingLogger = Logger & {
  /** Registers a secret so it is masked wherever it appears later. */
  addSecret(secret: string): void;
};

const KEY_LIKE = /sk-[A-Za-z0-9_-]{8,}/g;
const BEARER = /(Bearer)\s+[^\s"',;]+/gi;
/** Field names whose values are secret whatever they look like. */
const SECRET_FIELD = /^(key|api[-_]?key|secret|token|password|authorization)$/i;
/** Shorter secrets would mask ordinary words. */
const MIN_SECRET_LENGTH = 6;
const REDACTED = '[redacted]';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Builds the redacting logger; logging never throws, even when the sink does. */
export function createLogger(opts: LoggerOptions = {}): RedactingLogger {
  const sink = opts.sink ?? ((line: string) => void process.stderr.write(line + '\n'));
  const min = RANK[opts.level ?? 'info'];
  const now = opts.now ?? Date.now;
  const registered = new Set<string>();

  const redact = (text: string): string => {
    const extra = opts.secrets ? [...opts.secrets()] : [];
    let out = text;
    // Longest first, so a secret containing another is masked whole.
    const secrets = [...registered, ...extra].filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
    for (const s of secrets) out = out.replace(new RegExp(escapeRegExp(s), 'g'), REDACTED);
    return out.replace(KEY_LIKE, `sk-${REDACTED}`).replace(BEARER, `$1 ${REDACTED}`);
  };

  const write = (level: LogLevel, message: string, fields?: LogFields) => {
    if (RANK[level] < min) return;
    try {
      const line: Record<string, unknown> = { time: new Date(now()).toISOString(), level, message: redact(message) };
      if (fields && Object.keys(fields).length > 0) {
        const clean: Record<string, string | number | boolean | null> = {};
        for (const [k, v] of Object.entries(fields)) {
          if (v === undefined) continue;
          const name = redact(k);
          clean[name] = SECRET_FIELD.test(k) && v !== null ? REDACTED : typeof v === 'string' ? redact(v) : v;
        }
        line.fields = clean;
      }
      sink(JSON.stringify(line));
    } catch {
      // A broken sink (closed stderr, full disk) must not take the app down with it.
    }
  };

  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    addSecret(secret) {
      const s = secret.trim();
      if (s) registered.add(s);
      // The part after `sk-` is the secret too (a relay or a careless line may drop the prefix).
      if (s.startsWith('sk-') && s.length - 3 >= MIN_SECRET_LENGTH) registered.add(s.slice(3));
    },
  };
}

/** A logger that drops everything, for tests and code paths that have none. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
