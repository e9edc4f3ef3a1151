import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// electron-vite pointed at the product's top-level folders (main/, renderer/) instead of src/.
export default defineConfig({
  main: {
    // The end-to-end suite's test-only hook exists only in builds made with CREDITRAY_E2E=1.
    define: { __CREDITRAY_E2E__: JSON.stringify(process.env.CREDITRAY_E2E === '1') },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: { index: resolve('main/index.ts'), cli: resolve('main/cli/index.ts') },
        // Native and electron-importing modules stay external: they are loaded at run time.
        external: ['electron', '@github/keytar', 'electron-store'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('main/preload.ts') },
        // Sandboxed preloads cannot be ESM: bundle to CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
