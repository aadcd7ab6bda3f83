import { FerryError } from '@ferry/core';
import type { RowFlags } from '../cohort-facts.js';
import type { ModelColumn } from '../pack-model.js';
import type { RenderEnv } from './render-env.js';

/** Renders one cell of a row. */
export type Cell<T> = (row: T, env: RenderEnv) => string;

/**
 * How one legacy table and the LOAD table it drives are written from facts: one accessor per legacy column
 * (every column of the source catalog must have one), and one per target column the migration fills (the rest
 * of the target columns are blank).
 */
export interface TableSpec<T> {
  source: string;
  target?: string;
  legacy: Record<string, Cell<T>>;
  national: Record<string, Cell<T>>;
}

/** A spec bound to the catalog column order: turns a row into the two CSV records. */
export class CompiledSpec<T extends object> {
  private readonly legacyCells: Cell<T>[];
  private readonly legacyNames: string[];
  private readonly nationalCells: Cell<T>[] | undefined;

  constructor(
    readonly spec: TableSpec<T>,
    sourceColumns: readonly ModelColumn[],
    targetColumns: readonly ModelColumn[] | undefined,
  ) {
    this.legacyNames = sourceColumns.map((c) => c.name);
    this.legacyCells = sourceColumns.map((c) => {
      const cell = spec.legacy[c.name];
      if (!cell) {
        throw new FerryError(
          'FERRY_ERR_INTERNAL',
          `The generator has no legacy renderer for ${spec.source}.${c.name}`,
          { table: spec.source, field: c.name },
        );
      }
      return cell;
    });
    for (const name of Object.keys(spec.legacy)) {
      if (!this.legacyNames.includes(name)) {
        throw new FerryError(
          'FERRY_ERR_INTERNAL',
          `The generator renders ${spec.source}.${name}, which the source catalog does not have`,
          { table: spec.source, field: name },
        );
      }
    }
    if (targetColumns) {
      const names = targetColumns.map((c) => c.name);
      for (const name of Object.keys(spec.national)) {
        if (!names.includes(name)) {
          throw new FerryError(
            'FERRY_ERR_INTERNAL',
            `The generator renders ${spec.target}.${name}, which the target catalog does not have`,
            { table: spec.target, field: name },
          );
        }
      }
      this.nationalCells = targetColumns.map((c) => spec.national[c.name] ?? (() => ''));
    }
  }

  /** The legacy record of a row, with any injected overrides applied. */
  legacyRow(row: T, env: RenderEnv): string[] {
    const cells = this.legacyCells;
    const out = new Array<string>(cells.length);
    for (let i = 0; i < cells.length; i++) out[i] = cells[i]!(row, env);
    const overrides = (row as RowFlags).overrides;
    if (overrides) {
      for (const [column, value] of Object.entries(overrides)) {
        const i = this.legacyNames.indexOf(column);
        if (i >= 0) out[i] = value;
      }
    }
    return out;
  }

  /** The target record of a row. */
  targetRow(row: T, env: RenderEnv): string[] {
    const cells = this.nationalCells;
    if (!cells) throw new FerryError('FERRY_ERR_INTERNAL', `${this.spec.source} drives no LOAD table`);
    const out = new Array<string>(cells.length);
    for (let i = 0; i < cells.length; i++) out[i] = cells[i]!(row, env);
    return out;
  }

  /** The legacy columns in catalog order (the order of `legacyRow`). */
  get legacyColumns(): readonly string[] {
    return this.legacyNames;
  }

  get hasTarget(): boolean {
    return this.nationalCells !== undefined;
  }
}
