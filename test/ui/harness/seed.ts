/** Test data: a plausible balance history (steady spend, a top-up, gift credit expiring). */
import type { Snapshot } from '../../../shared/model';

const cents = (n: number) => (Math.max(0, Math.round(n * 100)) / 100).toFixed(2);

/** `count` readings `stepMs` apart ending at `end`; tops up 100 CNY two thirds of the way. */
export function seedReadings(count: number, stepMs: number, end: number): Snapshot[] {
  const out: Snapshot[] = [];
  const topUpAt = Math.floor(count * 0.66);
  let topped = 60;
  let granted = 10;
  for (let i = 0; i < count; i++) {
    const wave = 1 + 0.6 * Math.sin(i / 17);
    topped = Math.max(0, topped - (granted > 0 ? 0 : 0.0035 * wave * (stepMs / 60_000)));
    granted = Math.max(0, granted - 0.002 * wave * (stepMs / 60_000));
    if (i === topUpAt) topped += 100;
    out.push({
      at: end - (count - 1 - i) * stepMs,
      available: true,
      rows: [
        { currency: 'CNY', total: cents(topped + granted), granted: cents(granted), toppedUp: cents(topped) },
        { currency: 'USD', total: '0.00', granted: '0.00', toppedUp: '0.00' },
      ],
    });
  }
  return out;
}
