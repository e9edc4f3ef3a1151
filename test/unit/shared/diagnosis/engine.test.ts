import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../shared/diagnosis/engine';
import { CAUSE_IDS, type Diagnosis } from '../../../../shared/diagnosis/types';
import type { Lang } from '../../../../shared/i18n/language';
import { formatMoney } from '../../../../shared/money';
import { cny, input, MIN, NOW, PASTE, status } from './fixtures/build';
import { scenarios } from './fixtures/index';

const LANGS: Lang[] = ['en', 'zh-CN'];
const ids = (d: Diagnosis) => d.causes.map((c) => c.id);

describe('diagnosis scenarios', () => {
  it('has at least 30 scenarios and every cause id is the top cause of at least one', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(30);
    const tops = new Set(scenarios.map((s) => s.top));
    for (const id of CAUSE_IDS) expect(tops, id).toContain(id);
    expect(tops).toContain(null);
  });

  for (const s of scenarios) {
    it(s.name, () => {
      const d = diagnose(s.input, 'en');
      const got = ids(d);
      expect(got[0] ?? null, `causes: ${got.join(', ')}`).toBe(s.top);
      expect(d.healthy).toBe(s.top === null);
      for (const id of s.absent) expect(got, `${id} should be absent`).not.toContain(id);
      if (s.order) {
        const positions = s.order.map((id) => got.indexOf(id));
        expect(positions.every((p) => p >= 0), `all of ${s.order.join(', ')} in ${got.join(', ')}`).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      }
      const confidences = d.causes.map((c) => c.confidence);
      expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
    });
  }
});

describe('keyless (demo) account', () => {
  it('offers no key comparison or replacement for a pasted 401', () => {
    const demo = status(cny(NOW - 5 * MIN, '0.00', '80.00'), { config: { provider: 'demo', keyMask: '' } });
    const cause = diagnose(input(demo, { pastedError: PASTE.py401 }), 'en').causes.find((c) => c.id === 'invalid-key');
    expect(cause?.steps.map((st) => st.action.kind)).toEqual(['open-link']);
    expect(cause?.evidence.some((e) => e.kind === 'key')).toBe(false);
  });
});

describe('diagnosis text', () => {
  it('words every cause, evidence line and step in both languages without leftover placeholders', () => {
    const seenCauses = new Set<string>();
    for (const s of scenarios) {
      for (const lang of LANGS) {
        const d = diagnose(s.input, lang);
        for (const c of d.causes) {
          seenCauses.add(c.id);
          const texts = [c.summary, ...c.evidence.map((e) => e.text), ...c.steps.flatMap((st) => [st.title, st.why])];
          for (const t of texts) {
            expect(t.trim().length, `${c.id} in ${lang}`).toBeGreaterThan(0);
            expect(t).not.toMatch(/\{\{|\}\}/);
            if (lang === 'zh-CN' && t === c.summary) expect(t).toMatch(/[\u4e00-\u9fff]/);
          }
          expect(c.evidence.length, `${c.id} has evidence`).toBeGreaterThan(0);
          expect(c.steps.length, `${c.id} has steps`).toBeGreaterThan(0);
        }
        if (d.pastedNote && lang === 'zh-CN') expect(d.pastedNote).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect([...seenCauses].sort()).toEqual([...CAUSE_IDS].sort());
  });

  it('formats money in evidence with Intl in the user’s language', () => {
    const inp = input(status(cny(NOW - 5 * MIN, '0.00', '0.00')));
    for (const lang of LANGS) {
      const text = diagnose(inp, lang).causes[0]!.evidence[0]!.text;
      expect(text).toContain(formatMoney(0, 'CNY', lang));
    }
  });

  it('gives the same cause ids and step ids whatever the language', () => {
    for (const s of scenarios) {
      const shape = (d: Diagnosis) => d.causes.map((c) => [c.id, c.confidence, c.steps.map((st) => st.id)]);
      expect(shape(diagnose(s.input, 'zh-CN'))).toEqual(shape(diagnose(s.input, 'en')));
    }
  });
});

describe('cause details', () => {
  it('a usage spike names a runaway loop or leaked key and makes rotating the key a step', () => {
    const s = scenarios.find((x) => x.top === 'usage-spike')!;
    const spike = diagnose(s.input, 'en').causes[0]!;
    expect(spike.summary).toMatch(/runaway loop/);
    expect(spike.summary).toMatch(/leaked key/);
    const actions = spike.steps.map((st) => st.action);
    expect(actions).toContainEqual({ kind: 'open-link', link: 'apiKeys' });
    expect(actions).toContainEqual({ kind: 'replace-key' });
    expect(spike.steps.find((st) => st.action.kind === 'replace-key')!.verify).toEqual({ kind: 'key-replaced', previousMask: 'sk-…a1b2' });
  });

  it('a depleted account is sent to the top-up page and told to re-check until money is back', () => {
    const d = diagnose(input(status(cny(NOW - 5 * MIN, '0.00', '0.00'))), 'en');
    const steps = d.causes[0]!.steps;
    expect(steps[0]!.action).toEqual({ kind: 'open-link', link: 'topUp' });
    expect(steps[0]!.verify).toEqual({ kind: 'balance-above-zero-and-available' });
    expect(steps.map((st) => st.action.kind)).toEqual(['open-link', 'mark-paid', 'recheck']);
    expect(steps.every((st) => !st.done)).toBe(true);
  });

  it('marks the "I have paid" step done once the user declared a payment', () => {
    const d = diagnose(input(status(cny(NOW - 30_000, '0.00', '0.00')), { facts: { paidAt: NOW - MIN } }), 'en');
    const paid = d.causes.find((c) => c.id === 'balance-depleted')!.steps.find((st) => st.id === 'mark-paid')!;
    expect(paid.done).toBe(true);
  });

  it('says plainly that a pasted 429 is not a balance problem', () => {
    const d = diagnose(input(status(cny(NOW - 5 * MIN, '0.00', '80.00')), { pastedError: PASTE.js429 }), 'en');
    expect(d.pasted?.isBalanceProblem).toBe(false);
    expect(d.pastedNote).toMatch(/not a balance problem/);
    expect(d.causes[0]!.summary).toMatch(/not a balance problem/);
  });

  it('is honest about pasted text it does not recognise and says what to try', () => {
    const d = diagnose(input(status(cny(NOW - 5 * MIN, '0.00', '80.00')), { pastedError: 'something broke' }), 'en');
    expect(d.pasted?.recognised).toBe(false);
    expect(d.pastedNote).toMatch(/Not recognised/);
    expect(d.pastedNote).toMatch(/curl -i/);
  });

  it('quotes the evidence numbers for a gift expiry', () => {
    const s = scenarios.find((x) => x.top === 'gift-credit-expired')!;
    const gift = diagnose(s.input, 'en').causes[0]!;
    expect(gift.evidence[0]!.text).toContain(formatMoney(10_000_000, 'CNY', 'en'));
    expect(gift.evidence[0]!.values).toMatchObject({ currency: 'CNY', droppedMicros: 10_000_000 });
  });
});
