// The server refuses to start over a database file that lost its drafts (gone
// or emptied while the marker beside it says drafts were saved), naming the
// file and what to do, and creates nothing; PRECEDENT_INIT=1 starts over.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDatabaseFile, markerFile } from '../../server/store/db-guard.js';
import { ROOT } from '../helpers/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'precedent-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the server over `dbFile` until it exits; its exit code and stderr. */
function start(dbFile: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const server = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', PRECEDENT_DB: dbFile, PRECEDENT_INIT: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A server that starts (wrongly) is stopped, so the test reports it instead of hanging.
    const timer = setTimeout(() => server.kill('SIGKILL'), 20_000);
    server.once('error', reject);
    server.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('a database that lost its drafts', () => {
  it('refuses to start on an empty file, naming it and the way out, and leaves it as it was', async () => {
    const dbFile = join(dir, 'empty.db');
    writeFileSync(dbFile, '');
    writeFileSync(markerFile(dbFile), 'Drafts are stored in empty.db (first noted 2026-11-01T10:00:00.000Z).\n');
    const { code, stderr } = await start(dbFile);
    expect(code).toBe(1);
    expect(stderr).toContain(dbFile);
    expect(stderr).toMatch(/is empty/);
    expect(stderr).toMatch(/backup/);
    expect(stderr).toContain('PRECEDENT_INIT=1');
    expect(statSync(dbFile).size).toBe(0);
  });

  it('refuses to start when the file is gone', async () => {
    const dbFile = join(dir, 'gone.db');
    writeFileSync(markerFile(dbFile), 'Drafts are stored in gone.db.\n');
    const { code, stderr } = await start(dbFile);
    expect(code).toBe(1);
    expect(stderr).toContain(`${dbFile} is missing`);
    expect(existsSync(dbFile)).toBe(false);
  });

  it('starts over when told to (PRECEDENT_INIT=1), dropping the marker', () => {
    const dbFile = join(dir, 'again.db');
    writeFileSync(dbFile, '');
    writeFileSync(markerFile(dbFile), 'Drafts are stored in again.db.\n');
    expect(checkDatabaseFile(dbFile, false)).toMatch(/will not start/);
    expect(checkDatabaseFile(dbFile, true)).toBeNull();
    expect(existsSync(markerFile(dbFile))).toBe(false);
  });
});
