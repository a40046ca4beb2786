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
  // ws: the live editing socket (/api/live) goes through the proxy too.
  server: { proxy: { '/api': { target: `http://localhost:${apiPort}`, ws: true } } },
});
