// A language's paragraph records by slot, held as UTF-8 bytes in one growing
// Buffer (outside the JS heap) with the byte offset of each record, and
// persisted as those bytes and offsets. A record is decoded only when a result
// needs it: at a million paragraphs the texts as JS strings or objects were
// about half a gigabyte of heap, and materialising 170k objects at start-up
// cost more than the whole index load.
import type { Section } from '../../core/model.js';
import { readChecked, readCheckedAsync, writeAtomic, type Checksums } from './checked-files.js';
import type { IndexedParagraph } from './indexed.js';

const FIELD = '\u0001';
const RECORD = '\u0000';
const FIELD_BYTE = 1;

export class ParagraphStore {
  /** Records, UTF-8, each ended by RECORD; bytes 0 … end − 1 are in use. */
  private bytes: Buffer = Buffer.alloc(0);
  private end = 0;
  /** offsets[slot] … offsets[slot + 1]: the slot's record, empty when removed. */
  private offsets = new Uint32Array(1);
  private count = 0;
  /** Slots removed since the store was written or loaded: read as empty, their bytes dropped on save. */
  private readonly removed = new Set<number>();

  get length(): number {
    return this.count;
  }

  /** Bytes of paragraph records held (outside the JS heap). */
  get byteLength(): number {
    return this.end;
  }

  get(slot: number): IndexedParagraph | null {
    if (slot < 0 || slot >= this.count || this.removed.has(slot)) return null;
    const start = this.offsets[slot];
    const end = this.offsets[slot + 1];
    if (start === end) return null;
    const [id, documentId, section, label, lead, text] = this.bytes.toString('utf8', start, end - 1).split(FIELD);
    return { id, documentId, section: section as Section, label, lead, text };
  }

  /** The slot's text alone (the record's last field): what phrase search reads of every paragraph. */
  text(slot: number): string | null {
    if (slot < 0 || slot >= this.count || this.removed.has(slot)) return null;
    const start = this.offsets[slot];
    const end = this.offsets[slot + 1];
    if (start === end) return null;
    return this.bytes.toString('utf8', this.bytes.lastIndexOf(FIELD_BYTE, end - 1) + 1, end - 1);
  }

  push(p: IndexedParagraph): number {
    const record = [p.id, p.documentId, p.section, p.label, p.lead, p.text].map(clean).join(FIELD) + RECORD;
    const need = this.end + Buffer.byteLength(record, 'utf8');
    if (need > this.bytes.length) this.bytes = grown(this.bytes, this.end, need);
    this.end += this.bytes.write(record, this.end, 'utf8');
    if (this.count + 2 > this.offsets.length) {
      const offsets = new Uint32Array(Math.max(16, this.offsets.length * 2));
      offsets.set(this.offsets);
      this.offsets = offsets;
    }
    this.offsets[++this.count] = this.end;
    return this.count - 1;
  }

  /** Empties the slot (slots are never reused); its bytes are dropped when the store is saved. */
  remove(slot: number): void {
    if (slot >= 0 && slot < this.count) this.removed.add(slot);
  }

  save(prefix: string, sums: Checksums): void {
    this.compact();
    writeAtomic(`${prefix}.paragraphs`, this.bytes.subarray(0, this.end), sums);
    writeAtomic(`${prefix}.offsets`, new Uint8Array(this.offsets.buffer, 0, (this.count + 1) * 4), sums);
  }

  /** Drops removed records' bytes. */
  private compact(): void {
    if (this.removed.size === 0) return;
    const bytes = Buffer.allocUnsafe(this.end);
    const offsets = new Uint32Array(this.count + 1);
    let at = 0;
    for (let slot = 0; slot < this.count; slot++) {
      if (!this.removed.has(slot)) at += this.bytes.copy(bytes, at, this.offsets[slot], this.offsets[slot + 1]);
      offsets[slot + 1] = at;
    }
    this.bytes = bytes;
    this.end = at;
    this.offsets = offsets;
    this.removed.clear();
  }

  /** Reads the files save() wrote; throws DamagedIndexFile when one does not match its checksum. */
  static load(prefix: string, sums: Checksums): ParagraphStore {
    return ParagraphStore.from(readChecked(`${prefix}.paragraphs`, sums), readChecked(`${prefix}.offsets`, sums));
  }

  static async loadAsync(prefix: string, sums: Checksums): Promise<ParagraphStore> {
    const [bytes, offsets] = await Promise.all([readCheckedAsync(`${prefix}.paragraphs`, sums), readCheckedAsync(`${prefix}.offsets`, sums)]);
    return ParagraphStore.from(bytes, offsets);
  }

  private static from(bytes: Buffer, offsets: Buffer): ParagraphStore {
    const store = new ParagraphStore();
    store.bytes = bytes;
    store.end = bytes.length;
    // Copy into an aligned buffer: a Uint32Array view needs 4-byte alignment.
    const aligned = new Uint8Array(offsets.byteLength);
    aligned.set(offsets);
    store.offsets = new Uint32Array(aligned.buffer);
    store.count = store.offsets.length - 1;
    return store;
  }
}

/** A larger buffer holding the first `used` bytes: doubling keeps appends amortised O(1). */
function grown(bytes: Buffer, used: number, need: number): Buffer {
  const next = Buffer.allocUnsafe(Math.max(need, bytes.length * 2, 1 << 16));
  bytes.copy(next, 0, 0, used);
  return next;
}

/** Separators never occur in paragraph text; make sure. */
function clean(s: string): string {
  return s.replaceAll('\u0000', ' ').replaceAll('\u0001', ' ');
}
