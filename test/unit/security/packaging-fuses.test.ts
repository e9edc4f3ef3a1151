/**
 * Electron fuses are flipped in the packaged binary by electron-builder from
 * electron-builder.yml; a packaged app cannot be checked here (no Electron binary), so this
 * pins the config that produces it. Test runs of the Electron suite start an unpackaged
 * Electron, which has no fuses flipped: that is where node inspect stays available.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const yml = readFileSync(fileURLToPath(new URL('../../../electron-builder.yml', import.meta.url)), 'utf8');

/** The `key: value` lines of one top-level block. */
function block(name: string): Record<string, string> {
  const lines = yml.split('\n');
  const start = lines.findIndex((l) => l === `${name}:`);
  expect(start, `${name} block`).toBeGreaterThanOrEqual(0);
  const out: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    const m = /^\s+([A-Za-z]+):\s*(\S+)\s*$/.exec(line);
    if (!m) break;
    out[m[1]!] = m[2]!;
  }
  return out;
}

describe('packaging fuses', () => {
  it('turns off run-as-node, NODE_OPTIONS and node inspect arguments in the shipped app', () => {
    expect(block('electronFuses')).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
    });
  });

  it('turns on asar integrity and loading the app only from the asar', () => {
    expect(block('electronFuses')).toMatchObject({
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
    expect(yml).toMatch(/^asar: true$/m);
  });

  it('keeps file:// unprivileged (the window uses creditray://app) and re-signs arm64 macOS builds after the flip', () => {
    expect(block('electronFuses')).toMatchObject({
      grantFileProtocolExtraPrivileges: 'false',
      resetAdHocDarwinSignature: 'true',
    });
  });

  it('ships no source maps', () => {
    expect(yml).toMatch(/- '!\*\*\/\*\.map'/);
  });
});
