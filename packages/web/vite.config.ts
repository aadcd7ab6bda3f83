import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The control plane builds to dist/, which `ferry serve` serves; `npm run dev -w @ferry/web` proxies the API. */
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:9133', changeOrigin: false },
      '/docs': { target: 'http://127.0.0.1:9133', changeOrigin: false },
    },
  },
});
