// Rebuilds corpus/bundle from the sources: the seeds (with corpus/manifest.json)
// and every AKN4UN file under ../shared/unxml (or the folder given as argument).
// `npm run build:corpus [-- path/to/unxml]`
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { config, ROOT } from '../server/config.js';
import { BUNDLE_SUFFIX, writeBundleFile, type BundleEntry } from '../server/ingest/bundle.js';
import { collectFiles, detectFormat, hashSource, parseSource, readManifest } from '../server/ingest/import-files.js';
import { readFileSync } from 'node:fs';

const unxmlDir = resolve(process.argv[2] ?? join(config.sharedDir, 'unxml'));
const outDir = resolve(ROOT, 'corpus/bundle');

function parseAll(files: string[], manifestOf: (f: string) => ReturnType<typeof readManifest> | null): BundleEntry[] {
  const entries: BundleEntry[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const entry = manifestOf(file)?.entries.get(file);
    const { file: _f, format, ...meta } = entry ?? { file, format: undefined };
    const source = relative(ROOT, file).startsWith('..') ? relative(resolve(config.sharedDir), file) : relative(ROOT, file);
    const result = parseSource(text, source, detectFormat(file, text, format), meta);
    for (const w of result.warnings) console.warn(`! ${w}`);
    const hash = hashSource(text);
    result.documents.forEach((document, i) => entries.push({ sourceHash: result.documents.length > 1 ? `${hash}:${i}` : hash, document }));
  }
  return entries;
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
let total = 0;

const manifest = readManifest(resolve(ROOT, 'corpus/manifest.json'));
const seeds = parseAll([...manifest.entries.keys()], () => manifest);
total += writeBundleFile(join(outDir, `seeds${BUNDLE_SUFFIX}`), seeds);
console.log(`seeds: ${seeds.length} documents`);

if (existsSync(unxmlDir)) {
  for (const session of readdirSync(unxmlDir).sort()) {
    const dir = join(unxmlDir, session);
    if (!statSync(dir).isDirectory() || !/session$/.test(session)) continue;
    const entries = parseAll(collectFiles([dir]), () => null);
    const bytes = writeBundleFile(join(outDir, `unxml-${session}${BUNDLE_SUFFIX}`), entries);
    total += bytes;
    console.log(`${session}: ${entries.length} documents, ${(bytes / 1e6).toFixed(1)} MB`);
  }
} else {
  console.warn(`${unxmlDir} not found: the bundle holds the seeds only.`);
}
console.log(`bundle: ${(total / 1e6).toFixed(1)} MB in ${outDir}`);
