import {
  type ContractField,
  type ContractLoadFinding,
  type ContractRowEditResult,
  type MappingContract,
  rowContentKey,
} from '@ferry/core';
import type { FastifyRequest } from 'fastify';
import type { FerryApp } from '../app-types.js';
import { changeContract } from './change-contract.js';
import { contractCheckInputs, guardContractChange } from './contract-load-guard.js';
import { type ContractRowView, contractRowView } from './contract-row-view.js';
import { currentContract, rowAuthors, rowKey } from './project-contract-store.js';

/** What a one-row change answers: the new version, the row as it now is (null once removed) and its findings. */
export interface ContractRowChangeOutcome {
  hash: string;
  previousHash: string;
  changed: number;
  unchanged: number;
  reopened: number;
  row: ContractRowView | null;
  findings: ContractLoadFinding[];
}

function fieldOf(contract: MappingContract, table: string, column: string): ContractField | undefined {
  return contract.tables.find((t) => t.target === table)?.fields.find((f) => f.target === column);
}

/**
 * Changes one row of a project's contract with a core function (`editRow`, `addRow`, `removeRow`), refuses the change
 * when it introduces a load error against the project's catalogs, saves it as a new version and audits it. A change
 * to what the row does makes the caller its author (so another person approves it); owner and notes are bookkeeping.
 */
export async function changeContractRow(
  app: FerryApp,
  request: FastifyRequest,
  projectId: string,
  action: string,
  apply: (contract: MappingContract) => ContractRowEditResult,
): Promise<ContractRowChangeOutcome> {
  let result: ContractRowEditResult | undefined;
  let findings: ContractLoadFinding[] = [];
  const outcome = await changeContract(request, projectId, action, async (current, tx, project) => {
    const edit = apply(current.contract);
    result = edit;
    const { table, column } = edit.row;
    if (edit.changed) {
      findings = guardContractChange(current.contract, edit.contract, await contractCheckInputs(app, tx, project), {
        rows: [edit.row],
      }).findings;
    }
    const before = fieldOf(current.contract, table, column);
    const after = fieldOf(edit.contract, table, column);
    const bookkeeping = before && after && rowContentKey(before) === rowContentKey(after);
    const refs = [{ table, column }];
    return {
      contract: edit.contract,
      changed: edit.changed ? refs : [],
      unchanged: edit.changed ? [] : refs,
      rowChanges: edit.changed ? [{ table, column, kind: bookkeeping ? ('owner' as const) : ('edit' as const) }] : [],
      details: { row: rowKey(table, column), reopened: edit.reopened },
    };
  });
  const { table, column } = result!.row;
  const row = await request.tenant(async (tx) => {
    const { contract } = await currentContract(tx, projectId);
    const t = contract.tables.find((x) => x.target === table);
    const f = t?.fields.find((x) => x.target === column);
    if (!t || !f) return null;
    const author = (await rowAuthors(tx, projectId)).get(rowKey(table, column));
    return contractRowView(t, f, author?.email ?? null);
  });
  return { ...outcome, reopened: result!.reopened ? 1 : 0, row, findings };
}
