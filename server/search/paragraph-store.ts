// A language's paragraph records by slot, persisted as one text file and an
// offsets file. Loaded as one string (a single file read) and cut into a record
// only when a result needs it: materialising 170k objects at start-up would
// cost more than the whole index load.
import type { Section } from '../../core/model.js';
import { readChecked, readCheckedAsync, writeAtomic, type Checksums } from './checked-files.js';
import type { IndexedParagraph } from './indexed.js';

const FIELD = '\u0001';
const RECORD = '\u0000';

export class ParagraphStore {
  private blob = '';
  private offsets = new Uint32Array(1);
  private readonly changed = new Map<number, IndexedParagraph | null>();
  private count = 0;

  get length(): number {
    return this.count;
  }

  get(slot: number): IndexedParagraph | null {
    const c = this.changed.get(slot);
    if (c !== undefined) return c;
    if (slot + 1 >= this.offsets.length) return null;
    const start = this.offsets[slot];
    const end = this.offsets[slot + 1];
    if (start === end) return null;
    const [id, documentId, section, label, lead, text] = this.blob.slice(start, end - 1).split(FIELD);
    return { id, documentId, section: section as Section, label, lead, text };
  }

  push(p: IndexedParagraph): number {
    this.changed.set(this.count, p);
    return this.count++;
  }

  remove(slot: number): void {
    this.changed.set(slot, null);
  }

  save(prefix: string, sums: Checksums): void {
    const parts: string[] = [];
    const offsets = new Uint32Array(this.count + 1);
    let at = 0;
    for (let slot = 0; slot < this.count; slot++) {
      const p = this.get(slot);
      const rec = p ? [p.id, p.documentId, p.section, p.label, p.lead, p.text].map(clean).join(FIELD) + RECORD : '';
      parts.push(rec);
      at += rec.length;
      offsets[slot + 1] = at;
    }
    // Offsets are string offsets of the decoded text, so any encoding works; UTF-8
    // decodes fastest for the mostly-ASCII languages.
    writeAtomic(`${prefix}.paragraphs`, Buffer.from(parts.join(''), 'utf8'), sums);
    writeAtomic(`${prefix}.offsets`, new Uint8Array(offsets.buffer), sums);
  }

  /** Reads the files save() wrote; throws DamagedIndexFile when one does not match its checksum. */
  static load(prefix: string, sums: Checksums): ParagraphStore {
    return ParagraphStore.from(readChecked(`${prefix}.paragraphs`, sums), readChecked(`${prefix}.offsets`, sums));
  }

  static async loadAsync(prefix: string, sums: Checksums): Promise<ParagraphStore> {
    const [blob, offsets] = await Promise.all([readCheckedAsync(`${prefix}.paragraphs`, sums), readCheckedAsync(`${prefix}.offsets`, sums)]);
    return ParagraphStore.from(blob, offsets);
  }

  private static from(blob: Buffer, offsets: Buffer): ParagraphStore {
    const store = new ParagraphStore();
    store.blob = blob.toString('utf8');
    // Copy into an aligned buffer: a Uint32Array view needs 4-byte alignment.
    const bytes = new Uint8Array(offsets.byteLength);
    bytes.set(offsets);
    store.offsets = new Uint32Array(bytes.buffer);
    store.count = store.offsets.length - 1;
    return store;
  }
}

/** Separators never occur in paragraph text; make sure. */
function clean(s: string): string {
  return s.replaceAll('\u0000', ' ').replaceAll('\u0001', ' ');
}
