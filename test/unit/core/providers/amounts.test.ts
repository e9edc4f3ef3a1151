import { describe, expect, it } from 'vitest';
import {
  exactAmount,
  minAmount,
  shiftedAmount,
  subtractAmounts,
} from '../../../../main/core/providers/amounts';
import { quotaToDollars } from '../../../../main/core/providers/relay/parse';
import { moonshotCurrency } from '../../../../main/core/providers/moonshot/parse';
import { siliconflowCurrency } from '../../../../main/core/providers/siliconflow/parse';
import { providerEndpoint } from '../../../../main/core/providers/provider-url';

const value = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(String(r.error));
  return r.value;
};

describe('exact provider amounts', () => {
  it('keeps JSON numbers digit for digit and strings as sent', () => {
    expect(value(exactAmount(49.58894))).toBe('49.58894');
    expect(value(exactAmount(3.00001))).toBe('3.00001');
    expect(value(exactAmount('88.88'))).toBe('88.88');
    expect(value(exactAmount(-12.34))).toBe('-12.34');
  });
  it('moves the decimal point for integer sub-units instead of dividing', () => {
    expect(value(shiftedAmount('1000000', 4))).toBe('100.00');
    expect(value(shiftedAmount('12345', 4))).toBe('1.2345');
    expect(value(shiftedAmount('7', 4))).toBe('0.0007');
    expect(value(shiftedAmount('-2500', 4))).toBe('-0.25');
    expect(value(shiftedAmount(100.0, 2))).toBe('1.00');
    expect(value(shiftedAmount('123.456', 2))).toBe('1.23456');
    expect(shiftedAmount('1e5', 4).ok).toBe(false);
    expect(shiftedAmount(null, 4).ok).toBe(false);
  });
  it('subtracts and compares in micro-units (0.3 − 0.1 is exactly 0.20)', () => {
    expect(subtractAmounts('0.3', '0.1')).toBe('0.20');
    expect(subtractAmounts('100.5', '25.75')).toBe('74.75');
    expect(minAmount('74.5', '74.75')).toBe('74.5');
  });
  it('converts relay quota units by integer division, truncated at the micro-unit', () => {
    expect(value(quotaToDollars(9_500_000, 500_000))).toBe('19.00');
    expect(value(quotaToDollars('1', 3))).toBe('0.333333');
    expect(quotaToDollars(1.5, 500_000).ok).toBe(false);
  });
});

describe('regions and paths', () => {
  it('takes the currency from the host: .ai/.com USD, .cn and anything else CNY', () => {
    expect(moonshotCurrency('api.moonshot.ai')).toBe('USD');
    expect(moonshotCurrency('api.moonshot.cn')).toBe('CNY');
    expect(moonshotCurrency('moonshot.ai.evil.example')).toBe('CNY');
    expect(siliconflowCurrency('api.siliconflow.com')).toBe('USD');
    expect(siliconflowCurrency('api.siliconflow.cn:443')).toBe('CNY');
  });
  it("strips only the provider's own prefix from a pasted base URL", () => {
    const url = (base: string) => value(providerEndpoint(base, '/api/v1/key', 0, ['/api']));
    expect(url('https://openrouter.ai/api/v1/')).toBe('https://openrouter.ai/api/v1/key');
    expect(url('https://openrouter.ai')).toBe('https://openrouter.ai/api/v1/key');
    expect(url('https://gw.example.com/openrouter/api/v1')).toBe(
      'https://gw.example.com/openrouter/api/v1/key',
    );
    expect(providerEndpoint('http://example.com', '/x', 0).ok).toBe(false);
  });
});
