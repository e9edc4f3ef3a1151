import { describe, expect, it } from 'vitest';
import { diagnosisMessages } from '../../../../shared/i18n/diagnosis';
import { CAUSE_IDS } from '../../../../shared/diagnosis/types';

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('diagnosis messages', () => {
  const en = diagnosisMessages.en as Record<string, string>;
  const zh = diagnosisMessages['zh-CN'] as Record<string, string>;

  it('has the same keys in English and Simplified Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(en)) expect(placeholders(zh[key]!), key).toEqual(placeholders(en[key]!));
  });

  it('has a summary for every cause id in both languages, the Chinese one in Chinese', () => {
    for (const id of CAUSE_IDS) {
      expect(en[`cause.${id}`], id).toBeTruthy();
      expect(zh[`cause.${id}`], id).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('has a title and a why for every step in both languages', () => {
    const stepKeys = Object.keys(en).filter((k) => k.startsWith('step.') && k.endsWith('.title'));
    expect(stepKeys.length).toBeGreaterThan(15);
    for (const k of stepKeys) {
      const base = k.slice(0, -'.title'.length);
      // `top-up-this` only retitles the top-up step; its why is the top-up one.
      if (base !== 'step.top-up-this') expect(en[`${base}.why`], base).toBeTruthy();
      expect(zh[k], k).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
