// A language's paragraph records by slot, held as UTF-8 bytes outside the JS
// heap (byte-records.ts) and persisted as those bytes and offsets. A record is
// decoded only when a result needs it: at a million paragraphs the texts as JS
// strings or objects were about half a gigabyte of heap, and materialising
// 170k objects at start-up cost more than the whole index load.
import type { Section } from '../../core/model.js';
import { ByteRecords, RECORD_END, type RecordFiles } from './byte-records.js';
import type { Checksums } from './checked-files.js';
import type { IndexedParagraph } from './indexed.js';

const FIELD = '\u0001';
const FIELD_BYTE = 1;
const FILES: RecordFiles = { bytes: '.paragraphs', offsets: '.offsets' };

export class ParagraphStore {
  constructor(private readonly records = new ByteRecords(FILES)) {}

  get length(): number {
    return this.records.length;
  }

  /** Bytes of paragraph records held (outside the JS heap). */
  get byteLength(): number {
    return this.records.byteLength;
  }

  get(slot: number): IndexedParagraph | null {
    const bounds = this.records.bounds(slot);
    if (!bounds) return null;
    const [id, documentId, section, label, lead, text] = this.records.decode(...bounds).split(FIELD);
    return { id, documentId, section: section as Section, label, lead, text };
  }

  /** The slot's text alone (the record's last field): what phrase search's normalised texts are made from. */
  text(slot: number): string | null {
    const bounds = this.records.bounds(slot);
    if (!bounds) return null;
    const [start, end] = bounds;
    return this.records.decode(this.records.lastIndexOf(FIELD_BYTE, start, end) + 1, end);
  }

  push(p: IndexedParagraph): number {
    return this.records.push([p.id, p.documentId, p.section, p.label, p.lead, p.text].map(clean).join(FIELD));
  }

  /** Empties the slot (slots are never reused); its bytes are dropped when the store is saved. */
  remove(slot: number): void {
    this.records.remove(slot);
  }

  save(prefix: string, sums: Checksums): void {
    this.records.save(prefix, sums);
  }

  /** Reads the files save() wrote; throws DamagedIndexFile when one does not match its checksum. */
  static load(prefix: string, sums: Checksums): ParagraphStore {
    return new ParagraphStore(ByteRecords.load(prefix, FILES, sums));
  }

  static async loadAsync(prefix: string, sums: Checksums): Promise<ParagraphStore> {
    return new ParagraphStore(await ByteRecords.loadAsync(prefix, FILES, sums));
  }
}

/** Separators never occur in paragraph text; make sure. */
function clean(s: string): string {
  return s.replaceAll(RECORD_END, ' ').replaceAll(FIELD, ' ');
}
