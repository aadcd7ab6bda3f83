import { Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * argon2id password hashing. The default cost follows OWASP (19 MiB, 2 iterations); tests pass a cheap one.
 *
 * @example
 * const hasher = new PasswordHasher({ memoryKib: 19456, iterations: 2 });
 * const stored = await hasher.hash('correct horse battery staple');
 */
export class PasswordHasher {
  private dummy?: Promise<string>;

  constructor(private readonly cost: { memoryKib: number; iterations: number }) {}

  hash(password: string): Promise<string> {
    return hash(password, {
      algorithm: Algorithm.Argon2id,
      memoryCost: this.cost.memoryKib,
      timeCost: this.cost.iterations,
      parallelism: 1,
    });
  }

  async verify(stored: string, password: string): Promise<boolean> {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  }

  /** Spends the time a real check would, so an unknown email answers as slowly as a wrong password. */
  async verifyNothing(password: string): Promise<false> {
    this.dummy ??= this.hash('ferry-timing-equaliser');
    await this.verify(await this.dummy, password);
    return false;
  }
}
