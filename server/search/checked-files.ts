// The index's files on disk with their sha256: written atomically (temporary
// file, then rename) and read back only when their bytes are the ones the
// manifest recorded, so a truncated or altered file is caught at load and
// rebuilt instead of serving ids that do not exist.
import { createHash } from 'node:crypto';
import { closeSync, fdatasyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

/** File name (not path) → sha256 hex, as the manifest records them. */
export type Checksums = Record<string, string>;

/** A file whose bytes differ from the manifest's record (or that has none). */
export class DamagedIndexFile extends Error {}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Writes a file atomically and records its checksum in `sums` when given. */
export function writeAtomic(file: string, data: string | Uint8Array, sums?: Checksums): void {
  const temporary = `${file}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeFileSync(fd, data);
    // On disk before it takes the file's name, waited for by the thread that
    // writes the index (a worker). Renamed unflushed, ext4 writes a replaced
    // file's data out in its next journal commit, the one a draft save's flush
    // then waits for (a save answered in 115 ms as a rebuilt language's files
    // were renamed into place).
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
  if (sums) sums[basename(file)] = sha256(data);
}

function verified(file: string, data: Buffer, sums: Checksums): Buffer {
  const expected = sums[basename(file)];
  if (!expected) throw new DamagedIndexFile(`${basename(file)} has no checksum in the manifest`);
  if (sha256(data) !== expected) throw new DamagedIndexFile(`${basename(file)} does not match its checksum (altered or truncated)`);
  return data;
}

/** A file that is not there is as damaged as an altered one: its language is rebuilt. */
function missing(file: string, err: unknown): never {
  if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new DamagedIndexFile(`${basename(file)} is missing`);
  throw err;
}

/** The file's bytes, when they match the manifest's checksum; throws DamagedIndexFile otherwise. */
export function readChecked(file: string, sums: Checksums): Buffer {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (err) {
    missing(file, err);
  }
  return verified(file, data, sums);
}

export async function readCheckedAsync(file: string, sums: Checksums): Promise<Buffer> {
  return verified(file, await readFile(file).catch((err: unknown) => missing(file, err)), sums);
}
