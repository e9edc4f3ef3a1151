import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../main/core/logger';

const KEY = 'sk-0123456789abcdef0123456789abcdef';

function capture(opts: Parameters<typeof createLogger>[0] = {}) {
  const lines: string[] = [];
  const logger = createLogger({ sink: (l) => lines.push(l), now: () => Date.UTC(2026, 10, 27, 3, 0, 0), ...opts });
  return { logger, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('redacting logger', () => {
  it('writes one JSON line with time, level, message and fields', () => {
    const { logger, parsed } = capture();
    logger.warn('poll failed', { account: 'a1', status: 503, retry: true });
    expect(parsed()).toEqual([
      { time: '2026-11-27T03:00:00.000Z', level: 'warn', message: 'poll failed', fields: { account: 'a1', status: 503, retry: true } },
    ]);
  });

  it('never lets a key-shaped string reach the sink, in the message or in any field', () => {
    const { logger, lines } = capture();
    logger.error(`verify failed for ${KEY}`, { url: `https://x/?k=${KEY}`, [`odd-${KEY}`]: 1, note: 'fine' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('0123456789abcdef');
    expect(lines[0]).toContain('fine');
  });

  it('masks Bearer tokens whatever their shape', () => {
    const { logger, lines } = capture();
    logger.info('request', { headers: 'Authorization: Bearer abc.def-XYZ_123', other: 'bearer tok3n!' });
    expect(lines[0]).not.toMatch(/abc\.def-XYZ_123|tok3n/);
    expect(lines[0]).toContain('Bearer [redacted]');
  });

  it('masks registered secrets and secrets supplied by the callback even when they are not key-shaped', () => {
    const { logger, lines } = capture({ secrets: () => ['relay-token-42'] });
    logger.addSecret('hunter2hunter2');
    logger.info('login hunter2hunter2 via relay-token-42');
    expect(lines[0]).not.toMatch(/hunter2|relay-token-42/);
  });

  it('masks values of fields named like secrets', () => {
    const { logger, parsed } = capture();
    logger.info('oops', { key: 'plain-looking', apiKey: 'x1', password: 'p' });
    expect(parsed()[0]?.fields).toEqual({ key: '[redacted]', apiKey: '[redacted]', password: '[redacted]' });
  });

  it('drops lines below the configured level', () => {
    const { logger, parsed } = capture({ level: 'warn' });
    logger.info('chatty');
    logger.warn('matters');
    logger.error('matters more');
    expect(parsed().map((l) => l.level)).toEqual(['warn', 'error']);
  });

  it('keeps working when the sink throws', () => {
    const logger = createLogger({ sink: () => { throw new Error('EPIPE'); } });
    expect(() => logger.error('still fine')).not.toThrow();
  });
});
