// A throwaway PostgreSQL cluster for the tests of the PostgreSQL store: Debian's
// binaries (scripts/ensure-postgres.mjs installs them), a data folder of its
// own, a free port on 127.0.0.1 only, trust authentication from there only.
// Each test file asks for a database of its own (freshDatabase) on it. Without
// the binaries, startPostgres says why and returns null: those tests skip.
import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './ports.js';

const run = promisify(execFile);

export interface TestPostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  stop(): Promise<void>;
}

/** Debian's newest PostgreSQL binaries (/usr/lib/postgresql/N/bin), or null. */
function findBinaries(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')) && existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0]!, 'bin') : null;
}

/** Whether startPostgres can work here (for describe.skipIf, which decides before any hook runs); the reason when not. */
export function postgresUnavailable(): string | null {
  if (!findBinaries()) return 'PostgreSQL binaries not found in /usr/lib/postgresql/*/bin (node scripts/ensure-postgres.mjs installs them)';
  if (isRoot && !owner()) return 'running as root without a postgres user to run PostgreSQL as';
  return null;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** initdb and postgres refuse to run as root: as root, they run as the postgres user. */
function owner(): { uid: number; gid: number } | null {
  if (!isRoot) return null;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/** Whether the postgres user can reach `dir` (the run's private temp folder is root's alone). */
function reachable(dir: string): boolean {
  for (let d = dir; ; d = dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) return false;
    if (d === dirname(d)) return true;
  }
}

export async function startPostgres(): Promise<TestPostgres | null> {
  const bin = findBinaries();
  if (!bin) {
    console.warn('[tests] PostgreSQL binaries not found in /usr/lib/postgresql/*/bin (node scripts/ensure-postgres.mjs installs them): PostgreSQL tests skipped.');
    return null;
  }
  const user = owner();
  if (isRoot && !user) {
    console.warn('[tests] running as root without a postgres user to run PostgreSQL as: PostgreSQL tests skipped.');
    return null;
  }
  const as = (command: string, args: string[]) => (user ? run('runuser', ['-u', 'postgres', '--', join(bin, command), ...args], { cwd: '/' }) : run(join(bin, command), args, { cwd: '/' }));

  const base = !user || reachable(tmpdir()) ? tmpdir() : '/tmp';
  const dir = mkdtempSync(join(base, 'precedent-pg-'));
  const data = join(dir, 'data');
  if (user) chownSync(dir, user.uid, user.gid);
  chmodSync(dir, 0o700);
  const port = await freePort();
  let started = false;
  const stop = async () => {
    if (started) {
      started = false;
      await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch((e: Error) => console.warn(`[tests] pg_ctl stop: ${e.message}`));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await as('initdb', ['-D', data, '-U', 'postgres', '--encoding=UTF8', '--locale=C.UTF-8', '--auth=trust', '--no-sync']);
    // Only TCP from 127.0.0.1, only trust; no other line, so nothing else gets in.
    writeFileSync(join(data, 'pg_hba.conf'), 'host all all 127.0.0.1/32 trust\n');
    if (user) chownSync(join(data, 'pg_hba.conf'), user.uid, user.gid);
    const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=on -c max_connections=100`;
    await as('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
    started = true;
    process.once('exit', () => {
      // A test run that dies before its afterAll must not leave a server behind.
      if (!started) return;
      try {
        execFileSync(user ? 'runuser' : join(bin, 'pg_ctl'), [...(user ? ['-u', 'postgres', '--', join(bin, 'pg_ctl')] : []), '-D', data, '-m', 'immediate', 'stop'], { stdio: 'ignore' });
        rmSync(dir, { recursive: true, force: true });
      } catch {
        // nothing more to do on the way out
      }
    });
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    await untilAccepting(url);
    return { url, stop };
  } catch (error) {
    console.warn(`[tests] could not start PostgreSQL (${(error as Error).message}): PostgreSQL tests skipped.`);
    await stop();
    return null;
  }
}

async function untilAccepting(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => {});
    }
  }
}

/** A new, empty database on the cluster at `url`; its URL. */
export async function freshDatabase(url: string): Promise<string> {
  const name = `precedent_${randomUUID().replaceAll('-', '')}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const next = new URL(url);
  next.pathname = `/${name}`;
  return next.toString();
}
