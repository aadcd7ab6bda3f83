import { hostname } from 'node:os';
import { FerryError, type SqlDatabase, type SqlExecutor } from '@ferry/core';
import { AdvisoryMigrationLock } from './advisory-migration-lock.js';
import { type MigrationFile, readMigrationFiles } from './migration-files.js';
import {
  type AppliedMigration,
  ensureHistoryTable,
  readHistory,
  recordApplied,
  recordRolledBack,
} from './migration-history.js';
import type { MigrationLock } from './migration-lock.js';
import {
  assertDestructionAllowed,
  countDestructions,
  declaredDestructions,
  type PlannedDestruction,
} from './rollback-destroys.js';
import { RowMigrationLock } from './row-migration-lock.js';

/** Where one migration stands: applied, pending, or applied from a script that has changed since. */
export interface MigrationStatus {
  name: string;
  state: 'applied' | 'pending' | 'changed';
  appliedAt?: string;
}

/** One migration run by `migrate` or `rollback`. */
export interface MigrationStep {
  name: string;
  direction: 'up' | 'down';
  ms: number;
}

/** Which migrations a rollback takes back: the last one (default), every one after `target`, or `all`. */
export interface RollbackOptions {
  target?: string;
  all?: boolean;
}

/** What a rollback would do: the migrations, last first, and what their down scripts destroy. */
export interface RollbackPlan {
  migrations: MigrationFile[];
  destroys: PlannedDestruction[];
}

/** The lock a database gets by default: PostgreSQL's advisory lock on a server, the lock row on PGlite. */
export function defaultMigrationLock(db: SqlDatabase): MigrationLock {
  return db.kind === 'postgres'
    ? new AdvisoryMigrationLock()
    : new RowMigrationLock({ holder: `${hostname()} pid ${process.pid}` });
}

/**
 * Applies and rolls back the platform's versioned migrations. Every run holds the migration lock and applies all its
 * steps in one transaction (PostgreSQL DDL is transactional), so a failing step leaves nothing half-applied. Before
 * anything runs, the history must match the files: an applied script that changed, an applied migration without a
 * file, or a new migration placed before an applied one is refused, naming the file.
 *
 * @example
 * const migrator = await PlatformMigrator.create(db);
 * await migrator.migrate(); // [{ name: '0001_app_role', direction: 'up', ms: 4 }, ...]
 */
export class PlatformMigrator {
  constructor(
    private readonly db: SqlDatabase,
    readonly migrations: readonly MigrationFile[],
    private readonly lock: MigrationLock = defaultMigrationLock(db),
  ) {}

  static async create(
    db: SqlDatabase,
    options: { dir?: string; lock?: MigrationLock } = {},
  ): Promise<PlatformMigrator> {
    return new PlatformMigrator(db, await readMigrationFiles(options.dir), options.lock);
  }

  /** Every migration file with its state, in order. Reads only; takes no lock. */
  async status(): Promise<MigrationStatus[]> {
    const applied = new Map((await readHistory(this.db)).map((a) => [a.name, a]));
    return this.migrations.map((m) => {
      const a = applied.get(m.name);
      if (!a) return { name: m.name, state: 'pending' };
      return { name: m.name, state: a.checksum === m.checksum ? 'applied' : 'changed', appliedAt: a.appliedAt };
    });
  }

  /** Applies the pending migrations in order, up to and including `target` when given. */
  async migrate(options: { target?: string } = {}): Promise<MigrationStep[]> {
    const targetIndex = options.target === undefined ? this.migrations.length - 1 : this.indexOf(options.target);
    return this.lock.run(this.db, async (tx) => {
      await ensureHistoryTable(tx);
      const applied = this.checkHistory(await readHistory(tx));
      const steps: MigrationStep[] = [];
      for (const m of this.migrations.slice(applied.length, targetIndex + 1)) {
        const ms = await this.runScript(tx, m, 'up');
        await recordApplied(tx, m.name, m.checksum, ms);
        steps.push({ name: m.name, direction: 'up', ms });
      }
      return steps;
    });
  }

  /**
   * What a rollback would do, without doing it: the migrations it would roll back (last first) and what their down
   * scripts declare they destroy (`-- ferry:destroys`), with the rows there now. Reads only; takes no lock.
   */
  async planRollback(options: RollbackOptions = {}): Promise<RollbackPlan> {
    await ensureHistoryTable(this.db);
    return this.plan(this.db, options);
  }

  /**
   * Rolls back with the down scripts: the last applied migration, or every one after `target` (which stays applied),
   * or all of them. A down script that declares it destroys something (the audit trail, users) runs only when
   * `allowDestroying` names it; otherwise nothing is rolled back (FERRY_ERR_DESTRUCTIVE_REFUSED).
   */
  async rollback(options: RollbackOptions & { allowDestroying?: readonly string[] } = {}): Promise<MigrationStep[]> {
    return this.lock.run(this.db, async (tx) => {
      await ensureHistoryTable(tx);
      const plan = await this.plan(tx, options);
      assertDestructionAllowed(plan.destroys, options.allowDestroying ?? []);
      const steps: MigrationStep[] = [];
      for (const m of plan.migrations) {
        const ms = await this.runScript(tx, m, 'down');
        await recordRolledBack(tx, m.name);
        steps.push({ name: m.name, direction: 'down', ms });
      }
      return steps;
    });
  }

  private async plan(tx: SqlExecutor, options: RollbackOptions): Promise<RollbackPlan> {
    if (options.target !== undefined && options.all)
      throw new FerryError('FERRY_ERR_USAGE', 'Give either --target or --all, not both');
    const keep = options.target === undefined ? undefined : this.indexOf(options.target) + 1;
    const applied = this.checkHistory(await readHistory(tx));
    if (keep !== undefined && keep > applied.length) {
      throw new FerryError('FERRY_ERR_USAGE', `Cannot roll back to ${options.target}: it is not applied`);
    }
    const from = options.all ? 0 : (keep ?? Math.max(0, applied.length - 1));
    const migrations = this.migrations.slice(from, applied.length).reverse();
    return { migrations, destroys: await countDestructions(tx, migrations.flatMap(declaredDestructions)) };
  }

  private indexOf(name: string): number {
    const i = this.migrations.findIndex((m) => m.name === name);
    if (i < 0) {
      throw new FerryError(
        'FERRY_ERR_USAGE',
        `Unknown migration '${name}'. Known: ${this.migrations.map((m) => m.name).join(', ')}`,
      );
    }
    return i;
  }

  /** The applied migrations must be exactly the first files, unchanged. */
  private checkHistory(applied: AppliedMigration[]): AppliedMigration[] {
    applied.forEach((a, i) => {
      const file = this.migrations[i];
      const known = this.migrations.find((m) => m.name === a.name);
      if (!known) {
        throw new FerryError(
          'FERRY_ERR_MIGRATION_MISMATCH',
          `Migration ${a.name} is applied but has no migration file`,
          { file: `${a.name}.up.sql` },
        );
      }
      if (known.checksum !== a.checksum) {
        throw new FerryError(
          'FERRY_ERR_MIGRATION_MISMATCH',
          `${known.upFile} changed after it was applied (checksum ${a.checksum.slice(0, 12)} applied, ${known.checksum.slice(0, 12)} now); add a new migration instead of editing an applied one`,
          { file: known.upFile },
        );
      }
      if (file?.name !== a.name) {
        throw new FerryError(
          'FERRY_ERR_MIGRATION_MISMATCH',
          `${file?.upFile} is not applied but the later ${a.name} is; a new migration must sort after the last applied one`,
          { file: file?.upFile },
        );
      }
    });
    return applied;
  }

  private async runScript(tx: SqlExecutor, m: MigrationFile, direction: 'up' | 'down'): Promise<number> {
    const file = direction === 'up' ? m.upFile : m.downFile;
    const start = performance.now();
    try {
      await tx.exec(direction === 'up' ? m.up : m.down);
    } catch (e) {
      throw new FerryError(
        'FERRY_ERR_MIGRATION_FAILED',
        `${file} failed: ${(e as Error).message}; nothing of this run was applied`,
        { file },
        { cause: e },
      );
    }
    return Math.round(performance.now() - start);
  }
}
