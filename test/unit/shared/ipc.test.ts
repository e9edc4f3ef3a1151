import { describe, expect, it } from 'vitest';
import { schemas, type InvokeChannel } from '../../../shared/ipc';

/** One valid request per object-shaped channel (channels without a payload take `undefined`). */
const valid: Partial<Record<InvokeChannel, Record<string, unknown>>> = {
  'accounts:add': { provider: 'deepseek', label: 'Work', key: 'sk-x' },
  'accounts:update': { id: 'a1', patch: { label: 'W' } },
  'accounts:replace-key': { id: 'a1', key: 'sk-x' },
  'accounts:set-endpoint': { id: 'a1', baseUrl: 'https://api.moonshot.ai' },
  'accounts:remove': { id: 'a1' },
  'accounts:refresh': {},
  'settings:update': { theme: 'dark' },
  'history:get': { id: 'a1' },
  'external:open': { provider: 'deepseek', link: 'topUp' },
  'diagnosis:run': { id: 'a1' },
  'diagnosis:mark-paid': { id: 'a1' },
  'history:export': { id: 'a1', format: 'csv' },
  'history:import': { id: 'a1', text: 'time,currency,total,granted,toppedUp,available\n', format: 'csv' },
};

describe('IPC request schemas', () => {
  it('cover every channel that takes an object here', () => {
    const objectChannels = (Object.keys(schemas) as InvokeChannel[]).filter(
      (c) => !schemas[c].safeParse(undefined).success,
    );
    expect(objectChannels.sort()).toEqual(Object.keys(valid).sort());
  });

  it.each(Object.entries(valid))(
    '%s accepts its valid shape and refuses an unknown key',
    (channel, request) => {
      const schema = schemas[channel as InvokeChannel];
      expect(schema.safeParse(request).success).toBe(true);
      const extra = schema.safeParse({ ...request, isAdmin: true });
      expect(extra.success).toBe(false);
    },
  );

  it('refuses an unknown key inside the account patch too', () => {
    expect(
      schemas['accounts:update'].safeParse({ id: 'a1', patch: { label: 'W', keyMask: 'sk-…' } })
        .success,
    ).toBe(false);
  });

  it('refuses an imported history file over 20 MB and accepts one just under', () => {
    const cap = 20 * 1024 * 1024;
    const req = (text: string) => schemas['history:import'].safeParse({ id: 'a1', text, format: 'csv' });
    expect(req('a'.repeat(cap)).success).toBe(true);
    expect(req('a'.repeat(cap + 1)).success).toBe(false);
  });

  it('exports only as csv or json', () => {
    expect(schemas['history:export'].safeParse({ id: 'a1', format: 'xlsx' }).success).toBe(false);
  });
});
