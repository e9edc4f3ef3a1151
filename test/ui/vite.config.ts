/**
 * Builds the renderer for the browser harness exactly as electron-vite would (same root,
 * same React plugin), into a git-ignored folder the static server serves.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/** Where the harness build lands (under test-results/, which git ignores). */
export const UI_BUILD_DIR = fileURLToPath(new URL('../../test-results/ui-app', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('../../renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: UI_BUILD_DIR, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1000 },
});
