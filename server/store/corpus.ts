// The corpus in SQLite: documents and their paragraphs. Import is idempotent
// (same source hash → nothing changes) and a changed source replaces its
// document whole, in one transaction, so a failed import never half-writes.
// Rows are keyed by stable, URL-safe ids derived from what the document is
// (symbol and language), not from where it was read.
import type { Db } from './db.js';
import type {
  DocumentKind,
  DocumentRecord,
  Footnote,
  Language,
  ParagraphRecord,
  ParsedDocument,
  ParsedParagraph,
  Section,
  SubItem,
} from '../../core/model.js';

export const CORPUS_SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY,
  symbol TEXT,
  title TEXT NOT NULL,
  language TEXT NOT NULL,
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  session INTEGER,
  date TEXT,
  source TEXT NOT NULL,
  source_hash TEXT NOT NULL,
  draft_symbol TEXT,
  agenda_item TEXT,
  sponsors TEXT
);
CREATE INDEX IF NOT EXISTS documents_language ON documents(language, kind);
CREATE TABLE IF NOT EXISTS paragraphs (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  section TEXT NOT NULL,
  number INTEGER,
  label TEXT NOT NULL,
  lead TEXT NOT NULL,
  text TEXT NOT NULL,
  footnotes TEXT NOT NULL,
  items TEXT NOT NULL,
  eid TEXT
);
CREATE INDEX IF NOT EXISTS paragraphs_document ON paragraphs(document_id, ordinal);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

export type UpsertStatus = 'added' | 'replaced' | 'unchanged';

export interface DocumentSummary extends DocumentRecord {
  counts: { preamble: number; operative: number; other: number };
}

export interface DocumentFilter {
  language?: Language;
  kind?: DocumentKind;
  /** Matches symbol or title, case-insensitively. */
  q?: string;
}

interface DocumentRow {
  id: string;
  symbol: string | null;
  title: string;
  language: string;
  kind: string;
  body: string;
  session: number | null;
  date: string | null;
  source: string;
  source_hash: string;
  draft_symbol: string | null;
  agenda_item: string | null;
  sponsors: string | null;
}

interface ParagraphRow {
  id: string;
  document_id: string;
  ordinal: number;
  section: string;
  number: number | null;
  label: string;
  lead: string;
  text: string;
  footnotes: string;
  items: string;
  eid: string | null;
}

function toDocument(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    symbol: row.symbol,
    title: row.title,
    language: row.language as Language,
    kind: row.kind as DocumentKind,
    body: row.body,
    session: row.session,
    date: row.date,
    source: row.source,
    draftSymbol: row.draft_symbol,
    agendaItem: row.agenda_item,
    sponsors: row.sponsors ? (JSON.parse(row.sponsors) as string[]) : [],
  };
}

function toParagraph(row: ParagraphRow): ParagraphRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    ordinal: row.ordinal,
    section: row.section as Section,
    number: row.number,
    label: row.label,
    lead: row.lead,
    text: row.text,
    footnotes: JSON.parse(row.footnotes) as Footnote[],
    items: JSON.parse(row.items) as SubItem[],
    eId: row.eid,
  };
}

function slug(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "A/RES/80/229" in Chinese → "a-res-80-229-zh"; without a symbol, from the source name. */
function documentId(doc: Pick<ParsedDocument, 'symbol' | 'language' | 'source'>): string {
  if (doc.symbol) return `${slug(doc.symbol)}-${doc.language}`;
  const base = doc.source.split(/[\\/]/).pop() ?? doc.source;
  return `doc-${slug(base.replace(/\.[a-z]+$/i, '')) || 'untitled'}-${doc.language}`;
}

/**
 * "a-res-80-229-zh.op8", ".pp3", ".p12" (report paragraphs), ".h4" (headings, by
 * position), ".x9" (annex and unnumbered paragraphs, by position). Numbers repeat
 * in reports whose sub-sections restart numbering; a repeat falls back to the position.
 */
function paragraphIds(docId: string, paragraphs: ParsedParagraph[]): string[] {
  const seen = new Set<string>();
  let pp = 0;
  return paragraphs.map((p, ordinal) => {
    let local: string;
    if (p.section === 'preamble') local = `pp${++pp}`;
    else if (p.section === 'operative' && p.number != null) local = `op${p.number}`;
    else if (p.section === 'body' && p.number != null) local = `p${p.number}`;
    else if (p.section === 'heading') local = `h${ordinal}`;
    else local = `x${ordinal}`;
    if (seen.has(local)) local = `x${ordinal}`;
    seen.add(local);
    return `${docId}.${local}`;
  });
}

/**
 * Stores one parsed document. `sourceHash` identifies the source content (and
 * importer version): the same hash means the stored document is already current.
 */
export function upsertDocument(db: Db, doc: ParsedDocument, sourceHash: string): { id: string; status: UpsertStatus } {
  const id = documentId(doc);
  const run = db.transaction((): UpsertStatus => {
    const existing = db.prepare('SELECT source_hash FROM documents WHERE id = ?').get(id) as
      | { source_hash: string }
      | undefined;
    if (existing?.source_hash === sourceHash) return 'unchanged';
    if (existing) db.prepare('DELETE FROM documents WHERE id = ?').run(id);
    db.prepare(
      `INSERT INTO documents (id, symbol, title, language, kind, body, session, date, source, source_hash, draft_symbol, agenda_item, sponsors)
       VALUES (@id, @symbol, @title, @language, @kind, @body, @session, @date, @source, @sourceHash, @draftSymbol, @agendaItem, @sponsors)`,
    ).run({
      id,
      symbol: doc.symbol,
      title: doc.title,
      language: doc.language,
      kind: doc.kind,
      body: doc.body,
      session: doc.session,
      date: doc.date,
      source: doc.source,
      sourceHash,
      draftSymbol: doc.draftSymbol ?? null,
      agendaItem: doc.agendaItem ?? null,
      sponsors: doc.sponsors?.length ? JSON.stringify(doc.sponsors) : null,
    });
    const insert = db.prepare(
      `INSERT INTO paragraphs (id, document_id, ordinal, section, number, label, lead, text, footnotes, items, eid)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const ids = paragraphIds(id, doc.paragraphs);
    doc.paragraphs.forEach((p, i) => {
      insert.run(ids[i], id, i, p.section, p.number, p.label, p.lead, p.text, JSON.stringify(p.footnotes), JSON.stringify(p.items), p.eId ?? null);
    });
    bumpCorpusVersion(db);
    return existing ? 'replaced' : 'added';
  });
  return { id, status: run() };
}

export function deleteDocument(db: Db, id: string): boolean {
  const changed = db.prepare('DELETE FROM documents WHERE id = ?').run(id).changes > 0;
  if (changed) bumpCorpusVersion(db);
  return changed;
}

/** A number that changes whenever the corpus does: the search index compares it to decide on a rebuild. */
export function corpusVersion(db: Db): number {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'corpus_version'").get() as { value: string } | undefined;
  return row ? Number(row.value) : 0;
}

function bumpCorpusVersion(db: Db): void {
  db.prepare(
    "INSERT INTO meta (key, value) VALUES ('corpus_version', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
  ).run();
}

export function getMeta(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function countCorpus(db: Db): { documents: number; paragraphs: number } {
  const documents = (db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
  const paragraphs = (db.prepare("SELECT COUNT(*) AS n FROM paragraphs WHERE section <> 'heading'").get() as { n: number }).n;
  return { documents, paragraphs };
}

/** The WHERE clause and its arguments for a filter over documents `d`. */
function documentWhere(filter: DocumentFilter): { where: string; args: Record<string, string> } {
  const where: string[] = [];
  const args: Record<string, string> = {};
  if (filter.language) {
    where.push('d.language = @language');
    args.language = filter.language;
  }
  if (filter.kind) {
    where.push('d.kind = @kind');
    args.kind = filter.kind;
  }
  if (filter.q) {
    where.push("(d.symbol LIKE @q ESCAPE '\\' OR d.title LIKE @q ESCAPE '\\')");
    args.q = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', args };
}

type SummaryRow = DocumentRow & { preamble: number | null; operative: number | null; other: number | null };

/**
 * The documents (`d`, from `from`) with their paragraph counts, newest first.
 * The counts are joined to the documents `from` yields, so a page counts the
 * paragraphs of its own documents only.
 */
function withCounts(db: Db, from: string, args: Record<string, unknown>): DocumentSummary[] {
  const rows = db
    .prepare(
      `SELECT d.*,
         SUM(p.section = 'preamble') AS preamble,
         SUM(p.section = 'operative') AS operative,
         SUM(p.section NOT IN ('preamble', 'operative', 'heading')) AS other
       FROM ${from} LEFT JOIN paragraphs p ON p.document_id = d.id
       GROUP BY d.id
       ORDER BY d.date DESC, d.symbol, d.id`,
    )
    .all(args) as SummaryRow[];
  return rows.map((row) => ({
    ...toDocument(row),
    counts: { preamble: row.preamble ?? 0, operative: row.operative ?? 0, other: row.other ?? 0 },
  }));
}

/** Every document that passes the filter, with its paragraph counts, newest first. */
export function listDocuments(db: Db, filter: DocumentFilter = {}): DocumentSummary[] {
  const { where, args } = documentWhere(filter);
  return withCounts(db, `(SELECT * FROM documents d ${where}) d`, args);
}

/** One page of `listDocuments`, and how many documents pass the filter in all. */
export function pageDocuments(db: Db, filter: DocumentFilter, page: { limit: number; offset: number }): { documents: DocumentSummary[]; total: number } {
  const { where, args } = documentWhere(filter);
  const documents = withCounts(db, `(SELECT * FROM documents d ${where} ORDER BY d.date DESC, d.symbol, d.id LIMIT @limit OFFSET @offset) d`, { ...args, ...page });
  const { total } = db.prepare(`SELECT COUNT(*) AS total FROM documents d ${where}`).get(args) as { total: number };
  return { documents, total };
}

export function getDocument(db: Db, id: string): DocumentRecord | null {
  const row = db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;
  return row ? toDocument(row) : null;
}

export function getDocuments(db: Db, ids: string[]): DocumentRecord[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(`SELECT * FROM documents WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as DocumentRow[];
  return rows.map(toDocument);
}

/** All documents, without counts: for the search index and series grouping. */
export function allDocuments(db: Db): DocumentRecord[] {
  return (db.prepare('SELECT * FROM documents ORDER BY date, symbol').all() as DocumentRow[]).map(toDocument);
}

export function getParagraphs(db: Db, documentId: string): ParagraphRecord[] {
  const rows = db.prepare('SELECT * FROM paragraphs WHERE document_id = ? ORDER BY ordinal').all(documentId) as ParagraphRow[];
  return rows.map(toParagraph);
}

export function getParagraph(db: Db, id: string): ParagraphRecord | null {
  const row = db.prepare('SELECT * FROM paragraphs WHERE id = ?').get(id) as ParagraphRow | undefined;
  return row ? toParagraph(row) : null;
}

/** Every paragraph of the corpus in document order, streamed: the index builder's input. */
export function* iterateParagraphs(db: Db): Generator<ParagraphRecord> {
  const stmt = db.prepare('SELECT * FROM paragraphs ORDER BY document_id, ordinal');
  for (const row of stmt.iterate() as IterableIterator<ParagraphRow>) yield toParagraph(row);
}

/** The language versions of one document: every document stored under this symbol, in any language. */
export function documentsWithSymbol(db: Db, symbol: string): DocumentRecord[] {
  return (db.prepare('SELECT * FROM documents WHERE symbol = ? ORDER BY language').all(symbol) as DocumentRow[]).map(toDocument);
}
