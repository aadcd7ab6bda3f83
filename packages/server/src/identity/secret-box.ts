import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { FerryError } from '@ferry/core';

/**
 * Encrypts small secrets at rest (TOTP seeds) with AES-256-GCM under a key derived from FERRY_SECRET_KEY.
 * The stored form is `v1.<iv>.<tag>.<ciphertext>` (base64url).
 *
 * @example
 * const box = new SecretBox(config.secretKey);
 * box.open(box.seal('JBSWY3DPEHPK3PXP')) // 'JBSWY3DPEHPK3PXP'
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(secretKey: string) {
    this.key = createHash('sha256').update(`ferry.secret-box\n${secretKey}`).digest();
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined)
      throw new FerryError('FERRY_ERR_INTERNAL', 'A stored secret has an unknown format');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch (e) {
      throw new FerryError(
        'FERRY_ERR_INTERNAL',
        'A stored secret cannot be decrypted (was FERRY_SECRET_KEY changed?)',
        {},
        { cause: e },
      );
    }
  }
}
