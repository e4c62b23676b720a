// Vite builds the renderer once for both shells: relative asset URLs (base './') work from
// browser mode's http://127.0.0.1 and from Electron's bytescope://app alike.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../build/renderer', import.meta.url)),
    emptyOutDir: true,
    // One bundle of React, CodeMirror and D3 is ~700 KB; it is loaded from disk, never a network.
    chunkSizeWarningLimit: 1500,
    // No inline polyfill script: the CSP allows scripts from 'self' only.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
