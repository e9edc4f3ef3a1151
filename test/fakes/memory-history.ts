/**
 * An in-memory HistoryStore for tests: same contract as the durable one (append-only per
 * account, read by time range in time order), plus `appends` to count writes.
 */
import type { HistoryStore } from '../../main/core/ports';
import type { Snapshot } from '../../shared/model';

export class MemoryHistory implements HistoryStore {
  private readonly data = new Map<string, Snapshot[]>();
  appends = 0;

  constructor(seed: Record<string, Snapshot[]> = {}) {
    for (const [id, list] of Object.entries(seed)) this.data.set(id, [...list]);
  }

  async append(accountId: string, snapshot: Snapshot): Promise<void> {
    this.appends++;
    const list = this.data.get(accountId) ?? [];
    list.push(snapshot);
    this.data.set(accountId, list);
  }

  async read(accountId: string, range: { from?: number; to?: number } = {}): Promise<Snapshot[]> {
    const from = range.from ?? -Infinity;
    const to = range.to ?? Infinity;
    return (this.data.get(accountId) ?? [])
      .filter((s) => s.at >= from && s.at <= to)
      .sort((a, b) => a.at - b.at);
  }

  async remove(accountId: string): Promise<void> {
    this.data.delete(accountId);
  }
}
