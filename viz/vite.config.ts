import { defineConfig } from 'vite';

// The explorer: viz/index.html → viz/dist, served by the API server at /.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500, // cytoscape and its layouts are one large chunk on purpose
  },
});
