import type { ContractRowRef, MappingContract } from '@ferry/core';
import type { FastifyRequest } from 'fastify';
import type { ContractRowChange } from '../db/platform-schema.js';
import type { TenantTx } from '../db/tenant-transaction.js';
import { findProject } from '../tenancy/project-view.js';
import {
  currentContract,
  lockProjectContract,
  type ProjectContractVersion,
  saveContractVersion,
} from './project-contract-store.js';

/** The project whose contract changes (as `findProject` reads it). */
export type ChangedProject = Awaited<ReturnType<typeof findProject>>;

/** What a contract change returns to the caller. */
export interface ContractChangeOutcome {
  hash: string;
  previousHash: string;
  changed: number;
  unchanged: number;
}

/**
 * The frame of every contract change: lock the project's contract, read the current version, let `change` build the
 * next contract with core's functions (it may refuse), save it as a new version and audit the change with the
 * before and after hashes, all in one transaction.
 */
export async function changeContract(
  request: FastifyRequest,
  projectId: string,
  action: string,
  change: (
    current: ProjectContractVersion,
    tx: TenantTx,
    project: ChangedProject,
  ) => Promise<{
    contract: MappingContract;
    changed: ContractRowRef[];
    unchanged: ContractRowRef[];
    rowChanges: ContractRowChange[];
    details?: Record<string, unknown>;
  }>,
): Promise<ContractChangeOutcome> {
  const principal = request.principal!;
  return request.tenant(async (tx) => {
    const project = await findProject(tx, projectId);
    await lockProjectContract(tx, project.id);
    const current = await currentContract(tx, project.id);
    const next = await change(current, tx, project);
    const saved = await saveContractVersion(tx, project, next.contract, {
      by: { userId: principal.userId, email: principal.email },
      changes: next.rowChanges,
      message: action,
    });
    await request.audit(tx, {
      organisationId: project.organisation_id,
      action,
      targetType: 'contract',
      targetId: project.id,
      before: { hash: current.row.hash },
      after: { hash: saved.row.hash },
      details: { from: current.row.hash, to: saved.row.hash, changed: next.changed.length, ...next.details },
    });
    return {
      hash: saved.row.hash,
      previousHash: current.row.hash,
      changed: next.changed.length,
      unchanged: next.unchanged.length,
    };
  });
}
