import { z } from 'zod';

/** How an edge is known: declared in the catalog (`references`), or inferred from names, descriptions and data. */
export const erdEdgeKinds = ['declared', 'inferred'] as const;

export const erdColumnSchema = z.object({
  name: z.string(),
  dataType: z.string(),
  primaryKey: z.boolean(),
});

/** A table of the diagram. */
export const erdNodeSchema = z.object({
  id: z.string(),
  /** Quality domain (PMI, RTT, OPD, IWL, ADT, MH, REF, CODING, a module prefix such as PATH, or OTHER). */
  domain: z.string(),
  inScope: z.boolean(),
  columns: z.array(erdColumnSchema),
  /** Rows in the source data, when data was read. */
  rows: z.number().int().nonnegative().optional(),
});
export type ErdNode = z.infer<typeof erdNodeSchema>;

/** A relationship: `from.fromColumn` (child) refers to `to.toColumn` (parent key). */
export const erdEdgeSchema = z.object({
  from: z.string(),
  to: z.string(),
  fromColumn: z.string(),
  toColumn: z.string(),
  kind: z.enum(erdEdgeKinds),
  /** 1 for declared edges; in (0, 1) for inferred ones. */
  confidence: z.number().min(0).max(1),
  /** Why: each piece of evidence in words, including measured value containment. */
  evidence: z.array(z.string()),
  /** Share of the child's distinct non-blank values found in the parent key, when measured on data. */
  containment: z.number().min(0).max(1).optional(),
});
export type ErdEdge = z.infer<typeof erdEdgeSchema>;

/** An entity-relationship diagram of a source, v1: ready for an interactive graph (nodes and edges). */
export const erdSchema = z.object({
  version: z.literal(1),
  name: z.string(),
  nodes: z.array(erdNodeSchema),
  edges: z.array(erdEdgeSchema),
  stats: z.object({
    tables: z.number().int(),
    declaredEdges: z.number().int(),
    inferredEdges: z.number().int(),
    /** Tables whose data was read for value containment. */
    tablesWithData: z.number().int(),
  }),
});
export type Erd = z.infer<typeof erdSchema>;
