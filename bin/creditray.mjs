#!/usr/bin/env node
// The `creditray` command. Uses the built CLI (npm run build) when present; in a source
// checkout it runs the TypeScript directly through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../main/cli/index.ts', import.meta.url).href);
}
