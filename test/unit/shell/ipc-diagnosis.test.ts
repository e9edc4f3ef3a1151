import { beforeEach, describe, expect, it } from 'vitest';
import { invokeIpc, resetElectronFake } from '../../fakes/electron';
import { createFakeCore, recordingLogger, type FakeCore } from '../../fakes/fake-core';
import { registerIpc } from '../../../main/shell/ipc-main';
import { wire } from '../../../shared/ipc';

const OURS = 'file:///app/out/renderer/index.html#/diagnosis';

let core: FakeCore;
const callsOf = (method: string) => core.calls.filter((c) => c.method === method).map((c) => c.args);

beforeEach(() => {
  resetElectronFake();
  core = createFakeCore();
  registerIpc({ core, isTrustedSender: (u) => u === OURS, openExternal: async () => {}, logger: recordingLogger() });
});

describe('diagnosis channels', () => {
  it('diagnosis:run hands the parsed request to the core and returns its diagnosis', async () => {
    const r = await invokeIpc(wire('diagnosis:run'), { id: 'acc_1', pastedError: 'HTTP/1.1 402 Payment Required', paidAt: 1_700_000_000_000 }, OURS);
    expect(r).toEqual({ ok: true, value: { causes: [], healthy: true, pasted: null, pastedNote: null } });
    expect(callsOf('runDiagnosis')).toEqual([[{ id: 'acc_1', pastedError: 'HTTP/1.1 402 Payment Required', paidAt: 1_700_000_000_000 }]]);
  });

  it('diagnosis:run accepts exactly 64 KiB of pasted text and refuses one byte more', async () => {
    const max = 'x'.repeat(64 * 1024);
    expect(await invokeIpc(wire('diagnosis:run'), { id: 'a', pastedError: max }, OURS)).toMatchObject({ ok: true });
    const r = await invokeIpc(wire('diagnosis:run'), { id: 'a', pastedError: `${max}x` }, OURS);
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect((r as { error: { message: string } }).error.message).toContain('pastedError');
    expect(callsOf('runDiagnosis')).toHaveLength(1);
  });

  it.each([
    ['no id', {}],
    ['a bad id', { id: '../etc' }],
    ['a pasted number', { id: 'a', pastedError: 402 }],
    ['a negative paidAt', { id: 'a', paidAt: -1 }],
    ['a fractional paidAt', { id: 'a', paidAt: 1.5 }],
    ['a string paidAt', { id: 'a', paidAt: '2026-11-27' }],
    ['no payload', undefined],
  ])('diagnosis:run refuses %s before the core sees it', async (_name, payload) => {
    const r = await invokeIpc(wire('diagnosis:run'), payload, OURS);
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(callsOf('runDiagnosis')).toEqual([]);
  });

  it('diagnosis:mark-paid passes the id and optional time, and refuses bad ones', async () => {
    expect(await invokeIpc(wire('diagnosis:mark-paid'), { id: 'acc_1' }, OURS)).toEqual({ ok: true, value: null });
    expect(await invokeIpc(wire('diagnosis:mark-paid'), { id: 'acc_1', at: 5 }, OURS)).toEqual({ ok: true, value: null });
    expect(callsOf('markPaid')).toEqual([[{ id: 'acc_1' }], [{ id: 'acc_1', at: 5 }]]);
    for (const bad of [{ id: '' }, { id: 'a', at: 'now' }, { id: 'a', at: Number.NaN }, { at: 5 }]) {
      expect(await invokeIpc(wire('diagnosis:mark-paid'), bad, OURS)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(callsOf('markPaid')).toHaveLength(2);
  });

  it('refuses both channels from a foreign frame', async () => {
    for (const ch of ['diagnosis:run', 'diagnosis:mark-paid'] as const) {
      expect(await invokeIpc(wire(ch), { id: 'a' }, 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(core.calls.filter((c) => c.method === 'runDiagnosis' || c.method === 'markPaid')).toEqual([]);
  });
});
