import { createHmac } from 'node:crypto';

/**
 * Masks identifying values with a keyed hash (HMAC-SHA256): the same value under the same key always gives the same
 * token, so joins and duplicate counts still work on masked data, while the value cannot be read back nor guessed by
 * hashing candidates without the key. Values are trimmed first; empty values stay empty.
 *
 * @example
 * const mask = new KeyedMask(orgKey);
 * mask.mask('943 476 5919') === mask.mask('943 476 5919') // => true; 'ID-3f9c...'
 */
export class KeyedMask {
  constructor(private readonly key: string | Buffer) {
    if (key.length < 16) throw new Error('KeyedMask needs a key of at least 16 bytes');
  }

  mask(value: string): string;
  mask(value: string | null): string | null;
  mask(value: string | null): string | null {
    if (value === null) return null;
    const v = value.trim();
    if (v === '') return value;
    return `ID-${createHmac('sha256', this.key).update(v, 'utf8').digest('hex').slice(0, 16)}`;
  }

  /** A mask under a key derived for one scope (an organisation), so tokens of different scopes do not link. */
  static derived(secret: string, scope: string): KeyedMask {
    return new KeyedMask(createHmac('sha256', secret).update(`ferry identifier mask\u0000${scope}`).digest());
  }
}
