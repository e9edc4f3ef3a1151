/**
 * Pasted text explained without any account (shared/diagnosis/pasted-only.ts): only causes the
 * text proves, no key comparison, and "balance problem" only for a money cause that holds.
 */
import { describe, expect, it } from 'vitest';
import { explainPasted, isBalanceProblem } from '../../../../shared/diagnosis/pasted-only';
import type { Cause } from '../../../../shared/diagnosis/types';
import { NOW, PASTE } from './fixtures/build';

const c = (id: Cause['id'], cleared?: boolean): Cause => ({
  id,
  confidence: 0.9,
  summary: '',
  evidence: [],
  steps: [],
  ...(cleared === undefined ? {} : { cleared }),
});

describe('isBalanceProblem', () => {
  it('is true only when a money cause holds', () => {
    expect(isBalanceProblem([])).toBe(false);
    expect(isBalanceProblem([c('rate-limited')])).toBe(false);
    expect(isBalanceProblem([c('rate-limited'), c('key-limit-reached')])).toBe(true);
    expect(isBalanceProblem([c('balance-depleted', true)])).toBe(false);
    expect(isBalanceProblem([c('balance-depleted', false)])).toBe(true);
    // Money-looking causes that need an account are not what a paste alone proves.
    expect(isBalanceProblem([c('balance-low'), c('key-mismatch')])).toBe(false);
  });
});

describe('explainPasted', () => {
  it('a DeepSeek 402 alone: depleted, with DeepSeek’s pages, no key comparison', () => {
    const r = explainPasted(PASTE.py402, 'en', NOW);
    expect(r).toMatchObject({ provider: 'deepseek', status: 402, balanceProblem: true });
    expect(r.diagnosis.causes.map((x) => x.id)).toEqual(['balance-depleted']);
    const top = r.diagnosis.causes[0]!;
    expect(top.confidence).toBe(0.9);
    expect(top.steps.map((s) => s.id)).toEqual(['top-up', 'check-usage']);
    expect(top.steps[0]!.action).toMatchObject({ provider: 'deepseek' });
    expect(r.diagnosis.healthy).toBe(false);
  });

  it('a key error alone is not money, and offers no key of ours to compare', () => {
    const r = explainPasted(PASTE.py401, 'en', NOW);
    expect(r).toMatchObject({ provider: 'deepseek', status: 401, balanceProblem: false });
    const ids = r.diagnosis.causes.map((x) => x.id);
    expect(ids).toEqual(['invalid-key']);
    const steps = r.diagnosis.causes[0]!.steps.map((s) => s.id);
    expect(steps).not.toContain('use-same-key');
    expect(steps).not.toContain('compare-key');
  });

  it('text it cannot place: no provider, no status, no cause, not money', () => {
    const r = explainPasted('my script stopped working', 'en', NOW);
    expect(r).toMatchObject({ provider: null, status: null, balanceProblem: false });
    expect(r.diagnosis.causes).toEqual([]);
    expect(r.diagnosis.healthy).toBe(true);
    expect(r.diagnosis.pasted?.recognised).toBe(false);
  });

  it('empty text: nothing parsed at all', () => {
    const r = explainPasted('   ', 'en', NOW);
    expect(r).toMatchObject({ provider: null, status: null, balanceProblem: false });
    expect(r.diagnosis.pasted).toBeNull();
  });
});
