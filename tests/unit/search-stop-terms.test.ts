// Stop terms (minisearch-index.ts STOP_SHARE): in a language of some size, a
// term in more than 5% of paragraphs gets no postings in MiniSearch, keeps its
// document frequency, survives a save and load, is never sent to BM25 (a
// keyword query's stop terms re-score its hits instead), and a keyword query of
// such terms only is still answered (phrase.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../core/model.js';
import type { Checksums } from '../../server/search/checked-files.js';
import { ParagraphIndex } from '../../server/search/index.js';
import { LanguageIndex } from '../../server/search/language-index.js';
import { STOP_MIN_PARAGRAPHS } from '../../server/search/minisearch-index.js';
import { keywordTerms, search } from '../../server/search/phrase.js';
import { pruneTerms } from '../../server/search/suggest.js';
import { upsertDocument } from '../../server/store/corpus.js';
import { openDb } from '../../server/store/db.js';

const N = STOP_MIN_PARAGRAPHS + 500;

/** Every paragraph says "human rights"; each also has two words of its own, every 10th "okapi", and 2 in 100 "zebra" (one of them with okapi). */
function language(): LanguageIndex {
  const li = new LanguageIndex('en', 'words');
  for (let i = 0; i < N; i++) {
    const own = `w${i.toString(36)}x w${i.toString(36)}y`;
    li.add({ id: `p${i}`, documentId: `d${i}`, section: 'operative', label: 'OP 1', lead: '', text: `Affirms human rights ${own}${i % 10 === 0 ? ' okapi' : ''}${i % 100 === 0 || i % 100 === 5 ? ' zebra' : ''};` });
  }
  return li;
}

describe('stop terms', () => {
  const li = language();

  it('have no postings but keep their document frequency', () => {
    for (const term of ['human', 'right', 'affirm', 'okapi']) expect(li.isStopTerm(term)).toBe(true);
    expect(li.docFrequency('human')).toBe(N);
    expect(li.search(['human', 'right'], 10, () => true)).toEqual([]);
    expect(li.search(['w1x'], 10, () => true).map((h) => h.slot)).toEqual([1]);
  });

  it('are never sent to BM25 by suggest or keyword search', () => {
    expect(pruneTerms(li, 'human rights w1x')).toEqual(['w1x']);
    // Kept by keyword pruning (fewer than three rarer terms), they order the hits instead.
    expect(keywordTerms(li, 'human rights w1x')).toEqual({ terms: ['w1x'], stop: ['human', 'right'], omitted: 0 });
  });

  it('order the keyword hits they were kept for as if searched', () => {
    const hits = li.search(['zebra'], 1000, () => true);
    const rescored = li.candidates.rescoreWithStopTerms(hits, ['okapi'], 1000, (slot) => li.terms(li.paragraph(slot)!.text));
    const withOkapi = (slot: number) => li.paragraph(slot)!.text.includes('okapi');
    const firstWithout = rescored.findIndex((h) => !withOkapi(h.slot));
    expect(firstWithout).toBe(rescored.filter((h) => withOkapi(h.slot)).length);
    expect(firstWithout).toBeGreaterThan(0);
    expect(rescored[0].score).toBeGreaterThan(hits[0].score);
  });

  it('survive a save and load', () => {
    const dir = mkdtempSync(join(tmpdir(), 'precedent-stop-'));
    const sums: Checksums = {};
    li.save(join(dir, 'en'), sums);
    const loaded = LanguageIndex.load('en', 'words', join(dir, 'en'), sums);
    expect(loaded.isStopTerm('human')).toBe(true);
    expect(loaded.docFrequency('human')).toBe(N);
    expect(loaded.search(['human', 'w2y'], 10, () => true).map((h) => h.slot)).toEqual([2]);
  });

  it('get their postings back once no longer common', () => {
    const growing = language(); // okapi: 10% of the first paragraphs
    expect(growing.isStopTerm('okapi')).toBe(true);
    for (let i = N; i < 3 * N; i++) growing.add({ id: `p${i}`, documentId: `d${i}`, section: 'operative', label: 'OP 1', lead: '', text: `Notes w${i.toString(36)}x;` });
    expect(growing.docFrequency('okapi') / growing.size).toBeLessThanOrEqual(0.04); // rare now, still without postings
    expect(growing.search(['okapi'], 10_000, () => true)).toEqual([]);
    expect(growing.reviewStopTerms()).toBeGreaterThan(0);
    expect(growing.isStopTerm('okapi')).toBe(false);
    expect(growing.isStopTerm('human')).toBe(true); // a third: still common
    expect(growing.search(['okapi'], 10_000, () => true)).toHaveLength(N / 10);
    growing.add({ id: 'late', documentId: 'late', section: 'operative', label: 'OP 1', lead: '', text: 'Welcomes the okapi;' });
    expect(growing.search(['okapi'], 10_000, () => true)).toHaveLength(N / 10 + 1);
  });

  it('are not stop terms in a small language', () => {
    const small = new LanguageIndex('en', 'words');
    for (let i = 0; i < 100; i++) small.add({ id: `p${i}`, documentId: `d${i}`, section: 'operative', label: 'OP 1', lead: '', text: 'Affirms human rights;' });
    expect(small.isStopTerm('human')).toBe(false);
    expect(small.search(['human'], 200, () => true)).toHaveLength(100);
  });
});

describe('keyword search of stop terms only', () => {
  // Documents of 100 paragraphs each, past the size where stop terms begin.
  const db = openDb(':memory:');
  const documents = Math.ceil(N / 100);
  for (let d = 0; d < documents; d++) {
    const doc: ParsedDocument = {
      symbol: `A/RES/${d}`, title: `Resolution ${d}`, language: 'en', kind: 'resolution', body: 'General Assembly', session: 70, date: '2015-12-18', source: 'test',
      paragraphs: Array.from({ length: 100 }, (_, i) => ({
        section: 'operative' as const, number: i + 1, label: `OP ${i + 1}`, lead: '', footnotes: [], items: [],
        text: i === 7 ? `Affirms the universality of rights and of humans, n${d}x;` : `Affirms human rights n${d}x n${d}y${i};`,
      })),
    };
    upsertDocument(db, doc, `h${d}`);
  }
  const index = ParagraphIndex.open(db, { dir: null });

  it('finds the paragraphs that contain the query as a phrase', () => {
    const li = index.get('en')!;
    expect(li.isStopTerm('human') && li.isStopTerm('right')).toBe(true);
    const page = search(index, { q: 'Human  Rights', language: 'en' });
    expect(page.total).toBe(documents * 99);
    expect(page.omittedTerms).toBeUndefined();
    for (const r of page.results) expect(r.paragraph.text).toContain('human rights');
  });

  it('falls back on shared runs of words when no paragraph contains the phrase', () => {
    const page = search(index, { q: 'rights, human rights: affirms human rights', language: 'en' });
    expect(page.results.length).toBe(20);
    for (const r of page.results) expect(r.paragraph.text).toMatch(/^Affirms human rights n/);
  });
});
