// Runs before `npm test`: the browser tests drive Debian's Chromium through
// playwright-core (which never downloads a browser of its own). Installs it
// when missing and the machine allows (root with apt-get), and with it the
// fonts the interface in six languages needs on screen (Debian's Chromium
// brings no Chinese or Arabic glyphs: fonts-noto-cjk, fonts-noto-core);
// otherwise says why.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Debian packages the screenshots need for Chinese (Noto Sans/Serif CJK SC) and Arabic (Noto Naskh/Sans Arabic). */
const FONT_PACKAGES = ['fonts-noto-cjk', 'fonts-noto-core'];

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const has = (command) => {
  try {
    execSync(command, { stdio: 'ignore', shell: '/bin/bash' });
    return true;
  } catch {
    return false;
  }
};
const hasApt = has('command -v apt-get');
const missingFonts = has('command -v dpkg-query') ? FONT_PACKAGES.filter((p) => !has(`dpkg-query -W -f='\${Status}' ${p} 2>/dev/null | grep -q 'install ok installed'`)) : [];
const missing = [...(existsSync(CHROMIUM) ? [] : ['chromium']), ...missingFonts];
if (missing.length === 0) process.exit(0);

if (!isRoot || !hasApt) {
  if (!existsSync(CHROMIUM)) console.warn(`[pretest] ${CHROMIUM} not found and cannot install it here (needs root and apt-get): browser tests will be skipped.`);
  if (missingFonts.length) console.warn(`[pretest] ${missingFonts.join(', ')} not installed (needs root and apt-get): screenshots may show boxes for Chinese and Arabic.`);
  process.exit(0);
}
console.log(`[pretest] installing ${missing.join(', ')} for the browser tests…`);
try {
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')} >/dev/null`, { stdio: 'inherit', shell: '/bin/bash' });
} catch {
  // said below: the tests run (or skip) with what is there
}
console.log(`[pretest] ${existsSync(CHROMIUM) ? 'chromium installed' : 'chromium install failed'}${missingFonts.length ? `; fonts: ${missingFonts.join(', ')}` : ''}`);
