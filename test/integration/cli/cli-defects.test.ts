import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';

const hasKeyring = process.env.CREDITRAY_TEST_KEYRING === '1';
const dataDir = () => mkdtempSync(join(tmpdir(), 'creditray-cli-def-'));

describe('creditray diagnose --error-stdin with nothing pasted', () => {
  it('says nothing was pasted and exits 64 instead of "No cause found"', async () => {
    for (const stdin of ['', '  \n\n']) {
      const r = await runCli(['diagnose', '--error-stdin'], { dataDir: dataDir(), stdin });
      expect(r.code).toBe(64);
      expect(r.stderr).toContain('nothing was pasted');
      expect(r.stdout).not.toContain('No cause found');
    }
  });
});

describe.skipIf(!hasKeyring)('creditray accounts add with a bad key (real keychain)', () => {
  it('an empty or junk key is a usage error: exit 64, not 3', async () => {
    for (const stdin of ['\n', 'hello world\n']) {
      const r = await runCli(['accounts', 'add', '--label', 'X'], { dataDir: dataDir(), stdin });
      expect(r.stderr).toContain('Not added');
      expect(r.code).toBe(64);
    }
  });
});
