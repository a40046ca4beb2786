// `npm run ingest -- <files or folders>`: imports sources into the database with
// progress on stderr and a summary at the end. Exit code 1 if any file failed.
// With DATABASE_URL (several instances), what it parsed is also published to
// the PostgreSQL store, and every instance adds it to its own corpus.
import { performance } from 'node:perf_hooks';
import { config } from '../config.js';
import { openDb } from '../store/db.js';
import { openStore } from '../store/open.js';
import { publishImports } from './corpus-feed.js';
import { collectFiles, findManifest, importFile, type FileOutcome, type Manifest } from './import-files.js';
import { formatSummary, summarise } from './summary.js';

const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error('usage: npm run ingest -- <file or folder> [...]\n  AKN4UN .xml files, Markdown .md, or PDF text .txt (with a manifest.json beside them for metadata)');
  process.exit(2);
}

let files: string[];
try {
  files = collectFiles(paths);
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}

const db = openDb(config.dbFile);
const started = performance.now();
const manifests = new Map<string, Manifest | null>();
const outcomes: FileOutcome[] = [];
const tty = process.stderr.isTTY;
files.forEach((file, i) => {
  const outcome = importFile(db, file, { manifest: findManifest(file, manifests) });
  outcomes.push(outcome);
  if (outcome.error) process.stderr.write(`${tty ? '\n' : ''}✗ ${file}: ${outcome.error}\n`);
  const done = i + 1;
  if (tty) process.stderr.write(`\r${done}/${files.length} files`);
  else if (done % 250 === 0 || done === files.length) process.stderr.write(`${done}/${files.length} files\n`);
});
if (tty) process.stderr.write('\n');
if (config.databaseUrl) {
  const store = await openStore(db, config.databaseUrl);
  try {
    const published = await publishImports(store.corpusFeed!, outcomes);
    console.log(`Published ${published} documents to every instance (PostgreSQL)`);
  } finally {
    await store.close();
  }
}
db.close();

const summary = summarise(outcomes, (performance.now() - started) / 1000);
console.log(formatSummary(summary));
console.log(`Database: ${config.dbFile}`);
process.exit(summary.failed.length ? 1 : 0);
