import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/** A file to put into a tar archive: its name inside the archive and where to read it, or its content. */
export type TarEntry = { name: string; path: string } | { name: string; content: Buffer };

const block = 512;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

/** A POSIX ustar header for a regular file (names up to 100 bytes; Ferry's artefact names are short). */
export function ustarHeader(name: string, size: number, mtime: Date): Buffer {
  const header = Buffer.alloc(block, 0);
  if (Buffer.byteLength(name) > 100) throw new Error(`tar entry name too long: ${name}`);
  header.write(name, 0, 100, 'utf8');
  header.write(octal(0o644, 8), 100, 8, 'ascii');
  header.write(octal(0, 8), 108, 8, 'ascii');
  header.write(octal(0, 8), 116, 8, 'ascii');
  header.write(octal(size, 12), 124, 12, 'ascii');
  header.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 12, 'ascii');
  header.write('        ', 148, 8, 'ascii');
  header.write('0', 156, 1, 'ascii');
  header.write('ustar\0', 257, 6, 'ascii');
  header.write('00', 263, 2, 'ascii');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return header;
}

/**
 * Streams files as an uncompressed POSIX tar archive (pipe it through gzip), one file at a time: memory stays
 * constant whatever the sizes. All entries get `mtime`, so the same files give the same archive.
 *
 * @example
 * Readable.from(tarStream(entries, new Date(run.finishedAt))).pipe(createGzip())
 */
export async function* tarStream(entries: readonly TarEntry[], mtime: Date): AsyncGenerator<Buffer> {
  for (const entry of entries) {
    if ('content' in entry) {
      yield ustarHeader(entry.name, entry.content.length, mtime);
      yield entry.content;
      const pad = (block - (entry.content.length % block)) % block;
      if (pad) yield Buffer.alloc(pad, 0);
      continue;
    }
    const { size } = await stat(entry.path);
    yield ustarHeader(entry.name, size, mtime);
    let written = 0;
    for await (const chunk of createReadStream(entry.path)) {
      written += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
    if (written !== size) throw new Error(`${entry.name} changed while it was archived`);
    const pad = (block - (size % block)) % block;
    if (pad) yield Buffer.alloc(pad, 0);
  }
  yield Buffer.alloc(block * 2, 0);
}
