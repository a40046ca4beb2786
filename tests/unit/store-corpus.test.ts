// The corpus store: idempotent import, replacement of changed documents, ids safe in URLs.
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../core/model.js';
import { countCorpus, corpusVersion, getDocument, getParagraphs, listDocuments, upsertDocument } from '../../server/store/corpus.js';
import { openDb } from '../../server/store/db.js';

function resolution(overrides: Partial<ParsedDocument> = {}): ParsedDocument {
  return {
    symbol: 'A/RES/78/229',
    title: 'Strengthening the United Nations Crime Prevention and Criminal Justice Programme',
    language: 'en',
    kind: 'resolution',
    body: 'General Assembly',
    session: 78,
    date: '2023-12-19',
    source: 'unxml/78session/English/A_RES_78_229.xml',
    paragraphs: [
      { section: 'preamble', number: null, label: 'PP 1', lead: 'Reaffirming', text: 'Reaffirming its resolutions 46/152 and 60/1,', footnotes: [], items: [] },
      { section: 'operative', number: 1, label: 'OP 1', lead: 'Requests', text: 'Requests the Secretary-General to report;', footnotes: [{ marker: '1', text: 'See A/78/1.', offset: 12 }], items: [] },
      { section: 'operative', number: 2, label: 'OP 2', lead: 'Decides', text: 'Decides to remain seized of the matter.', footnotes: [], items: [] },
    ],
    ...overrides,
  };
}

describe('corpus store', () => {
  it('stores a document with URL-safe ids and its paragraphs in order', () => {
    const db = openDb(':memory:');
    const { id, status } = upsertDocument(db, resolution(), 'h1');
    expect(status).toBe('added');
    expect(id).toBe('a-res-78-229-en');
    expect(encodeURIComponent(id)).toBe(id);
    const paragraphs = getParagraphs(db, id);
    expect(paragraphs.map((p) => p.id)).toEqual(['a-res-78-229-en.pp1', 'a-res-78-229-en.op1', 'a-res-78-229-en.op2']);
    expect(paragraphs[1].footnotes).toEqual([{ marker: '1', text: 'See A/78/1.', offset: 12 }]);
    expect(getDocument(db, id)?.date).toBe('2023-12-19');
  });

  it('imports the same source twice without changing anything', () => {
    const db = openDb(':memory:');
    upsertDocument(db, resolution(), 'h1');
    const version = corpusVersion(db);
    expect(upsertDocument(db, resolution(), 'h1').status).toBe('unchanged');
    expect(corpusVersion(db)).toBe(version);
    expect(countCorpus(db)).toEqual({ documents: 1, paragraphs: 3 });
  });

  it('replaces a document whose source changed, paragraphs and all', () => {
    const db = openDb(':memory:');
    upsertDocument(db, resolution(), 'h1');
    const changed = resolution({ paragraphs: resolution().paragraphs.slice(0, 2) });
    expect(upsertDocument(db, changed, 'h2').status).toBe('replaced');
    expect(getParagraphs(db, 'a-res-78-229-en')).toHaveLength(2);
    expect(countCorpus(db)).toEqual({ documents: 1, paragraphs: 2 });
  });

  it('keeps the stored document when an import fails half-way', () => {
    const db = openDb(':memory:');
    upsertDocument(db, resolution(), 'h1');
    const broken = resolution();
    // A paragraph without text violates NOT NULL: the whole replacement must roll back.
    (broken.paragraphs[1] as { text: unknown }).text = null;
    expect(() => upsertDocument(db, broken, 'h2')).toThrow();
    expect(getParagraphs(db, 'a-res-78-229-en')).toHaveLength(3);
  });

  it('lists documents with paragraph counts and filters by language, kind and text', () => {
    const db = openDb(':memory:');
    upsertDocument(db, resolution(), 'h1');
    upsertDocument(db, resolution({ language: 'zh', title: '加强联合国预防犯罪和刑事司法方案' }), 'h2');
    upsertDocument(db, resolution({ symbol: null, kind: 'report', source: 'seeds/003.txt', title: 'Report of the Secretary-General' }), 'h3');
    expect(listDocuments(db, { language: 'zh' }).map((d) => d.id)).toEqual(['a-res-78-229-zh']);
    expect(listDocuments(db, { kind: 'report' }).map((d) => d.id)).toEqual(['doc-003-en']);
    expect(listDocuments(db, { q: '78/229' })).toHaveLength(2);
    expect(listDocuments(db, { q: '100%' })).toHaveLength(0);
    expect(listDocuments(db, { language: 'en', kind: 'resolution' })[0].counts).toEqual({ preamble: 1, operative: 2, other: 0 });
  });
});
