// Runs before the tests: the PostgreSQL store's tests start a throwaway
// cluster from Debian's PostgreSQL binaries (tests/helpers/postgres.ts).
// Installs the postgresql package when they are missing and the machine allows
// (root with apt-get); otherwise says why, and those tests are skipped.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { dirname, join } from 'node:path';

const ROOT = '/usr/lib/postgresql';
const hasInitdb = () => existsSync(ROOT) && readdirSync(ROOT).some((v) => existsSync(join(ROOT, v, 'bin', 'initdb')));
if (hasInitdb()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const has = (command) => {
  try {
    execSync(command, { stdio: 'ignore', shell: '/bin/bash' });
    return true;
  } catch {
    return false;
  }
};
if (!isRoot || !has('command -v apt-get')) {
  console.warn(`[pretest] ${ROOT}/*/bin/initdb not found and cannot install PostgreSQL here (needs root and apt-get): PostgreSQL store tests will be skipped.`);
  process.exit(0);
}
console.log('[pretest] installing postgresql for the PostgreSQL store tests…');
try {
  // The package's own cluster (a server left running on 5432) is not wanted: the tests start their
  // own, as the postgres user the package creates. postgresql-common reads this before it makes one.
  const noMain = '/etc/postgresql-common/createcluster.d/precedent-no-main-cluster.conf';
  if (!existsSync(noMain)) {
    mkdirSync(dirname(noMain), { recursive: true });
    writeFileSync(noMain, 'create_main_cluster = false\n');
  }
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null', { stdio: 'inherit', shell: '/bin/bash' });
} catch {
  // said below: the tests run (or skip) with what is there
}
console.log(`[pretest] ${hasInitdb() ? 'postgresql installed' : 'postgresql install failed: PostgreSQL store tests will be skipped'}`);
