// Where the tests find things: the repository root, the bundled corpus, and
// the AKN source files in ../shared/unxml or $PRECEDENT_SHARED/unxml (absent on most machines: the corpus
// tests that read them are skipped then).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BUNDLE_DIR = join(ROOT, 'corpus/bundle');
/** As the server's config: PRECEDENT_SHARED names the shared folder when it is not ../shared. */
export const UNXML_DIR = join(process.env.PRECEDENT_SHARED ?? resolve(ROOT, '../shared'), 'unxml');
export const hasShared = existsSync(UNXML_DIR);
