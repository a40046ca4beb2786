// Drafts in SQLite: the only SQL that touches the drafts table (schema in
// drafts-schema.ts). Rows in, rows out: the rules (ids, order, versions,
// rollover, limits) live in server/drafts/.
import type { Db } from './db.js';
import type { Draft, DraftParagraph } from '../drafts/model.js';

// Tests import the types from here; they live in server/drafts/model.ts.
export type { Draft, DraftParagraph };

interface DraftRow {
  id: string;
  title: string;
  language: string;
  body: string;
  base_document_id: string | null;
  version: number;
  paragraphs: string;
  created_at: string;
  updated_at: string;
}

function toDraft(row: DraftRow): Draft {
  return {
    id: row.id,
    title: row.title,
    language: row.language as Draft['language'],
    body: row.body,
    baseDocumentId: row.base_document_id,
    version: row.version,
    paragraphs: JSON.parse(row.paragraphs) as DraftParagraph[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const toParams = (draft: Draft) => ({ ...draft, paragraphs: JSON.stringify(draft.paragraphs) });

/** Every draft, most recently saved first. */
export function listDrafts(db: Db): Draft[] {
  const rows = db.prepare('SELECT * FROM drafts ORDER BY updated_at DESC, id').all() as DraftRow[];
  return rows.map(toDraft);
}

export function getDraft(db: Db, id: string): Draft | null {
  const row = db.prepare('SELECT * FROM drafts WHERE id = ?').get(id) as DraftRow | undefined;
  return row ? toDraft(row) : null;
}

export function insertDraft(db: Db, draft: Draft): void {
  db.prepare(
    `INSERT INTO drafts (id, title, language, body, base_document_id, version, paragraphs, created_at, updated_at)
     VALUES (@id, @title, @language, @body, @baseDocumentId, @version, @paragraphs, @createdAt, @updatedAt)`,
  ).run(toParams(draft));
}

/** Writes `draft` over the stored row only if that row is still at `expectedVersion`; false otherwise. */
export function updateDraft(db: Db, draft: Draft, expectedVersion: number): boolean {
  const result = db
    .prepare(
      `UPDATE drafts SET title = @title, body = @body, base_document_id = @baseDocumentId, version = @version,
         paragraphs = @paragraphs, updated_at = @updatedAt WHERE id = @id AND version = @expectedVersion`,
    )
    .run({ ...toParams(draft), expectedVersion });
  return result.changes > 0;
}

export function deleteDraft(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM drafts WHERE id = ?').run(id).changes > 0;
}
