/**
 * MurmurHash3 (x86, 32-bit) over a string's UTF-16 code units, two units per 32-bit block.
 * Deterministic across runs and platforms, so sketches built from it are reproducible.
 *
 * @example
 * murmur3('SMITH', 0) === murmur3('SMITH', 0) // => true
 */
export function murmur3(value: string, seed: number): number {
  let h = seed >>> 0;
  const n = value.length;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const k = (value.charCodeAt(i) | (value.charCodeAt(i + 1) << 16)) >>> 0;
    h ^= mixK(k);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) >>> 0;
  }
  if (i < n) h ^= mixK(value.charCodeAt(i));
  h ^= n * 2;
  return finalMix(h);
}

function mixK(k: number): number {
  let x = Math.imul(k, 0xcc9e2d51);
  x = (x << 15) | (x >>> 17);
  return Math.imul(x, 0x1b873593);
}

function finalMix(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}
