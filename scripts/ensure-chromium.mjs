// Runs before `npm test`: the browser tests drive Debian's Chromium through
// playwright-core (which never downloads a browser of its own). Installs it
// when missing and the machine allows (root with apt-get); otherwise says why.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
let hasApt = false;
try {
  execSync('command -v apt-get', { stdio: 'ignore' });
  hasApt = true;
} catch {
  // no apt-get: said below
}

if (!isRoot || !hasApt) {
  console.warn(`[pretest] ${CHROMIUM} not found and cannot install it here (needs root and apt-get): browser tests will be skipped.`);
  process.exit(0);
}
console.log('[pretest] installing Debian chromium for the browser tests…');
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null', { stdio: 'inherit', shell: '/bin/bash' });
console.log(`[pretest] ${existsSync(CHROMIUM) ? 'chromium installed' : 'chromium install failed'}`);
