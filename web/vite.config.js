import { defineConfig } from 'vite';

// Preact JSX is compiled by Vite's built-in esbuild; no framework plugin.
// `imr serve` serves web/dist at `/` on the same origin as /api; hash routing means the
// server only ever needs index.html and /assets/*.
export default defineConfig({
  base: '/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    // pdf.js (the PDF record view) in its own file, cached apart from the app's code.
    rollupOptions: { output: { manualChunks: (id) => (id.includes('pdfjs-dist') ? 'pdfjs' : undefined) } },
  },
  server: {
    // `npm run dev` against a running `imr serve` (IMR_API, default 127.0.0.1:8080)
    proxy: { '/api': process.env.IMR_API || 'http://127.0.0.1:8080' },
  },
});
