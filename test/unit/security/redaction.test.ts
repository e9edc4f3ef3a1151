/**
 * The last lines of defence when a bug puts a key where it does not belong: the logger masks
 * it whatever form it takes, and an IPC handler that throws with the key in its message does
 * not carry the key to the renderer.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../main/core/logger';
import { registerIpc } from '../../../main/shell/ipc-main';
import { wire } from '../../../shared/ipc';
import { invokeIpc, resetElectronFake } from '../../fakes/electron';
import { createFakeCore, recordingLogger } from '../../fakes/fake-core';

const KEY = 'sk-abcdef0123456789abcdef0123456789';
const RELAY_KEY = 'relay_Zq8Lw2Pn5Rt7Yv9Xc1Bm';

describe('logger redaction', () => {
  it('masks a key logged by mistake in the message, a field value, a field name and a Bearer header', () => {
    const lines: string[] = [];
    const log = createLogger({ sink: (l) => void lines.push(l) });
    log.error(`failed with ${KEY}`, { detail: `Authorization: Bearer ${KEY}`, [KEY]: true, apiKey: 'x' });
    log.warn('header', { h: 'Bearer abc.def.ghi' });
    const text = lines.join('\n');
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(KEY.slice(3));
    expect(text).not.toContain('abc.def.ghi');
    expect(text).toContain('[redacted]');
  });

  it('masks a registered key of any shape, and the body of an sk- key without its prefix', () => {
    const lines: string[] = [];
    const log = createLogger({ sink: (l) => void lines.push(l) });
    log.addSecret(RELAY_KEY);
    log.addSecret(KEY);
    log.info(`relay said ${RELAY_KEY}`, { echoed: `key=${KEY.slice(3)}` });
    expect(lines.join('\n')).not.toMatch(new RegExp(`${RELAY_KEY}|${KEY.slice(3)}`));
  });
});

describe('IPC internal errors', () => {
  beforeEach(() => resetElectronFake());

  it.each([KEY, RELAY_KEY])('never carry the request key %s back to the renderer or the log', async (key) => {
    const core = createFakeCore();
    const log = recordingLogger();
    registerIpc({ core, isTrustedSender: () => true, openExternal: async () => {}, logger: log });
    core.throwOnNext('addAccount', new Error(`header value "Bearer ${key}" is invalid`));
    const r = await invokeIpc(wire('accounts:add'), { provider: 'deepseek', label: 'x', key }, 'file:///x');
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(r)).not.toContain(key);
    expect(log.text()).not.toContain(key);
    core.throwOnNext('replaceKey', new Error(`cannot store ${key}`));
    const r2 = await invokeIpc(wire('accounts:replace-key'), { id: 'a1', key: ` ${key} ` }, 'file:///x');
    expect(JSON.stringify(r2)).not.toContain(key);
  });
});
