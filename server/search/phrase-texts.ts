// What phrase search scans: a language's paragraph texts normalised as a phrase
// is (analyse.normaliseText: width, case, spaces), slot by slot, as UTF-8 bytes
// outside the JS heap (byte-records.ts), persisted with the language's index.
//
// Why persisted rather than normalised at start-up: at a million paragraphs
// normalising every text took 7.5 s and its JS strings held 398 MB of heap,
// after the index had loaded and before the server could call itself warm
// (tests/bench/search-results.md, session 7). Searching the bytes finds what
// searching the strings found: UTF-8 is self-synchronising, so a phrase's
// bytes occur in a text's bytes exactly where the phrase occurs in the text.
import { normaliseText } from './analyse.js';
import { ByteRecords, RECORD_END, type RecordFiles } from './byte-records.js';
import type { Checksums } from './checked-files.js';

const FILES: RecordFiles = { bytes: '.phrase', offsets: '.phrase-offsets' };

export class PhraseTexts {
  constructor(private readonly records = new ByteRecords(FILES)) {}

  /** Slots held, live or not: in step with the language's paragraph store. */
  get length(): number {
    return this.records.length;
  }

  /** Bytes held (outside the JS heap). */
  get byteLength(): number {
    return this.records.byteLength;
  }

  /** Appends a paragraph's text (as its store holds it, free of separators); returns its slot. */
  push(text: string): number {
    return this.records.push(normaliseText(text));
  }

  remove(slot: number): void {
    this.records.remove(slot);
  }

  /**
   * The paragraphs containing `phrase` (already normalised) in slot order, with
   * the number of its non-overlapping occurrences in each. A phrase no stored
   * text can contain (empty, a record separator, a lone surrogate, which the
   * stored UTF-8 texts never hold) finds none.
   */
  occurrences(phrase: string): { slot: number; count: number }[] {
    if (!phrase || phrase.includes(RECORD_END)) return [];
    const needle = Buffer.from(phrase, 'utf8');
    if (needle.toString('utf8') !== phrase) return [];
    return this.records.occurrences(needle);
  }

  save(prefix: string, sums: Checksums): void {
    this.records.save(prefix, sums);
  }

  /** Reads the files save() wrote; throws DamagedIndexFile when one does not match its checksum. */
  static load(prefix: string, sums: Checksums): PhraseTexts {
    return new PhraseTexts(ByteRecords.load(prefix, FILES, sums));
  }

  static async loadAsync(prefix: string, sums: Checksums): Promise<PhraseTexts> {
    return new PhraseTexts(await ByteRecords.loadAsync(prefix, FILES, sums));
  }
}
