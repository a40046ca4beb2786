// One language of the search index: its MiniSearch index (minisearch-index.ts),
// its shingle index (shingle-index.ts: the second candidate source), the
// paragraphs behind its slots (paragraph-store.ts) and their texts normalised
// for phrase search (phrase-texts.ts), analysed with that language's analyser.
import type { Language } from '../../core/model.js';
import { indexTerms, type ZhMode } from './analyse.js';
import type { Checksums } from './checked-files.js';
import type { IndexedParagraph } from './indexed.js';
import { CandidateIndex } from './minisearch-index.js';
import { ParagraphStore } from './paragraph-store.js';
import { PhraseTexts } from './phrase-texts.js';
import { ShingleIndex } from './shingle-index.js';

/** One language: its candidate index and its paragraph records, slot by slot. */
export class LanguageIndex {
  readonly candidates: CandidateIndex;
  readonly shingles: ShingleIndex;
  readonly store: ParagraphStore;
  readonly phraseTexts: PhraseTexts;
  /** Changed since loaded or saved: only changed languages are rewritten on save. */
  dirty = false;

  constructor(
    readonly language: Language,
    readonly zhMode: ZhMode,
    loaded?: { candidates: CandidateIndex; shingles: ShingleIndex; store: ParagraphStore; phraseTexts: PhraseTexts },
  ) {
    this.candidates = loaded?.candidates ?? CandidateIndex.create();
    this.shingles = loaded?.shingles ?? new ShingleIndex();
    this.store = loaded?.store ?? new ParagraphStore();
    this.phraseTexts = loaded?.phraseTexts ?? new PhraseTexts();
    this.dirty = !loaded;
  }

  /** Reads a language persisted at `prefix` (`<prefix>.minisearch`, `.df.json`, `.shingles`, `.paragraphs`, `.offsets`, `.phrase`, `.phrase-offsets`). */
  // Every file is checked against the manifest's checksums (`sums`) first.
  static load(language: Language, zhMode: ZhMode, prefix: string, sums: Checksums): LanguageIndex {
    return new LanguageIndex(language, zhMode, {
      candidates: CandidateIndex.load(prefix, sums),
      shingles: ShingleIndex.load(prefix, sums),
      store: ParagraphStore.load(prefix, sums),
      phraseTexts: PhraseTexts.load(prefix, sums),
    });
  }

  /** As load(), without holding the event loop for the whole of it. */
  static async loadAsync(language: Language, zhMode: ZhMode, prefix: string, sums: Checksums): Promise<LanguageIndex> {
    const [candidates, shingles, store, phraseTexts] = await Promise.all([
      CandidateIndex.loadAsync(prefix, sums),
      ShingleIndex.loadAsync(prefix, sums),
      ParagraphStore.loadAsync(prefix, sums),
      PhraseTexts.loadAsync(prefix, sums),
    ]);
    return new LanguageIndex(language, zhMode, { candidates, shingles, store, phraseTexts });
  }

  /**
   * Document id per slot: filters test documents for every BM25 hit, and
   * decoding a paragraph record for that would cost more than the search.
   */
  readonly slotDocument: (string | undefined)[] = [];

  /** Live paragraphs. */
  get size(): number {
    return this.candidates.size;
  }

  /** Slots handed out, live or not: valid slots are 0 … slots − 1. */
  get slots(): number {
    return this.store.length;
  }

  paragraph(slot: number): IndexedParagraph | null {
    return this.store.get(slot);
  }

  docFrequency(term: string): number {
    return this.candidates.docFrequency(term);
  }

  /** A term too common for MiniSearch to hold postings for (minisearch-index.ts STOP_SHARE): searching it finds nothing. */
  isStopTerm(term: string): boolean {
    return this.candidates.isStopTerm(term);
  }

  add(p: IndexedParagraph): number {
    const slot = this.store.push(p);
    // The text as stored (separators replaced): what phrase search always normalised.
    this.phraseTexts.push(this.store.text(slot)!);
    this.candidates.add(slot, this.terms(p.text));
    this.shingles.add(slot, p.text, this.language);
    this.slotDocument[slot] = p.documentId;
    this.dirty = true;
    return slot;
  }

  removeSlot(slot: number): void {
    const p = this.store.get(slot);
    if (!p) return;
    this.candidates.remove(slot, this.terms(p.text));
    this.shingles.remove(slot);
    this.store.remove(slot);
    this.phraseTexts.remove(slot);
    this.slotDocument[slot] = undefined;
    this.dirty = true;
  }

  /**
   * Gives back their postings to stop terms that are no longer common
   * (minisearch-index.ts READMIT_SHARE): reads every paragraph of the
   * language, so only when there is one. Returns how many terms came back.
   */
  reviewStopTerms(): number {
    const due = this.candidates.stopTermsToReadmit();
    if (due.size === 0) return 0;
    const frequencies = new Map<string, Map<number, number>>([...due].map((t) => [t, new Map()]));
    for (let slot = 0; slot < this.slots; slot++) {
      const text = this.store.text(slot);
      if (text === null) continue;
      for (const term of this.terms(text)) {
        const bySlot = frequencies.get(term);
        if (bySlot) bySlot.set(slot, (bySlot.get(slot) ?? 0) + 1);
      }
    }
    this.candidates.readmit(frequencies);
    this.dirty = true;
    return due.size;
  }

  /** Index terms of a text in this language. */
  terms(text: string): string[] {
    return indexTerms(text, this.language, this.zhMode);
  }

  /** BM25 candidates among the paragraphs passing `accept`, best `limit` first. */
  search(terms: string[], limit: number, accept: (slot: number) => boolean) {
    return this.candidates.search(terms, limit, accept);
  }

  /** Writes the language's files, recording their checksums in `sums`. */
  save(prefix: string, sums: Checksums): void {
    this.candidates.save(prefix, sums);
    this.shingles.save(prefix, sums);
    this.store.save(prefix, sums);
    this.phraseTexts.save(prefix, sums);
    this.dirty = false;
  }
}
