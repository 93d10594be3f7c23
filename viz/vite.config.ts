import { defineConfig } from 'vite';
import { basemap } from './build/basemap.ts';
import { compress } from './build/compress.ts';
import { preloadEntryImports } from './build/preload.ts';

// The explorer: viz/index.html → viz/dist, served by the API server at /.
// Hashed file names under assets/ never change content, so they may be cached for good;
// each has .br and .gz beside it for a server that negotiates Accept-Encoding.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [basemap(), preloadEntryImports(), compress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000, // cytoscape alone is ~450 KB before compression
    // Compressing every file once is the point of the compress plugin: no warning that it takes time.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
