import { isAscii, isUtf8 } from 'node:buffer';
import { completeUtf8Length, firstInvalidUtf8 } from './utf8-validation.js';

/** Bytes that Windows-1252 leaves unassigned: a file holding them outside UTF-8 is not Windows-1252 either. */
const cp1252Unassigned = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function firstNonAscii(buf: Uint8Array, from: number, to: number): number {
  for (let i = from; i < to; i++) if (buf[i]! >= 0x80) return i;
  return -1;
}

/**
 * What a whole file's bytes say about its encoding, gathered chunk by chunk in constant memory: where the first valid
 * multi-byte UTF-8 character is, where the first byte sequence that is not UTF-8 is, and where the first byte outside
 * UTF-8 that Windows-1252 does not assign is (offsets in the file, -1 for none). Valid chunks are checked natively
 * (`isAscii`, `isUtf8`: gigabytes a second); only chunks with invalid bytes are walked.
 *
 * @example
 * const census = new Utf8Census();
 * for (const chunk of chunks) census.push(chunk);
 * census.end();
 * census.verdict(); // 'utf-8' | 'windows-1252' | 'mixed' | 'neither'
 */
export class Utf8Census {
  multibyteAt = -1;
  invalidAt = -1;
  unassignedAt = -1;
  /** Bytes of a character cut by the end of the last chunk, and the file offset they start at. */
  private tail: Buffer = Buffer.alloc(0);
  private offset: number;

  /** `start`: the file offset of the first byte pushed (after a byte order mark). */
  constructor(start = 0) {
    this.offset = start;
  }

  /** True once the verdict cannot change: the file mixes encodings. */
  get settled(): boolean {
    return this.multibyteAt !== -1 && this.invalidAt !== -1;
  }

  push(chunk: Buffer): void {
    this.take(this.tail.length > 0 ? Buffer.concat([this.tail, chunk]) : chunk, false);
  }

  /** The end of the file: a character cut off by it is invalid. */
  end(): void {
    if (this.tail.length > 0) this.take(this.tail, true);
    this.tail = Buffer.alloc(0);
  }

  /** `utf-8` (valid everywhere), `windows-1252` (never UTF-8, all bytes assigned), `mixed`, or `neither`. */
  verdict(): 'utf-8' | 'windows-1252' | 'mixed' | 'neither' {
    if (this.invalidAt === -1) return 'utf-8';
    if (this.multibyteAt !== -1) return 'mixed';
    return this.unassignedAt === -1 ? 'windows-1252' : 'neither';
  }

  private take(whole: Buffer, final: boolean): void {
    const base = this.offset;
    const n = final ? whole.length : completeUtf8Length(whole);
    const body = whole.subarray(0, n);
    this.tail = final ? Buffer.alloc(0) : Buffer.from(whole.subarray(n));
    this.offset = base + n;
    if (isAscii(body)) return;
    if (isUtf8(body)) {
      if (this.multibyteAt === -1) this.multibyteAt = base + firstNonAscii(body, 0, body.length);
      return;
    }
    let i = 0;
    while (i < body.length && !this.settled) {
      const rel = firstInvalidUtf8(body.subarray(i));
      const bad = rel === -1 ? body.length : i + rel;
      if (this.multibyteAt === -1) {
        const k = firstNonAscii(body, i, bad);
        if (k !== -1) this.multibyteAt = base + k;
      }
      if (rel === -1) break;
      if (this.invalidAt === -1) this.invalidAt = base + bad;
      if (this.unassignedAt === -1 && cp1252Unassigned.has(body[bad]!)) this.unassignedAt = base + bad;
      i = bad + 1;
    }
  }
}
