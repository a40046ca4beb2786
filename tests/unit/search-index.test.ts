// The index's life cycle: built from the database, persisted beside it, loaded
// on restart, and kept in step when documents are imported, replaced or deleted.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../core/model.js';
import { ParagraphIndex } from '../../server/search/index.js';
import { SearchService } from '../../server/search/service.js';
import { seriesKeyOf } from '../../server/search/series.js';
import { deleteDocument, upsertDocument } from '../../server/store/corpus.js';
import { openDb } from '../../server/store/db.js';

function resolution(session: number, ops: string[], language: 'en' | 'zh' = 'en'): ParsedDocument {
  return {
    symbol: `A/RES/${session}/1`, title: 'Strengthening the rule of law', language, kind: 'resolution', body: 'General Assembly',
    session, date: `${2000 + session - 55}-12-18`, source: 'test',
    paragraphs: [
      { section: 'heading', number: null, label: 'Heading', lead: '', text: 'Strengthening the rule of law', footnotes: [], items: [] },
      ...ops.map((text, i) => ({ section: 'operative' as const, number: i + 1, label: `OP ${i + 1}`, lead: '', text, footnotes: [], items: [] })),
    ],
  };
}

const OP_A = 'Calls upon Member States to strengthen judicial independence and the integrity of prosecution services;';
const OP_B = 'Requests the Secretary-General to report on the implementation of the present resolution at its next session;';

describe('ParagraphIndex', () => {
  it('persists beside the database and loads instead of rebuilding', () => {
    const dir = mkdtempSync(join(tmpdir(), 'precedent-idx-'));
    const db = openDb(join(dir, 'precedent.db'));
    upsertDocument(db, resolution(78, [OP_A, OP_B]), 'h78');
    const built = ParagraphIndex.open(db);
    expect(built.origin).toBe('built');
    expect(built.paragraphCount).toBe(2); // the heading is not searchable
    const loaded = ParagraphIndex.open(db);
    expect(loaded.origin).toBe('loaded');
    expect(loaded.paragraphCount).toBe(2);
    const slot = loaded.documents.get('a-res-78-1-en')!.slots[0];
    expect(loaded.languages.get('en')!.paragraph(slot)!.text).toBe(OP_A);
  });

  it('follows imports, replacements and deletions while serving, and after a restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'precedent-idx-'));
    const db = openDb(join(dir, 'precedent.db'));
    upsertDocument(db, resolution(78, [OP_A]), 'h78');
    const service = SearchService.open(db);
    expect(service.suggest({ text: OP_B }).results).toEqual([]);

    upsertDocument(db, resolution(80, [OP_A, OP_B]), 'h80');
    const found = service.suggest({ text: OP_B }).results;
    expect(found[0].document.symbol).toBe('A/RES/80/1');
    expect(found[0].similarity).toBe(1);

    upsertDocument(db, resolution(80, [OP_A]), 'h80-v2');
    expect(service.suggest({ text: OP_B }).results).toEqual([]);
    deleteDocument(db, 'a-res-78-1-en');
    const left = service.suggest({ text: OP_A, filters: { collapseSeries: false } }).results;
    expect(left.map((r) => r.document.id)).toEqual(['a-res-80-1-en']);

    service.index.save();
    const restarted = SearchService.open(db);
    expect(restarted.index.origin).toBe('loaded');
    expect(restarted.suggest({ text: OP_A, filters: { collapseSeries: false } }).results.map((r) => r.document.id)).toEqual(['a-res-80-1-en']);
  });
});

describe('ParagraphIndex persisted and reopened', () => {
  const OP_C = '在这方面呼吁会员国加强司法独立和检察机关的廉正，并报告执行情况；';
  const OP_D = 'Encourages Member States to share good practices in the protection of witnesses and victims of crime;';

  it('answers the same as before it was saved, loads languages on first use, and finds documents imported after reopening', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precedent-idx-'));
    const db = openDb(join(dir, 'precedent.db'));
    upsertDocument(db, resolution(77, [OP_A, OP_B]), 'h77');
    upsertDocument(db, resolution(78, [OP_A, `${OP_B} and to include recommendations`]), 'h78');
    upsertDocument(db, resolution(78, [OP_C], 'zh'), 'h78-zh');
    upsertDocument(db, resolution(79, [OP_C, '请秘书长向大会下届会议报告本决议的执行情况；'], 'zh'), 'h79-zh');
    const before = SearchService.open(db);
    const queries = [
      { text: OP_B, filters: { collapseSeries: false } },
      { text: OP_A.slice(0, 50), filters: { collapseSeries: false } },
      { text: OP_C, language: 'zh' as const },
      { text: 'judicial independence', filters: { excludeDocuments: ['a-res-77-1-en'] } },
    ];
    const strip = (r: ReturnType<SearchService['suggest']>) => r.results.map((x) => ({ id: x.paragraph.id, similarity: x.similarity, shared: x.shared }));
    const expected = queries.map((q) => strip(before.suggest(q)));
    const keyword = before.search({ q: 'judicial independence' }).results.map((r) => r.paragraph.id);
    expect(expected[0][0].similarity).toBe(1);
    expect(expected[2].length).toBeGreaterThan(0);

    const reopened = ParagraphIndex.open(db);
    expect(reopened.origin).toBe('loaded');
    // Opening reads the document list only: no language is loaded before it is needed.
    expect(reopened.isLoaded('en')).toBe(false);
    expect(reopened.isLoaded('zh')).toBe(false);
    expect(reopened.paragraphCount).toBe(before.index.paragraphCount);
    const service = SearchService.open(db);
    expect(queries.map((q) => strip(service.suggest(q)))).toEqual(expected);
    expect(service.search({ q: 'judicial independence' }).results.map((r) => r.paragraph.id)).toEqual(keyword);

    // A document imported after reopening, in a language not loaded yet, is found.
    const cold = SearchService.open(db);
    expect(cold.index.isLoaded('en')).toBe(false);
    upsertDocument(db, resolution(80, [OP_D]), 'h80');
    const found = cold.suggest({ text: OP_D });
    expect(found.results[0].document.id).toBe('a-res-80-1-en');
    expect(found.results[0].similarity).toBe(1);
    // Background warm-up loads the rest and leaves the answers unchanged.
    await cold.warmUp();
    expect(cold.index.isLoaded('zh')).toBe(true);
    expect(strip(cold.suggest(queries[2]))).toEqual(expected[2]);
    cold.index.save();
    const again = SearchService.open(db);
    expect(again.index.version).toBe(cold.index.version);
    expect(again.suggest({ text: OP_D }).results[0].document.id).toBe('a-res-80-1-en');
    expect(strip(again.suggest(queries[0]))).toEqual(expected[0]);
  });
});

describe('seriesKeyOf', () => {
  it('groups versions of a resolution by title and language, whatever the number prefix', () => {
    const a = seriesKeyOf({ title: '57/173. Strengthening the United Nations Crime Prevention Programme', language: 'en' });
    const b = seriesKeyOf({ title: 'Strengthening the United Nations crime prevention programme', language: 'en' });
    expect(a).toBe(b);
    expect(seriesKeyOf({ title: 'Strengthening the United Nations crime prevention programme', language: 'fr' })).not.toBe(b);
  });
});
