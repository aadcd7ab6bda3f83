import { api } from './api-client';
import type { CatalogSide } from './catalog-api';

export interface ErdColumn {
  name: string;
  dataType: string;
  primaryKey: boolean;
}
export interface ErdNode {
  id: string;
  domain: string;
  inScope: boolean;
  columns: ErdColumn[];
  rows?: number;
}
export interface ErdEdge {
  from: string;
  to: string;
  fromColumn: string;
  toColumn: string;
  kind: 'declared' | 'inferred';
  confidence: number;
  evidence: string[];
  containment?: number;
}
/** core's Erd v1: tables as nodes, relationships as edges; the side and the contract version giving the domains. */
export interface Erd {
  version: 1;
  name: string;
  side: CatalogSide;
  contractHash: string;
  nodes: ErdNode[];
  edges: ErdEdge[];
  stats: { tables: number; declaredEdges: number; inferredEdges: number; tablesWithData: number };
}

/** The entity-relationship diagram of a project's catalog. */
export const erdApi = {
  /** With a run (source side), value containment measured on that run's extract confirms and finds relationships. */
  erd: (projectId: string, side: CatalogSide, runId?: string) =>
    api.get<Erd>(`/api/projects/${projectId}/erd`, { side, runId }),
};
