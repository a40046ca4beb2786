// `npm run dev`: the API server under `tsx watch` (restarts on server changes)
// and Vite's dev server with hot reload, which proxies /api to it
// (vite.config.ts). Open the URL Vite prints. Ctrl+C stops both.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const port = process.env.PORT ?? '8787';
const bin = (name: string) => resolve(ROOT, 'node_modules/.bin', name);

const children: ChildProcess[] = [
  spawn(bin('tsx'), ['watch', '--clear-screen=false', 'server/main.ts'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, PORT: port } }),
  spawn(bin('vite'), ['--host', '127.0.0.1'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, PORT: port } }),
];

let stopping = false;
const stop = (code = 0) => {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500);
};
for (const c of children) c.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());
console.log(`[dev] API on http://localhost:${port} (tsx watch); web app with hot reload on Vite's URL below, /api proxied.`);
