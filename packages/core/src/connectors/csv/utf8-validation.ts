/**
 * Length of the longest prefix of `buf` that does not end inside a multi-byte UTF-8 sequence.
 * Bytes after it (at most 3) are the start of a character that continues in the next chunk.
 */
export function completeUtf8Length(buf: Uint8Array): number {
  const len = buf.length;
  // Walk back over at most 3 continuation bytes to the last lead byte.
  let i = len - 1;
  let back = 0;
  while (i >= 0 && back < 3 && (buf[i]! & 0xc0) === 0x80) {
    i--;
    back++;
  }
  if (i < 0) return len;
  const lead = buf[i]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  // An ASCII or invalid lead byte, or a complete sequence: nothing to carry over.
  if (need === 1 || lead >= 0xf8) return len;
  return len - i >= need ? len : i;
}

/**
 * Byte offset of the first invalid UTF-8 sequence in `buf` (overlong forms, surrogates and
 * code points above U+10FFFF are invalid), or -1 when all of it is valid.
 */
export function firstInvalidUtf8(buf: Uint8Array): number {
  const len = buf.length;
  let i = 0;
  while (i < len) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + need >= len) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
