// The binary forms a language's index persists in: MiniSearch's maps
// (minisearch-index.ts) and the paragraph records (paragraph-store.ts) read
// back as the index that was written, synchronously or in the background,
// and go on taking additions and removals afterwards.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexTerms } from '../../server/search/analyse.js';
import type { Checksums } from '../../server/search/checked-files.js';
import { CandidateIndex } from '../../server/search/minisearch-index.js';
import { ParagraphStore } from '../../server/search/paragraph-store.js';

const TEXTS: [string, 'en' | 'zh'][] = [
  ['Calls upon Member States to strengthen judicial independence and the integrity of prosecution services;', 'en'],
  ['Requests the Secretary-General to report on the implementation of the present resolution at its next session;', 'en'],
  ['Encourages Member States to strengthen international cooperation against transnational organized crime;', 'en'],
  ['吁请会员国加强司法独立和检察机关的廉正；', 'zh'],
  ['请秘书长向大会下届会议报告本决议的执行情况；', 'zh'],
];

const everyTerm = (texts: [string, 'en' | 'zh'][]) => [...new Set(texts.flatMap(([t, lang]) => indexTerms(t, lang)))];

describe('CandidateIndex persisted in binary', () => {
  it('loads (sync and async) the index it saved: same hits and scores, same frequencies, still writable', async () => {
    const build = () => {
      const index = CandidateIndex.create();
      TEXTS.forEach(([text, lang], slot) => index.add(slot, indexTerms(text, lang)));
      index.remove(1, indexTerms(TEXTS[1][0], 'en')); // a discarded paragraph leaves stale postings behind
      return index;
    };
    const dir = mkdtempSync(join(tmpdir(), 'precedent-candidates-'));
    const sums: Checksums = {};
    build().save(join(dir, 'x'), sums);
    const all = () => true;
    const terms = everyTerm(TEXTS);
    for (const loaded of [CandidateIndex.load(join(dir, 'x'), sums), await CandidateIndex.loadAsync(join(dir, 'x'), sums)]) {
      // Searching cleans stale postings away (and they weigh in BM25 until then): compare with a twin in the same state.
      const index = build();
      expect(loaded.size).toBe(index.size);
      expect(loaded.termCount).toBe(index.termCount);
      for (const term of terms) {
        expect(loaded.docFrequency(term)).toBe(index.docFrequency(term));
        expect(loaded.search([term], 10, all)).toEqual(index.search([term], 10, all));
      }
      expect(loaded.search(terms, 10, all)).toEqual(index.search(terms, 10, all));
      const text = 'Urges Member States to strengthen judicial cooperation;';
      loaded.add(5, indexTerms(text, 'en'));
      loaded.remove(0, indexTerms(TEXTS[0][0], 'en'));
      expect(loaded.search(['judicial'], 10, all).map((h) => h.slot)).toEqual([5]);
    }
  });
});

describe('ParagraphStore', () => {
  it('reads back every record, removed slots empty, after a save and load', () => {
    const store = new ParagraphStore();
    const records = TEXTS.map(([text], i) => ({ id: `p${i}`, documentId: `d${i % 2}`, section: 'operative' as const, label: `OP ${i + 1}`, lead: i === 3 ? 'Lead, é' : '', text }));
    for (const r of records) store.push(r);
    store.remove(2);
    expect(store.get(2)).toBeNull();
    expect(store.get(3)).toEqual(records[3]);
    const dir = mkdtempSync(join(tmpdir(), 'precedent-store-'));
    const sums: Checksums = {};
    store.save(join(dir, 'x'), sums);
    const loaded = ParagraphStore.load(join(dir, 'x'), sums);
    expect(loaded.length).toBe(records.length);
    records.forEach((r, slot) => expect(loaded.get(slot)).toEqual(slot === 2 ? null : r));
    records.forEach((r, slot) => expect(loaded.text(slot)).toBe(slot === 2 ? null : r.text));
    const slot = loaded.push({ ...records[0], id: 'p9', text: '新的段落' });
    expect(loaded.get(slot)!.text).toBe('新的段落');
    expect(loaded.get(4)).toEqual(records[4]);
  });
});
