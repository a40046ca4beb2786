// Vitest global setup: builds the corpus template once, before the test files
// run in parallel workers, so they copy it instead of each building their own.
import { existsSync } from 'node:fs';
import { BUNDLE_DIR, corpusTemplate } from './corpus.js';

export default function setup(): void {
  if (!existsSync(BUNDLE_DIR)) throw new Error(`${BUNDLE_DIR} is missing: run npm run build:corpus`);
  const started = Date.now();
  const dir = corpusTemplate();
  console.log(`[tests] corpus template ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${dir}`);
}
