import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import {
  calls,
  callsTo,
  emitToRenderer,
  fake,
  ipcRendererFake,
  rendererListenerCount,
} from '../../fakes/electron';
import { schemas, wire, type CreditrayApi, type InvokeChannel } from '../../../shared/ipc';

let api: CreditrayApi;

beforeAll(async () => {
  await import('../../../main/preload');
  api = fake.exposed.creditray as CreditrayApi;
});
beforeEach(() => {
  calls.length = 0;
});

describe('preload', () => {
  it('exposes only `creditray`, with invoke and on and nothing else', () => {
    expect(Object.keys(fake.exposed)).toEqual(['creditray']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends every contract channel on its wire name and returns main’s answer', async () => {
    ipcRendererFake.respond = (channel, payload) => ({ ok: true, value: { channel, payload } });
    for (const channel of Object.keys(schemas) as InvokeChannel[]) {
      const r = await api.invoke(channel, { probe: 1 } as never);
      expect(r).toEqual({ ok: true, value: { channel: wire(channel), payload: { probe: 1 } } });
    }
    expect(callsTo('ipcRenderer', 'invoke')).toHaveLength(Object.keys(schemas).length);
  });

  it('refuses a channel outside the contract without sending anything', async () => {
    await expect(api.invoke('shell:exec' as InvokeChannel, undefined as never)).rejects.toThrow(
      /Unknown Creditray channel/,
    );
    await expect(api.invoke('__proto__' as InvokeChannel, undefined as never)).rejects.toThrow();
    expect(() => api.on('creditray:navigate' as 'navigate', () => {})).toThrow(/Unknown/);
    expect(callsTo('ipcRenderer')).toEqual([]);
  });

  it('hands listeners the payload only, never the IPC event, and unsubscribes', () => {
    const received: unknown[][] = [];
    const off = api.on('navigate', (...args: unknown[]) => void received.push(args));
    emitToRenderer(wire('navigate'), { view: 'history', accountId: 'a1' });
    expect(received).toEqual([[{ view: 'history', accountId: 'a1' }]]);
    off();
    expect(rendererListenerCount(wire('navigate'))).toBe(0);
    emitToRenderer(wire('navigate'), { view: 'dashboard' });
    expect(received).toHaveLength(1);
  });

  it('requires nothing but electron at run time (a sandboxed preload cannot load zod or our modules)', async () => {
    const out = await build({
      entryPoints: ['main/preload.ts'],
      bundle: true,
      format: 'cjs',
      platform: 'node',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.text;
    expect([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(code).not.toMatch(/zod/i);
  });
});
