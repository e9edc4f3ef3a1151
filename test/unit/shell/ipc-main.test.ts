import { beforeEach, describe, expect, it } from 'vitest';
import {
  callsTo,
  fake,
  FakeBrowserWindow,
  invokeIpc,
  ipcHandledChannels,
  resetElectronFake,
} from '../../fakes/electron';
import {
  createFakeCore,
  coreCallNames,
  recordingLogger,
  type FakeCore,
} from '../../fakes/fake-core';
import { push, registerIpc } from '../../../main/shell/ipc-main';
import { schemas, wire, type InvokeChannel } from '../../../shared/ipc';

const OURS = 'file:///app/out/renderer/index.html#/dashboard';
const FOREIGN = 'https://evil.example/index.html';
const trusted = (url: string | undefined) => url === OURS;

let core: FakeCore;
let log: ReturnType<typeof recordingLogger>;
let opened: string[];
let unregister: () => void;

beforeEach(() => {
  resetElectronFake();
  core = createFakeCore();
  log = recordingLogger();
  opened = [];
  unregister = registerIpc({
    core,
    isTrustedSender: trusted,
    openExternal: async (url) => void opened.push(url),
    logger: log,
  });
});

describe('registerIpc', () => {
  it('registers exactly the contract channels, prefixed, and removes them again', () => {
    const expected = (Object.keys(schemas) as InvokeChannel[]).map(wire).sort();
    expect(ipcHandledChannels().sort()).toEqual(expected);
    unregister();
    expect(ipcHandledChannels()).toEqual([]);
  });

  it('refuses a foreign frame origin as forbidden, logs it, and never reaches the core', async () => {
    const r = await invokeIpc(wire('accounts:remove'), { id: 'a1' }, FOREIGN);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(coreCallNames(core)).toEqual([]);
    expect(log.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        fields: expect.objectContaining({ origin: 'https://evil.example' }),
      }),
    );
  });

  it('refuses a sender whose frame is already gone', async () => {
    const r = await invokeIpc(wire('state:get'), undefined, undefined);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('never hands a malformed payload to the core and names the bad field', async () => {
    const r = await invokeIpc(wire('accounts:remove'), { id: '../../etc/passwd' }, OURS);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('id') },
    });
    const extra = await invokeIpc(wire('settings:update'), { pollIntervalSec: 5 }, OURS);
    expect(extra).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(coreCallNames(core)).toEqual([]);
  });

  it('passes a valid payload to the core and returns its result', async () => {
    const r = await invokeIpc(wire('accounts:refresh'), { id: 'acc_1' }, OURS);
    expect(r).toEqual({ ok: true, value: null });
    expect(core.calls.filter((c) => c.method === 'refresh')).toEqual([
      { method: 'refresh', args: ['acc_1'] },
    ]);
    const state = await invokeIpc(wire('state:get'), undefined, OURS);
    expect(state).toEqual({ ok: true, value: core.getState() });
  });

  it('turns a throwing core into an internal error and logs it without the payload', async () => {
    core.throwOnNext('addAccount', new Error('disk on fire'));
    const key = 'sk-0123456789abcdef0123456789abcdef';
    const r = await invokeIpc(
      wire('accounts:add'),
      { provider: 'deepseek', label: 'Work', key },
      OURS,
    );
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('disk on fire') },
    });
    expect(log.lines.some((l) => l.level === 'error')).toBe(true);
    expect(log.text()).not.toContain(key);
    expect(log.text()).not.toContain('Work');
  });

  it('opens a provider link named by the renderer, never a URL it sends', async () => {
    const r = await invokeIpc(wire('external:open'), { provider: 'deepseek', link: 'topUp' }, OURS);
    expect(r).toEqual({ ok: true, value: null });
    expect(opened).toEqual(['https://platform.deepseek.com/top_up']);
    const sneaky = await invokeIpc(
      wire('external:open'),
      { provider: 'deepseek', link: 'https://evil.example' },
      OURS,
    );
    expect(sneaky).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(opened).toHaveLength(1);
  });

  it("opens an error-only provider's page from main's own table, and refuses a page it has none of", async () => {
    const r = await invokeIpc(wire('external:open'), { provider: 'openai', link: 'topUp' }, OURS);
    expect(r).toEqual({ ok: true, value: null });
    expect(opened).toEqual(['https://platform.openai.com/settings/organization/billing/overview']);
    // Zhipu has no status page in the table: refused as a value, nothing opened.
    const none = await invokeIpc(
      wire('external:open'),
      { provider: 'zhipu', link: 'status' },
      OURS,
    );
    expect(none).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const unknown = await invokeIpc(
      wire('external:open'),
      { provider: 'evil', link: 'topUp' },
      OURS,
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(opened).toHaveLength(1);
  });
});

describe('push', () => {
  it('sends a typed payload on the prefixed channel and skips a destroyed window', () => {
    const win = new FakeBrowserWindow();
    push(win, 'navigate', { view: 'history', accountId: 'a1' });
    expect(win.webContents.sent).toEqual([
      { channel: 'creditray:navigate', args: [{ view: 'history', accountId: 'a1' }] },
    ]);
    win.destroy();
    push(win, 'navigate', { view: 'dashboard' });
    expect(callsTo('webContents', 'send')).toHaveLength(1);
    expect(fake.windows).toHaveLength(1);
  });
});

describe('messages this layer writes', () => {
  it('speaks the user’s language', async () => {
    const state = core.getState();
    core.setState({ ...state, settings: { ...state.settings, language: 'zh-CN' } });
    const r = await invokeIpc(wire('state:get'), undefined, FOREIGN);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: '此请求并非来自 Creditray 窗口。' },
    });
  });
});
