// The shingle index, suggest's candidate source for text really shared: its
// estimate never under-rates a paragraph (so stopping the re-rank on it loses
// nothing), suggest's top 5 equals an exhaustive scan's on a fixture where BM25
// over rare terms cannot see the best matches, and its file is checksummed and
// versioned with the rest of the index.
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Language, ParsedDocument } from '../../core/model.js';
import { DamagedIndexFile, type Checksums } from '../../server/search/checked-files.js';
import { ParagraphIndex } from '../../server/search/index.js';
import { INDEX_FORMAT } from '../../server/search/index-files.js';
import type { IndexedDocument } from '../../server/search/indexed.js';
import { ShingleIndex, shingles } from '../../server/search/shingle-index.js';
import { compare } from '../../server/search/similarity.js';
import { DEFAULT_TUNING, rank } from '../../server/search/suggest.js';
import { upsertDocument } from '../../server/store/corpus.js';
import { openDb } from '../../server/store/db.js';

/** Deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = 'the of and to in for on at by with as that its all states member united nations assembly general report session'.split(' ');
const HAN = '的国会议大联合和在对关于执行报告请秘书长第届决重申回顾组织犯罪预防刑事司法方案技术作能力'.split('');

/**
 * Paragraphs of a fixture corpus: words drawn mostly from a few common ones (in
 * Chinese, from a few characters), with rare words (numbered) among them. Each
 * one after the first few reuses a long run of an earlier one (a rollover,
 * reworded around a kept passage).
 */
function fixture(lang: Language, n: number, seed: number): string[] {
  const rnd = random(seed);
  const token = () => {
    if (rnd() < 0.75) return lang === 'zh' ? HAN[Math.floor(rnd() * HAN.length)] : COMMON[Math.floor(rnd() * COMMON.length)];
    const rare = Math.floor(rnd() * 5000);
    return lang === 'zh' ? String.fromCharCode(0x4e00 + 200 + rare) : `w${rare}x`;
  };
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const len = 20 + Math.floor(rnd() * 60);
    const words = Array.from({ length: len }, token);
    if (i > 5 && rnd() < 0.7) {
      const from = out[Math.floor(rnd() * out.length)];
      const run = Math.min(from.length, 6 + Math.floor(rnd() * 20));
      const at = Math.floor(rnd() * (from.length - run + 1));
      words.splice(Math.floor(rnd() * words.length), 0, ...from.slice(at, at + run));
    }
    out.push(words);
  }
  return out.map((w) => w.join(lang === 'zh' ? '' : ' '));
}

/** Queries: runs of several fixture paragraphs, with a little new text between them. */
function queries(paragraphs: string[], lang: Language, n: number, seed: number): string[] {
  const rnd = random(seed);
  const sep = lang === 'zh' ? '' : ' ';
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    for (let j = 0; j < 3; j++) {
      const words = lang === 'zh' ? [...paragraphs[Math.floor(rnd() * paragraphs.length)]] : paragraphs[Math.floor(rnd() * paragraphs.length)].split(' ');
      const run = Math.min(words.length, 5 + Math.floor(rnd() * 15));
      const at = Math.floor(rnd() * (words.length - run + 1));
      parts.push(words.slice(at, at + run).join(sep), lang === 'zh' ? '新' : `new${i}`);
    }
    out.push(parts.join(sep));
  }
  return out;
}

function fixtureIndex(lang: Language, texts: string[]): ParagraphIndex {
  const index = ParagraphIndex.open(openDb(':memory:'), { dir: null });
  // Ten paragraphs a document, documents dated apart so that ties are rare.
  for (let d = 0; d * 10 < texts.length; d++) {
    const doc: IndexedDocument = {
      id: `doc-${d}`, symbol: `A/RES/${d}`, title: `Fixture ${d}`, date: `2000-01-01`.replace('2000', String(1900 + d)), body: 'General Assembly',
      kind: 'resolution', language: lang, hash: String(d), slots: [],
    };
    const paragraphs = texts.slice(d * 10, d * 10 + 10).map((text, k) => ({ id: `doc-${d}.p${k}`, documentId: doc.id, section: 'operative' as const, label: `OP ${k + 1}`, lead: '', text }));
    index.addDocument(doc, paragraphs);
  }
  return index;
}

/** Top-5 similarities of an exhaustive scan, and of rank() with a tuning. */
function agreement(lang: Language, texts: string[], qs: string[], tuning = DEFAULT_TUNING): number {
  const index = fixtureIndex(lang, texts);
  let same = 0;
  for (const q of qs) {
    const scan = texts.map((t) => compare(q, t, lang).similarity).filter((s) => s > 0).sort((a, b) => b - a).slice(0, 5);
    const engine = rank(index, q, lang, {}, 5, tuning).slice(0, 5).map((s) => s.similarity).filter((s) => s > 0);
    if (JSON.stringify(scan) === JSON.stringify(engine)) same++;
  }
  return same / qs.length;
}

describe('shingles', () => {
  it('runs of 3 words, and of 4 characters in Chinese, which has no spaces', () => {
    expect(shingles('Recalling its resolution 78/229 of 19 December', 'en').sequence).toHaveLength(6); // 8 words
    const zh = shingles('回顾其关于加强联合国预防犯罪方案的决议', 'zh');
    expect(zh.sequence).toHaveLength(19 - 3);
    expect(zh.before[zh.before.length - 1]).toBe(19);
    // Numbers inside Chinese weigh their digits, as in the similarity.
    expect(shingles('第1991号决议', 'zh').before.at(-1)).toBe(1 + 4 + 3);
    expect(shingles('too short', 'en').sequence).toHaveLength(0);
  });
});

describe('ShingleIndex', () => {
  it('estimates every paragraph sharing a run with the query at or above its similarity', () => {
    for (const lang of ['en', 'zh'] as Language[]) {
      const texts = fixture(lang, 300, 7);
      const index = new ShingleIndex();
      texts.forEach((t, slot) => index.add(slot, t, lang));
      for (const q of queries(texts, lang, 30, 11)) {
        const hits = new Map(index.search(shingles(q, lang), lang, texts.length, () => true).map((h) => [h.slot, h.estimate]));
        texts.forEach((t, slot) => {
          const sim = compare(q, t, lang).similarity;
          if (sim > 0) expect(hits.get(slot)! + 0.001).toBeGreaterThanOrEqual(sim);
        });
      }
    }
  });

  it('finds paragraphs added since the last merge, and forgets removed ones once merged', () => {
    const index = new ShingleIndex();
    const lang: Language = 'en';
    const a = 'Requests the Office of the United Nations High Commissioner for Human Rights to report';
    const b = 'Calls upon Member States to strengthen judicial independence';
    index.add(0, a, lang);
    const find = (text: string) => index.search(shingles(text, lang), lang, 10, () => true).map((h) => h.slot);
    expect(find(a)).toEqual([0]);
    index.merge();
    index.add(1, b, lang);
    index.add(2, a, lang);
    expect(find(a).sort()).toEqual([0, 2]);
    expect(find(b)).toEqual([1]);
    index.remove(0);
    index.merge();
    expect(find(a)).toEqual([2]);
    // The caller's filter is asked only of paragraphs that would be returned.
    expect(index.search(shingles(a, lang), lang, 10, (slot) => slot !== 2)).toEqual([]);
  });

  it('saves and loads with a checksum; a damaged file is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'precedent-shingles-'));
    try {
      const texts = fixture('zh', 50, 3);
      const index = new ShingleIndex();
      texts.forEach((t, slot) => index.add(slot, t, 'zh'));
      const sums: Checksums = {};
      index.save(join(dir, 'zh'), sums);
      const loaded = ShingleIndex.load(join(dir, 'zh'), sums);
      const q = shingles(texts[7], 'zh');
      expect(loaded.search(q, 'zh', 5, () => true)).toEqual(index.search(q, 'zh', 5, () => true));
      const file = join(dir, 'zh.shingles');
      const bytes = readFileSync(file);
      bytes[bytes.length - 1] ^= 1;
      writeFileSync(file, bytes);
      expect(() => ShingleIndex.load(join(dir, 'zh'), sums)).toThrow(DamagedIndexFile);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('suggest candidates: the top 5 of an exhaustive scan', () => {
  // A fixture where the best matches share long runs of common words: BM25 over
  // the rarest terms (those in under 5 % of paragraphs) does not see them.
  for (const lang of ['en', 'zh'] as Language[]) {
    it(`in ${lang}`, () => {
      const texts = fixture(lang, 600, 21);
      const qs = queries(texts, lang, 40, 5);
      expect(agreement(lang, texts, qs)).toBe(1);
      // Without the shingle index, English is not found (what the test guards against):
      // its common words are all over the BM25 cut-off. Chinese bigrams are rarer.
      const bm25Only = agreement(lang, texts, qs, { ...DEFAULT_TUNING, shingleCandidates: 0 });
      console.log(`${lang}: top 5 as the exhaustive scan with BM25 candidates only, ${bm25Only}`);
      if (lang === 'en') expect(bm25Only).toBeLessThan(0.8);
    });
  }
});

describe('the persisted index with shingles', () => {
  const doc = (ops: string[]): ParsedDocument => ({
    symbol: 'A/RES/78/1', title: 'Strengthening the rule of law', language: 'en', kind: 'resolution', body: 'General Assembly', session: 78,
    date: '2023-12-18', source: 'test',
    paragraphs: ops.map((text, i) => ({ section: 'operative' as const, number: i + 1, label: `OP ${i + 1}`, lead: '', text, footnotes: [], items: [] })),
  });
  const OP = 'Requests the Office of the United Nations High Commissioner for Human Rights to report to the Council at its next session;';

  it('is rebuilt, not misread, when made with an older format or without its shingle file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'precedent-shingles-idx-'));
    try {
      const db = openDb(join(dir, 'precedent.db'));
      upsertDocument(db, doc([OP]), 'h1');
      expect(ParagraphIndex.open(db).origin).toBe('built');
      const manifestFile = join(dir, 'index', 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { format: number; checksums: Record<string, string> };
      expect(manifest.format).toBe(INDEX_FORMAT);
      expect(manifest.checksums['en.shingles']).toMatch(/^crc32:[0-9a-f]{8}:\d+$/);
      expect(ParagraphIndex.open(db).origin).toBe('loaded');
      // An index of the format before shingles: rebuilt.
      writeFileSync(manifestFile, JSON.stringify({ ...manifest, format: INDEX_FORMAT - 1 }));
      const rebuilt = ParagraphIndex.open(db);
      expect(rebuilt.origin).toBe('built');
      expect(rank(rebuilt, OP, 'en', {}, 5)[0].similarity).toBe(1);
      // A language whose shingle file is missing: that language is rebuilt
      // when it is first needed, not the whole index at opening.
      unlinkSync(join(dir, 'index', 'en.shingles'));
      const again = ParagraphIndex.open(db);
      expect(again.origin).toBe('loaded');
      expect(rank(again, OP, 'en', {}, 5)[0].similarity).toBe(1);
      expect(existsSync(join(dir, 'index', 'en.shingles'))).toBe(true);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
