// Reads source files from disk, picks the importer for each (AKN XML, Markdown,
// PDF text), applies manifest metadata, and stores the result. The I/O edge of
// ingestion: the importers themselves stay pure.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import type { ParsedDocument } from '../../core/model.js';
import { upsertDocument, type UpsertStatus } from '../store/corpus.js';
import type { Db } from '../store/db.js';
import { importAkn } from './akn/index.js';
import { importMarkdown } from './markdown.js';
import { importPdfText } from './pdf-text/index.js';
import { ImportError, type ImportResult, type SourceMetadata } from './source.js';

/** Bump when an importer changes what it produces, so stored documents are re-imported. */
export const IMPORTER_VERSION = 1;

export type SourceFormat = 'akn' | 'markdown' | 'pdf-text';

export interface ManifestEntry extends SourceMetadata {
  file: string;
  format?: SourceFormat;
}

export interface Manifest {
  /** Absolute path of the folder the entries' paths are relative to. */
  root: string;
  entries: Map<string, ManifestEntry>;
}

export function readManifest(file: string): Manifest {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { documents?: ManifestEntry[] };
  if (!Array.isArray(json.documents)) throw new Error(`${file}: a manifest needs a "documents" array`);
  const root = dirname(resolve(file));
  const entries = new Map<string, ManifestEntry>();
  for (const entry of json.documents) entries.set(resolve(root, entry.file), entry);
  return { root, entries };
}

export function detectFormat(file: string, text: string, hint?: SourceFormat): SourceFormat {
  if (hint) return hint;
  const ext = extname(file).toLowerCase();
  if (ext === '.xml' || /^\s*(<\?xml|<akomaNtoso)/.test(text)) return 'akn';
  if (ext === '.md' || /^\s*#{1,6} /m.test(text) || /\*\*[^*]+\*\*/.test(text)) return 'markdown';
  return 'pdf-text';
}

export function parseSource(text: string, source: string, format: SourceFormat, meta: SourceMetadata): ImportResult {
  switch (format) {
    case 'akn':
      return importAkn(text, source, meta);
    case 'markdown':
      return importMarkdown(text, source, meta);
    case 'pdf-text':
      return importPdfText(text, source, meta);
  }
}

export function hashSource(text: string): string {
  return createHash('sha256').update(`v${IMPORTER_VERSION}\n`).update(text).digest('hex').slice(0, 32);
}

/** Expands files and folders (recursively) into importable source files, in a stable order. */
export function collectFiles(paths: string[]): string[] {
  const out: string[] = [];
  const visit = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        // A folder's own README or licence is not a document; name such a file explicitly to import it.
        if (name.startsWith('.') || /^(readme|license|licence|changelog)(\.|$)/i.test(name)) continue;
        visit(join(p, name));
      }
    } else if (/\.(xml|md|txt)$/i.test(p) || paths.includes(p)) {
      out.push(resolve(p));
    }
  };
  for (const p of paths) {
    if (!existsSync(p)) throw new Error(`${p}: no such file or folder`);
    visit(p);
  }
  return out;
}

/** A manifest.json in the file's folder or any parent folder up to the import root. */
export function findManifest(file: string, cache: Map<string, Manifest | null>): Manifest | null {
  let dir = dirname(file);
  for (;;) {
    if (!cache.has(dir)) {
      const candidate = join(dir, 'manifest.json');
      cache.set(dir, existsSync(candidate) ? readManifest(candidate) : null);
    }
    const m = cache.get(dir);
    if (m?.entries.has(file)) return m;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export interface FileOutcome {
  file: string;
  documents: { id: string; status: UpsertStatus; doc: ParsedDocument; sourceHash: string }[];
  warnings: string[];
  error?: string;
}

/**
 * Parses and stores one file. A file that cannot be read or parsed is reported,
 * never thrown, so one bad file does not stop an import of thousands.
 */
export function importFile(db: Db, file: string, options: { manifest?: Manifest | null; base?: string } = {}): FileOutcome {
  const source = relative(options.base ?? process.cwd(), file) || basename(file);
  try {
    const text = readFileSync(file, 'utf8');
    const entry = options.manifest?.entries.get(file);
    const format = detectFormat(file, text, entry?.format);
    const { file: _file, format: _format, ...meta } = entry ?? { file };
    const result = parseSource(text, source, format, meta);
    if (result.documents.length === 0) return { file, documents: [], warnings: result.warnings, error: 'no document found in the file' };
    const hash = hashSource(text);
    const documents = result.documents.map((doc, i) => {
      const sourceHash = result.documents.length > 1 ? `${hash}:${i}` : hash;
      return { ...upsertDocument(db, doc, sourceHash), doc, sourceHash };
    });
    return { file, documents, warnings: result.warnings };
  } catch (err) {
    // The outcome names the file already; an ImportError's reason is the rest.
    const reason = err instanceof ImportError ? err.reason : err instanceof Error ? err.message : String(err);
    return { file, documents: [], warnings: [], error: reason };
  }
}
