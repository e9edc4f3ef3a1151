import { beforeEach, describe, expect, it } from 'vitest';
import { fake, resetElectronFake } from '../../fakes/electron';
import { openExternal } from '../../../main/shell/external';
import { PROVIDERS } from '../../../shared/providers';

beforeEach(() => resetElectronFake());

describe('openExternal', () => {
  it('opens the DeepSeek top-up page in the browser', async () => {
    const r = await openExternal(PROVIDERS.deepseek.links.topUp ?? '');
    expect(r).toEqual({ ok: true, value: null });
    expect(fake.openedExternal).toEqual(['https://platform.deepseek.com/top_up']);
  });

  it.each([
    ['plain http to an allowed host', 'http://platform.deepseek.com/top_up'],
    ['an unknown https host', 'https://platform.deepseek.com.evil.example/top_up'],
    ['a look-alike host', 'https://deepseek.com/top_up'],
    ['credentials in the URL', 'https://user:pw@platform.deepseek.com/top_up'],
    ['a file URL', 'file:///etc/passwd'],
    ['a custom protocol handler', 'ms-settings:privacy'],
    ['javascript', 'javascript:alert(1)'],
    ['not a URL at all', 'platform.deepseek.com'],
  ])('refuses %s and opens nothing', async (_name, url) => {
    const r = await openExternal(url);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fake.openedExternal).toEqual([]);
  });
});
