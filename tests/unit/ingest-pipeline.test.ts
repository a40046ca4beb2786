// The import path as a user runs it: files and folders in, documents stored,
// manifests applied, bad files reported by path and reason while the rest import.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFiles, findManifest, importFile, type Manifest } from '../../server/ingest/import-files.js';
import { countCorpus, getDocument } from '../../server/store/corpus.js';
import { openDb } from '../../server/store/db.js';
import { ROOT } from '../helpers/paths.js';

const SEEDS = join(ROOT, 'corpus/seeds');

function importAll(db: ReturnType<typeof openDb>, paths: string[]) {
  const manifests = new Map<string, Manifest | null>();
  return collectFiles(paths).map((f) => importFile(db, f, { manifest: findManifest(f, manifests), base: ROOT }));
}

describe('importing files', () => {
  it('imports the seeds with the manifest supplying what the text lacks', () => {
    const db = openDb(':memory:');
    const outcomes = importAll(db, [SEEDS]);
    expect(outcomes.map((o) => o.error)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    // 62/175 has no symbol line; the manifest gives it.
    expect(getDocument(db, 'a-res-62-175-zh')).toMatchObject({ symbol: 'A/RES/62/175', date: '2007-12-18', kind: 'resolution' });
    // The reports state no symbol and none is invented.
    const reports = outcomes.flatMap((o) => o.documents).filter((d) => d.doc.kind === 'report');
    expect(reports.map((r) => r.doc.symbol)).toEqual([null, null]);
    expect(reports.map((r) => r.doc.body).sort()).toEqual(['CCPCJ', 'Secretary-General']);
  });

  it('is idempotent: the same files twice change nothing', () => {
    const db = openDb(':memory:');
    importAll(db, [SEEDS]);
    const before = countCorpus(db);
    const again = importAll(db, [SEEDS]);
    expect(again.flatMap((o) => o.documents.map((d) => d.status))).toEqual(Array(5).fill('unchanged'));
    expect(countCorpus(db)).toEqual(before);
  });

  it('reports a file it cannot parse with its path and reason, and imports the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'precedent-ingest-'));
    copyFileSync(join(SEEDS, '002_e1ad52332a936a69.txt'), join(dir, 'good.md'));
    writeFileSync(join(dir, 'broken.xml'), '<akomaNtoso><statement><preface>');
    writeFileSync(join(dir, 'README.md'), '# What this folder holds');
    const db = openDb(':memory:');
    const outcomes = importAll(db, [dir]);
    // The folder's README is not a document: it is not even tried.
    expect(outcomes.map((o) => o.file.split('/').pop()).sort()).toEqual(['broken.xml', 'good.md']);
    const broken = outcomes.find((o) => o.file.endsWith('broken.xml'));
    expect(broken?.error).toBeTruthy();
    expect(outcomes.find((o) => o.file.endsWith('good.md'))?.documents).toHaveLength(1);
    expect(countCorpus(db).documents).toBe(1);
  });
});

describe('npm run ingest', () => {
  it('imports a folder and ends with a summary by language and kind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'precedent-cli-'));
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'server/ingest/cli.ts', 'corpus/seeds'], {
      cwd: ROOT,
      env: { ...process.env, PRECEDENT_DB: join(dir, 'p.db') },
      encoding: 'utf8',
    });
    expect(out).toMatch(/Imported 5 file\(s\) in [\d.]+ s: 5 added, 0 replaced, 0 unchanged/);
    expect(out).toMatch(/By language: zh 5 docs/);
    expect(out).toMatch(/resolution 3, report 2/);
  });

  it('exits 1 naming the file that failed, after importing the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'precedent-cli-'));
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'empty.xml'), 'not xml at all');
    copyFileSync(join(SEEDS, '002_e1ad52332a936a69.txt'), join(dir, 'in', 'ok.md'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/ingest/cli.ts', join(dir, 'in')], {
      cwd: ROOT,
      env: { ...process.env, PRECEDENT_DB: join(dir, 'p.db') },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/1 added/);
    expect(run.stdout + run.stderr).toContain('empty.xml');
  });

  it('says how to use it when given nothing', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/ingest/cli.ts'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/usage: npm run ingest/);
  });
});
