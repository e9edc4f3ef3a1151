/**
 * Every diagnosis scenario and every pasted provider error, in full: each cause's confidence,
 * summary, evidence (kind, text, values) and steps (id, title, action, verify, done), plus the
 * note about the paste. The scenario tests check the top cause and the order; this pins the
 * rest, so a rule that forgets to raise its confidence, drops an evidence line or offers
 * another step fails here (issue 15, item 7). The snapshot is the reviewed expectation: when
 * a change to it is intended, read the diff before updating it (`npx vitest -u <this file>`).
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../shared/diagnosis/engine';
import { explainPasted } from '../../../../shared/diagnosis/pasted-only';
import type { Diagnosis } from '../../../../shared/diagnosis/types';
import { NOW } from './fixtures/build';
import { scenarios } from './fixtures/index';
import { providerErrorFixtures } from './fixtures/provider-errors';

/** A diagnosis as plain lines, so a snapshot diff reads as "this evidence line went away". */
function details(d: Diagnosis) {
  return {
    healthy: d.healthy,
    pastedNote: d.pastedNote,
    pasted: d.pasted,
    causes: d.causes.map((c) => ({
      cause: `${c.id} ${c.confidence}`,
      summary: c.summary,
      evidence: c.evidence.map((e) => ({ kind: e.kind, text: e.text, values: e.values })),
      steps: c.steps.map((s) => ({
        step: `${s.id}${s.done ? ' (done)' : ''}: ${s.title}`,
        why: s.why,
        action: s.action,
        verify: s.verify,
      })),
    })),
  };
}

describe('every scenario in full: confidence, evidence and steps', () => {
  for (const s of scenarios)
    it(s.name, () => {
      expect(details(diagnose(s.input, 'en'))).toMatchSnapshot();
    });
});

describe('every pasted provider error in full', () => {
  for (const f of providerErrorFixtures)
    it(f.name, () => {
      const r = explainPasted(f.text, 'en', NOW);
      expect({
        provider: r.provider,
        status: r.status,
        balanceProblem: r.balanceProblem,
      }).toMatchSnapshot();
      expect(details(r.diagnosis)).toMatchSnapshot();
    });
});
