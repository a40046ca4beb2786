// Vite builds the web app (web/) into dist/web, which the Hono server serves;
// `npm run dev` proxies /api to the server. The tests have their own config,
// vitest.config.ts.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiPort = Number(process.env.PORT ?? 8787);

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true },
  server: { proxy: { '/api': `http://localhost:${apiPort}` } },
});
