// Phrase search's normalised texts (phrase-texts.ts) are persisted with each
// language's index: a phrase finds the paragraphs, and the number of times it
// occurs in each, that a scan of the normalised texts as strings finds, built
// or loaded from disk; and a damaged file of them is caught and rebuilt.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ParsedDocument, ParsedParagraph } from '../../core/model.js';
import { normaliseText } from '../../server/search/analyse.js';
import { DamagedIndexFile, checksum, type Checksums } from '../../server/search/checked-files.js';
import { ParagraphIndex } from '../../server/search/index.js';
import { PhraseTexts } from '../../server/search/phrase-texts.js';
import { search } from '../../server/search/phrase.js';
import { upsertDocument } from '../../server/store/corpus.js';
import { openDb } from '../../server/store/db.js';

const TEXTS = [
  'Calls upon Member States to strengthen judicial independence; calls upon Member States again;',
  'ＵＲＧＥＳ  Member   States to Cooperate，fully',
  '吁请会员国加强司法独立和检察机关的廉正；吁请会员国',
  'Призывает государства-члены укреплять независимость судебной системы;',
  'يدعو الدول الأعضاء إلى تعزيز استقلال القضاء',
  'Exhorte les États Membres à renforcer l’indépendance de la justice 𠀀 et encore 𠀀',
];

/** Every normalised text's occurrences of a phrase, found as the strings were searched before (non-overlapping). */
function byStrings(texts: (string | null)[], phrase: string): { slot: number; count: number }[] {
  const out: { slot: number; count: number }[] = [];
  texts.forEach((text, slot) => {
    if (text === null) return;
    let count = 0;
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length)) count++;
    if (count > 0) out.push({ slot, count });
  });
  return out;
}

/** Phrases out of the texts: whole words, halves of words, single characters, and a few no text has. */
function phrasesOf(texts: string[]): string[] {
  const phrases = new Set(['member states', 'calls upon member states', 'states to', '会员国', '吁请', 'ã', 'xyzzy', '𠀀', 'a\u0000b', '\ud800']);
  for (const text of texts) {
    const chars = [...normaliseText(text)];
    for (let i = 0; i < chars.length; i += 3) for (const n of [1, 2, 5, 11]) phrases.add(chars.slice(i, i + n).join(''));
  }
  return [...phrases].filter((p) => p.length > 0);
}

describe('phrase search over normalised texts held as bytes', () => {
  it('finds the paragraphs and counts a scan of the strings finds, removed paragraphs left out, before and after a save and load', async () => {
    const texts = new PhraseTexts();
    for (const text of TEXTS) texts.push(text);
    texts.remove(3);
    const strings = TEXTS.map((t, slot) => (slot === 3 ? null : normaliseText(t)));
    const phrases = phrasesOf(TEXTS);
    for (const phrase of phrases) expect(texts.occurrences(phrase), phrase).toEqual(byStrings(strings, phrase));
    expect(texts.occurrences('member states')).toEqual([{ slot: 0, count: 2 }, { slot: 1, count: 1 }]);

    const dir = mkdtempSync(join(tmpdir(), 'precedent-phrase-'));
    const sums: Checksums = {};
    texts.save(join(dir, 'x'), sums);
    for (const loaded of [PhraseTexts.load(join(dir, 'x'), sums), await PhraseTexts.loadAsync(join(dir, 'x'), sums)]) {
      expect(loaded.length).toBe(TEXTS.length);
      for (const phrase of phrases) expect(loaded.occurrences(phrase), phrase).toEqual(byStrings(strings, phrase));
      // Still takes paragraphs after loading.
      const slot = loaded.push('Member States, again');
      expect(loaded.occurrences('member states').map((h) => h.slot)).toEqual([0, 1, slot]);
    }
  });

  it('refuses a file that does not match its checksum', () => {
    const dir = mkdtempSync(join(tmpdir(), 'precedent-phrase-'));
    const sums: Checksums = {};
    const texts = new PhraseTexts();
    for (const text of TEXTS) texts.push(text);
    texts.save(join(dir, 'x'), sums);
    const file = join(dir, 'x.phrase');
    const bytes = readFileSync(file);
    bytes[10] ^= 0x20;
    writeFileSync(file, bytes);
    expect(() => PhraseTexts.load(join(dir, 'x'), sums)).toThrow(DamagedIndexFile);
  });
});

describe('phrase search on a persisted index', () => {
  function corpus(): string {
    const dir = mkdtempSync(join(tmpdir(), 'precedent-phrase-index-'));
    const db = openDb(join(dir, 'precedent.db'));
    const paragraph = (text: string, n: number): ParsedParagraph => ({ section: 'operative', number: n, label: `OP ${n}`, lead: '', text, footnotes: [], items: [] });
    const doc = (symbol: string, language: 'en' | 'zh', texts: string[]): ParsedDocument => ({
      symbol, title: `Resolution ${symbol}`, language, kind: 'resolution', body: 'General Assembly', session: 80, date: '2025-12-01', source: `${symbol}.xml`,
      paragraphs: texts.map((t, i) => paragraph(t, i + 1)),
    });
    upsertDocument(db, doc('A/RES/80/1', 'en', TEXTS.slice(0, 2)), 'a');
    upsertDocument(db, doc('A/RES/80/2', 'en', ['Member States to strengthen cooperation, Member States to act;', 'Takes note of the report;']), 'b');
    upsertDocument(db, doc('A/RES/80/1', 'zh', [TEXTS[2], '请秘书长提交报告；']), 'c');
    ParagraphIndex.open(db); // built from the database, persisted beside it
    db.close();
    return dir;
  }

  const answers = (index: ParagraphIndex) =>
    ['member states to', 'Member  States', '会员国', '独立和检', 'takes note'].map((q) => search(index, { q, phrase: true }));

  it('answers the same loaded from disk as when built, and after a damaged file is rebuilt', () => {
    const dir = corpus();
    const db = openDb(join(dir, 'precedent.db'));
    const built = ParagraphIndex.open(db, { dir: null });
    const expected = answers(built);
    expect(expected[0].total).toBe(3);
    expect(expected[0].results.map((r) => r.score).sort()).toEqual([1, 1, 2]);

    const loaded = ParagraphIndex.open(db);
    expect(loaded.origin).toBe('loaded');
    expect(answers(loaded)).toEqual(expected);

    const file = join(dir, 'index', 'en.phrase');
    const bytes = readFileSync(file);
    writeFileSync(file, Buffer.concat([bytes.subarray(0, 5), bytes.subarray(6)]));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const damaged = ParagraphIndex.open(db);
      expect(answers(damaged)).toEqual(expected);
      expect(warn.mock.calls.some((call) => String(call[0]).includes('en.phrase'))).toBe(true);
    } finally {
      warn.mockRestore();
    }
    // Rebuilt and saved with a checksum that matches it.
    const manifest = JSON.parse(readFileSync(join(dir, 'index', 'manifest.json'), 'utf8')) as { checksums: Record<string, string> };
    expect(manifest.checksums['en.phrase']).toBe(checksum(readFileSync(file)));
    db.close();
  });
});
