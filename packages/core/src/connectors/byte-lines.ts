import { createReadStream } from 'node:fs';
import { FerryError } from '../errors.js';

/** One physical line of a file, its line end removed, with its 1-based number. */
export interface ByteLine {
  line: number;
  bytes: Buffer;
}

/**
 * Streams a file's physical lines (LF or CRLF ends; a trailing CR is dropped) as bytes, in constant memory: one read
 * chunk plus the line being assembled. A UTF-8 BOM at the start is skipped. `maxLineBytes` bounds a line
 * (FERRY_ERR_INPUT naming the file and line past it).
 */
export async function* readByteLines(file: string, maxLineBytes = 64 * 1024 * 1024): AsyncGenerator<ByteLine> {
  let line = 1;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let first = true;
  const stream = createReadStream(file, { highWaterMark: 1 << 16 });
  try {
    for await (const raw of stream) {
      let chunk = raw as Buffer;
      if (first) {
        first = false;
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      }
      let start = 0;
      for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
        pending.push(chunk.subarray(start, nl));
        const bytes = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
        yield { line, bytes: bytes[bytes.length - 1] === 13 ? bytes.subarray(0, -1) : bytes };
        line++;
        pending = [];
        pendingBytes = 0;
        start = nl + 1;
      }
      if (start < chunk.length) {
        // Copied: the stream may reuse its buffer.
        pending.push(Buffer.from(chunk.subarray(start)));
        pendingBytes += chunk.length - start;
        if (pendingBytes > maxLineBytes) {
          throw new FerryError('FERRY_ERR_INPUT', `line longer than ${maxLineBytes} bytes`, { file, line });
        }
      }
    }
  } catch (e) {
    if (e instanceof FerryError) throw e;
    throw new FerryError('FERRY_ERR_INPUT', `cannot read the file: ${(e as Error).message}`, { file }, { cause: e });
  } finally {
    stream.destroy();
  }
  if (pendingBytes > 0) {
    const bytes = Buffer.concat(pending);
    yield { line, bytes: bytes[bytes.length - 1] === 13 ? bytes.subarray(0, -1) : bytes };
  }
}
