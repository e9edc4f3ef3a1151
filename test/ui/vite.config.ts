/**
 * Builds the renderer for the browser harness exactly as electron-vite would (same root,
 * same React plugin), into a git-ignored folder the static server serves.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('../../renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  // outDir is chosen per run by test/ui/harness/build.ts (under the git-ignored test-results/).
  build: { outDir: fileURLToPath(new URL('../../test-results/ui-run/app', import.meta.url)), emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1000 },
});
