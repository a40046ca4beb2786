// Vitest global setup of every run: the run gets a private temp folder (TMPDIR
// of the test workers and of the servers and browsers they start), removed at
// teardown, so a run leaves nothing behind in the temp folder whatever a test
// forgot to delete.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const outer = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'precedent-run-'));
  process.env.TMPDIR = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true });
    if (outer === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = outer;
  };
}
