import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const server = 'http://127.0.0.1:8080';
// The design system's global sass (fonts, reset, grid, palette) lives in lib/scss, which its package.json does
// not export; an alias reaches it without a path into node_modules that depends on hoisting.
const designsystemLib = dirname(createRequire(import.meta.url).resolve('@helsenorge/designsystem-react'));

export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    alias: [{ find: /^@designsystem-scss\//, replacement: `${designsystemLib}/scss/` }],
  },
  css: {
    preprocessorOptions: {
      scss: {
        // The design system still uses @import and global sass functions; its warnings are not ours to fix.
        quietDeps: true,
        silenceDeprecations: ['import', 'global-builtin', 'color-functions', 'legacy-js-api', 'if-function'],
      },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': server,
      '/auth': server,
      '/idp': server,
    },
  },
});
