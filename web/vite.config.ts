/** The dashboard build: `npm run build:web` writes web/dist, which `periscope serve` and `periscope demo` serve at `/`. */
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The page's CSP allows scripts and styles from 'self' only: no inlined module-preload polyfill.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 600,
  },
});
