import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  resolve: {
    // The web app imports the shared schemas and labels from src/domain, never from src/server.
    alias: { '@domain': fileURLToPath(new URL('../src/domain', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // No modulepreload links are left in index.html; the lazy chunks' preload hints can do without.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // One script for every page on a slow link: everything the entry reaches statically goes
        // into the entry chunk ($initial), so the administrators' lazy pages hold only their own
        // code and import the rest from it, instead of splitting shared code into several
        // preloaded chunks.
        codeSplitting: {
          groups: [{ name: 'index', tags: ['$initial'] }],
        },
      },
    },
    // The main chunk is one file on purpose (~245 KB gzip); no warning for it.
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
