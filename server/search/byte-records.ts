// Text records by slot held as UTF-8 bytes in one growing Buffer (outside the
// JS heap) with the byte offset of each record, persisted as those bytes and
// offsets (checked against the manifest's checksums). What the paragraph store
// (paragraph-store.ts) and phrase search's normalised texts (phrase-texts.ts)
// are made of: at a million paragraphs, the same texts as JS strings were
// hundreds of megabytes of heap.
import { readChecked, readCheckedAsync, writeAtomic, type Checksums } from './checked-files.js';

/** Ends every record: callers keep it out of their records, so a search never matches across two. */
export const RECORD_END = '\u0000';

/** The two files a set of records persists as: `<prefix><bytes>` and `<prefix><offsets>`. */
export interface RecordFiles {
  bytes: string;
  offsets: string;
}

export class ByteRecords {
  /** Records, UTF-8, each ended by RECORD_END; bytes 0 … end − 1 are in use. */
  private bytes: Buffer = Buffer.alloc(0);
  private end = 0;
  /** offsets[slot] … offsets[slot + 1]: the slot's record, empty when removed. */
  private offsets = new Uint32Array(1);
  private count = 0;
  /** Slots removed since the records were written or loaded: read as absent, their bytes dropped on save. */
  private readonly removed = new Set<number>();

  constructor(readonly files: RecordFiles) {}

  /** Slots handed out, live or not. */
  get length(): number {
    return this.count;
  }

  /** Bytes held (outside the JS heap). */
  get byteLength(): number {
    return this.end;
  }

  /** [start, end) bytes of the slot's record, its RECORD_END left out; null when the slot is removed or out of range. */
  bounds(slot: number): [number, number] | null {
    if (slot < 0 || slot >= this.count || this.removed.has(slot)) return null;
    const start = this.offsets[slot];
    const end = this.offsets[slot + 1];
    return start === end ? null : [start, end - 1];
  }

  /** Bytes [start, end) decoded. */
  decode(start: number, end: number): string {
    return this.bytes.toString('utf8', start, end);
  }

  /** The last position of `byte` before `before`, from `start` on; −1 when there is none. */
  lastIndexOf(byte: number, start: number, before: number): number {
    const at = this.bytes.lastIndexOf(byte, before - 1);
    return at >= start ? at : -1;
  }

  /** Appends a record (which must not contain RECORD_END); returns its slot. */
  push(record: string): number {
    const text = record + RECORD_END;
    const need = this.end + Buffer.byteLength(text, 'utf8');
    if (need > this.bytes.length) this.bytes = grown(this.bytes, this.end, need);
    this.end += this.bytes.write(text, this.end, 'utf8');
    if (this.count + 2 > this.offsets.length) {
      const offsets = new Uint32Array(Math.max(16, this.offsets.length * 2));
      offsets.set(this.offsets);
      this.offsets = offsets;
    }
    this.offsets[++this.count] = this.end;
    return this.count - 1;
  }

  /** Empties the slot (slots are never reused); its bytes are dropped when the records are saved. */
  remove(slot: number): void {
    if (slot >= 0 && slot < this.count) this.removed.add(slot);
  }

  /**
   * The live slots whose record contains `needle` (bytes without RECORD_END),
   * in slot order, each with its number of non-overlapping occurrences: one
   * native search through all the bytes rather than one per record.
   */
  occurrences(needle: Uint8Array): { slot: number; count: number }[] {
    const out: { slot: number; count: number }[] = [];
    if (needle.length === 0) return out;
    const haystack = this.bytes.subarray(0, this.end);
    let at = haystack.indexOf(needle);
    while (at >= 0) {
      const slot = this.slotAt(at);
      const recordEnd = this.offsets[slot + 1];
      let count = 0;
      for (; at >= 0 && at < recordEnd; at = haystack.indexOf(needle, at + needle.length)) count++;
      if (!this.removed.has(slot)) out.push({ slot, count });
    }
    return out;
  }

  /** The slot whose record holds byte `at`: the last slot starting at or before it. */
  private slotAt(at: number): number {
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.offsets[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  save(prefix: string, sums: Checksums): void {
    this.compact();
    writeAtomic(`${prefix}${this.files.bytes}`, this.bytes.subarray(0, this.end), sums);
    writeAtomic(`${prefix}${this.files.offsets}`, new Uint8Array(this.offsets.buffer, 0, (this.count + 1) * 4), sums);
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
  static load(prefix: string, files: RecordFiles, sums: Checksums): ByteRecords {
    return ByteRecords.from(files, readChecked(`${prefix}${files.bytes}`, sums), readChecked(`${prefix}${files.offsets}`, sums));
  }

  static async loadAsync(prefix: string, files: RecordFiles, sums: Checksums): Promise<ByteRecords> {
    const [bytes, offsets] = await Promise.all([readCheckedAsync(`${prefix}${files.bytes}`, sums), readCheckedAsync(`${prefix}${files.offsets}`, sums)]);
    return ByteRecords.from(files, bytes, offsets);
  }

  private static from(files: RecordFiles, bytes: Buffer, offsets: Buffer): ByteRecords {
    const records = new ByteRecords(files);
    records.bytes = bytes;
    records.end = bytes.length;
    // Copy into an aligned buffer: a Uint32Array view needs 4-byte alignment.
    const aligned = new Uint8Array(offsets.byteLength);
    aligned.set(offsets);
    records.offsets = new Uint32Array(aligned.buffer);
    records.count = records.offsets.length - 1;
    return records;
  }
}

/** A larger buffer holding the first `used` bytes: doubling keeps appends amortised O(1). */
function grown(bytes: Buffer, used: number, need: number): Buffer {
  const next = Buffer.allocUnsafe(Math.max(need, bytes.length * 2, 1 << 16));
  bytes.copy(next, 0, 0, used);
  return next;
}
