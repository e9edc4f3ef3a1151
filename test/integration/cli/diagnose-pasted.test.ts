import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

const dataDir = () => mkdtempSync(join(tmpdir(), 'creditray-pasted-'));
const MOONSHOT_MONEY =
  '429 Your account org-1 <ak-2> is suspended due to insufficient balance, please recharge your account or check your plan and billing details';
const MOONSHOT_RATE =
  "openai.RateLimitError: Error code: 429 - {'error': {'message': 'request reached organization max RPM: 3', 'type': 'rate_limit_reached_error'}}";

describe('creditray diagnose with a pasted error and no account', () => {
  it('explains a Moonshot out-of-money 429 from stdin as JSON and exits 2', async () => {
    const r = await runCli(['diagnose', '--error-stdin', '--json'], {
      dataDir: dataDir(),
      stdin: MOONSHOT_MONEY,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.accounts).toEqual([]);
    expect(out.pasted).toMatchObject({ provider: 'moonshot', status: 429, balanceProblem: true });
    const [top] = out.pasted.causes;
    expect(top.id).toBe('balance-depleted');
    expect(top.confidence).toBeGreaterThanOrEqual(0.8);
    expect(top.evidence.join(' ')).toContain('suspended due to insufficient balance');
    expect(top.steps[0].action).toMatchObject({
      kind: 'open-link',
      link: 'topUp',
      provider: 'moonshot',
    });
    expect(top.steps[0].action.url).toMatch(/^https:\/\//);
  });

  it('says a Moonshot rate limit from a file is not a balance problem and exits 0', async () => {
    const dir = dataDir();
    const file = join(dir, 'error.txt');
    writeFileSync(file, MOONSHOT_RATE);
    const r = await runCli(['diagnose', '--error-file', file, '--json'], { dataDir: dir });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.pasted).toMatchObject({ provider: 'moonshot', status: 429, balanceProblem: false });
    expect(out.pasted.causes.map((c: { id: string }) => c.id)).toEqual(['rate-limited']);
  });

  it('explains in plain words with the page to open, for an OpenRouter per-request limit', async () => {
    const text =
      '402 This request requires more credits, or fewer max_tokens. You requested up to 4096 tokens, but can only afford 222. To increase, visit https://openrouter.ai/settings/credits and upgrade to a paid account';
    const r = await runCli(['diagnose', '--error-stdin'], {
      dataDir: dataDir(),
      stdin: text,
      env: { LANG: 'en_US.UTF-8' },
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Pasted error (no account configured):');
    expect(r.stdout).toContain('from OpenRouter');
    expect(r.stdout).toMatch(/request-exceeds-balance/);
    expect(r.stdout).toContain('Lower max_tokens in your request');
    expect(r.stdout).toMatch(/^\s+https:\/\/openrouter\.ai\/\S+$/m); // the page on its own line, to copy
  });

  it('reports an unknown provider and status as null for text it cannot place, exit 0', async () => {
    const r = await runCli(['diagnose', '--error-stdin', '--json'], {
      dataDir: dataDir(),
      stdin: 'my script stopped working',
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).pasted).toMatchObject({
      provider: null,
      status: null,
      balanceProblem: false,
      causes: [],
    });
  });

  it('still asks for an account when nothing was pasted', async () => {
    const r = await runCli(['diagnose', '--json'], { dataDir: dataDir() });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/No accounts configured/);
  });
});
