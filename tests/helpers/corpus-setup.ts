// Vitest global setup of the layers that use the bundled corpus (api, corpus,
// browser): builds the corpus template once, before their test files run in
// parallel workers, so they copy it instead of each building their own.
import { existsSync } from 'node:fs';
import { corpusTemplate } from './corpus.js';
import { BUNDLE_DIR } from './paths.js';

export default function setup(): void {
  if (!existsSync(BUNDLE_DIR)) throw new Error(`${BUNDLE_DIR} is missing: run npm run build:corpus`);
  const started = Date.now();
  const dir = corpusTemplate();
  console.log(`[tests] corpus template ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${dir}`);
}
