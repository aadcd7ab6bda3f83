import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FerryError } from '../errors.js';
import { parseContractJson } from './contract-file.js';
import { contractHash } from './contract-hash.js';
import { type MappingContract, mappingContractSchema } from './contract-model.js';
import {
  type ContractStoreIndex,
  type ContractVersionEntry,
  contractStoreIndexSchema,
} from './contract-store-index.js';

/** Who saves a version and when; `parent` is a hash or label (default: the latest version saved; `null`: none). */
export interface SaveVersionOptions {
  by: string;
  /** ISO time; default now. */
  at?: string;
  parent?: string | null;
  message?: string;
}

/** A version read back from the store: its content (hash verified) and its index entry. */
export interface LoadedContractVersion {
  contract: MappingContract;
  entry: ContractVersionEntry;
}

/** The outcome of a save or lock: the entry, and whether a new version was written (false: it was already there). */
export interface SavedContractVersion {
  entry: ContractVersionEntry;
  created: boolean;
}

const lockWaitMs = 5_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A folder of immutable, content-hashed contract versions:
 *
 * - `versions/<hash>.json`: one file per version, named by `contractHash` of its content, never rewritten;
 *   loading verifies that the content still has that hash.
 * - `index.json`: every version in save order with its label, parent hash, who saved it and when, and its lock.
 *
 * A locked version is final: its `locked` flag is part of its content (so a job's contract hash shows it ran a locked
 * version), it owns its label (no other version may be saved under that label), and edits of its content are refused.
 * Locking an unlocked version saves its locked copy as a new version whose parent is the unlocked one.
 *
 * @example
 * const store = new ContractStore('.ferry/contracts/nhs-pas');
 * const { entry } = await store.saveVersion(contract, { by: 'A. Analyst' });
 * const locked = await store.lockVersion(entry.hash, { by: 'B. Lead' });
 * const { contract: rc } = await store.loadVersion('1.0.0'); // the locked one owns the label
 */
export class ContractStore {
  constructor(
    readonly dir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get indexPath(): string {
    return join(this.dir, 'index.json');
  }

  versionPath(hash: string): string {
    return join(this.dir, 'versions', `${hash}.json`);
  }

  /** Every version in the order saved (empty for a store that does not exist yet). */
  async listVersions(): Promise<ContractVersionEntry[]> {
    return (await this.readIndex()).versions;
  }

  /**
   * Finds a version by full hash, by a unique hash prefix of at least 6 characters, or by label (the locked
   * version of a label if there is one, else the latest saved). FERRY_ERR_NOT_FOUND when nothing matches.
   */
  async resolve(ref: string): Promise<ContractVersionEntry> {
    return this.resolveIn(await this.readIndex(), ref);
  }

  /** Reads a version's content, checking that it still hashes to its name. */
  async loadVersion(ref: string): Promise<LoadedContractVersion> {
    const entry = await this.resolve(ref);
    return { contract: await this.readVersionFile(entry.hash), entry };
  }

  /**
   * Saves a contract as a version. The same content saved twice is one version (`created: false`). Refused with
   * FERRY_ERR_CONTRACT_LOCKED when a locked version already owns the contract's label with other content.
   * A contract whose content is locked is recorded as locked by `by` at `at`.
   */
  async saveVersion(contract: MappingContract, options: SaveVersionOptions): Promise<SavedContractVersion> {
    const by = options.by.trim();
    if (!by) throw new FerryError('FERRY_ERR_USAGE', 'saving a contract version needs who saves it', { field: 'by' });
    const parsed = mappingContractSchema.safeParse(contract);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new FerryError('FERRY_ERR_CONTRACT_INVALID', `${issue.message} at ${issue.path.join('.')}`, {
        field: issue.path.join('.'),
      });
    }
    const content = parsed.data;
    const hash = contractHash(content);
    return this.withIndexLock(async () => {
      const index = await this.readIndex();
      const existing = index.versions.find((v) => v.hash === hash);
      if (existing) return { entry: existing, created: false };
      const owner = index.versions.find((v) => v.label === content.label && v.locked);
      if (owner) {
        throw new FerryError(
          'FERRY_ERR_CONTRACT_LOCKED',
          `label ${content.label} belongs to locked version ${owner.hash.slice(0, 12)}; a locked version cannot change: ` +
            'save the change under a new label',
          { file: this.indexPath, key: content.label },
        );
      }
      const parent =
        options.parent === null
          ? undefined
          : options.parent === undefined
            ? index.versions.at(-1)?.hash
            : this.resolveIn(index, options.parent).hash;
      const at = options.at ?? this.now().toISOString();
      const entry: ContractVersionEntry = {
        hash,
        label: content.label,
        name: content.name,
        ...(parent ? { parent } : {}),
        createdBy: by,
        createdAt: at,
        locked: content.locked,
        ...(content.locked ? { lockedBy: by, lockedAt: at } : {}),
        ...(options.message ? { message: options.message } : {}),
      };
      await this.writeVersionFile(hash, content);
      index.versions.push(entry);
      await this.writeIndex(index);
      return { entry, created: true };
    });
  }

  /**
   * Locks a version for a release candidate: saves its content with `locked: true` as a new version (parent: the
   * version locked), which then owns the label. Locking a locked version returns it (`created: false`).
   */
  async lockVersion(
    ref: string,
    options: { by: string; at?: string; message?: string },
  ): Promise<SavedContractVersion> {
    const { contract, entry } = await this.loadVersion(ref);
    if (contract.locked) return { entry, created: false };
    return this.saveVersion(
      { ...contract, locked: true },
      {
        by: options.by,
        parent: entry.hash,
        message: options.message ?? `lock of ${entry.hash.slice(0, 12)}`,
        ...(options.at ? { at: options.at } : {}),
      },
    );
  }

  private resolveIn(index: ContractStoreIndex, ref: string): ContractVersionEntry {
    const wanted = ref.trim();
    if (/^[0-9a-f]{6,64}$/.test(wanted)) {
      const byHash = index.versions.filter((v) => v.hash.startsWith(wanted));
      if (byHash.length === 1) return byHash[0]!;
      if (byHash.length > 1) {
        throw new FerryError(
          'FERRY_ERR_USAGE',
          `hash prefix ${wanted} matches ${byHash.length} versions; give more characters`,
          {
            file: this.indexPath,
          },
        );
      }
    }
    const byLabel = index.versions.filter((v) => v.label === wanted);
    const found = byLabel.find((v) => v.locked) ?? byLabel.at(-1);
    if (found) return found;
    const known = [...new Set(index.versions.map((v) => v.label))].join(', ') || 'none';
    throw new FerryError(
      'FERRY_ERR_NOT_FOUND',
      `no contract version with hash or label '${wanted}' (labels: ${known})`,
      {
        file: this.indexPath,
        key: wanted,
      },
    );
  }

  private async readIndex(): Promise<ContractStoreIndex> {
    let text: string;
    try {
      text = await readFile(this.indexPath, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, versions: [] };
      throw new FerryError(
        'FERRY_ERR_NOT_FOUND',
        'cannot read the contract store index',
        { file: this.indexPath },
        { cause: e },
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new FerryError(
        'FERRY_ERR_CONTRACT_INVALID',
        'the contract store index is not valid JSON',
        { file: this.indexPath },
        { cause: e },
      );
    }
    const parsed = contractStoreIndexSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new FerryError('FERRY_ERR_CONTRACT_INVALID', `the contract store index is malformed: ${issue.message}`, {
        file: this.indexPath,
        field: issue.path.join('.'),
      });
    }
    return parsed.data;
  }

  private async writeIndex(index: ContractStoreIndex): Promise<void> {
    const tmp = `${this.indexPath}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify(index, null, 2)}\n`, 'utf8');
    await rename(tmp, this.indexPath);
  }

  private async readVersionFile(hash: string): Promise<MappingContract> {
    const path = this.versionPath(hash);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      throw new FerryError(
        'FERRY_ERR_NOT_FOUND',
        'the version file of an indexed contract version is missing',
        { file: path },
        { cause: e },
      );
    }
    const contract = parseContractJson(text, path);
    if (contractHash(contract) !== hash) {
      throw new FerryError(
        'FERRY_ERR_CONTRACT_INVALID',
        'the version file was changed after it was saved (its content no longer has its hash)',
        {
          file: path,
        },
      );
    }
    return contract;
  }

  /** Writes a version file once; one already there (from an interrupted save) must hold the same content. */
  private async writeVersionFile(hash: string, contract: MappingContract): Promise<void> {
    const path = this.versionPath(hash);
    await mkdir(join(this.dir, 'versions'), { recursive: true });
    try {
      await writeFile(path, `${JSON.stringify(contract, null, 2)}\n`, { encoding: 'utf8', flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      await this.readVersionFile(hash);
    }
  }

  /** Runs `fn` holding `index.lock` (created exclusively), so two savers cannot interleave index updates. */
  private async withIndexLock<T>(fn: () => Promise<T>): Promise<T> {
    await mkdir(this.dir, { recursive: true });
    const lockPath = join(this.dir, 'index.lock');
    const deadline = Date.now() + lockWaitMs;
    for (;;) {
      try {
        const handle = await open(lockPath, 'wx');
        await handle.close();
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        if (Date.now() > deadline) {
          throw new FerryError(
            'FERRY_ERR_INPUT',
            'the contract store is busy (index.lock is held); if no other ferry is running, delete the lock file',
            {
              file: lockPath,
            },
          );
        }
        await sleep(25);
      }
    }
    try {
      return await fn();
    } finally {
      await rm(lockPath, { force: true });
    }
  }
}
