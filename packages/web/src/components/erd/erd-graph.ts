import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Erd, ErdEdge, ErdNode } from '../../api/erd-api';

/**
 * How much the diagram shows: one box per domain (a cluster of its tables), or one box per table with its name
 * only, its key columns, or every column.
 */
export type Density = 'domains' | 'overview' | 'keys' | 'full';

/** What the diagram shows of one table at a density. */
export interface TableBox {
  node: ErdNode;
  columns: { name: string; dataType: string; key: 'PK' | 'FK' | null }[];
  width: number;
  height: number;
}

/** A domain drawn as one box: its tables, and the relationships that stay inside it. */
export interface DomainBox {
  domain: string;
  tables: number;
  inScope: number;
  internalEdges: number;
  width: number;
  height: number;
}

/** Relationships between two domains, counted (child domain `from` refers to parent domain `to`). */
export interface DomainLink {
  from: string;
  to: string;
  count: number;
}

const lineHeight = 16;
const headerHeight = 26;

/** The columns a density shows for a table: none, the keys (primary and referring), or all. */
export function boxOf(node: ErdNode, density: Density, foreignKeys: ReadonlySet<string>): TableBox {
  const marked = node.columns.map((c) => ({
    name: c.name,
    dataType: c.dataType,
    key: c.primaryKey ? ('PK' as const) : foreignKeys.has(`${node.id}.${c.name}`) ? ('FK' as const) : null,
  }));
  const columns =
    density === 'overview' || density === 'domains' ? [] : density === 'keys' ? marked.filter((c) => c.key) : marked;
  const longest = Math.max(node.id.length + 4, ...columns.map((c) => c.name.length + c.dataType.length + 6));
  return {
    node,
    columns,
    width: Math.min(320, 24 + longest * 7),
    height: headerHeight + columns.length * lineHeight + (columns.length ? 8 : 0),
  };
}

/** Options of {@link visibleGraph}. */
export interface GraphFilter {
  /** Domains shown (empty: all). */
  domains: readonly string[];
  inScopeOnly: boolean;
  minConfidence: number;
  showInferred: boolean;
  /** When set, only these tables and their direct neighbours. */
  focus: readonly string[] | null;
}

/** Which tables and edges are shown: domain and scope filters, the inferred-edge confidence floor, search neighbourhood. */
export function visibleGraph(erd: Erd, options: GraphFilter): { nodes: ErdNode[]; edges: ErdEdge[] } {
  let nodes = erd.nodes.filter(
    (n) => (!options.domains.length || options.domains.includes(n.domain)) && (!options.inScopeOnly || n.inScope),
  );
  let ids = new Set(nodes.map((n) => n.id));
  let edges = erd.edges.filter(
    (e) =>
      ids.has(e.from) &&
      ids.has(e.to) &&
      (e.kind === 'declared' || (options.showInferred && e.confidence >= options.minConfidence)),
  );
  if (options.focus) {
    // Direct neighbours of the focus only (not of neighbours found along the way).
    const focus = new Set(options.focus);
    const keep = new Set(options.focus);
    for (const e of edges) {
      if (focus.has(e.from) || focus.has(e.to)) {
        keep.add(e.from);
        keep.add(e.to);
      }
    }
    nodes = nodes.filter((n) => keep.has(n.id));
    ids = new Set(nodes.map((n) => n.id));
    edges = edges.filter((e) => ids.has(e.from) && ids.has(e.to));
  }
  return { nodes, edges };
}

/**
 * The shown tables clustered by domain: one box per domain with its table count, and one link per pair of domains
 * with the number of relationships between them. Domains in name order; links by count, largest first.
 */
export function domainClusters(graph: { nodes: ErdNode[]; edges: ErdEdge[] }): {
  domains: DomainBox[];
  links: DomainLink[];
} {
  const domainOf = new Map(graph.nodes.map((n) => [n.id, n.domain]));
  const byDomain = new Map<string, DomainBox>();
  for (const n of graph.nodes) {
    const box = byDomain.get(n.domain) ?? {
      domain: n.domain,
      tables: 0,
      inScope: 0,
      internalEdges: 0,
      width: 200,
      height: 66,
    };
    box.tables++;
    if (n.inScope) box.inScope++;
    byDomain.set(n.domain, box);
  }
  const links = new Map<string, DomainLink>();
  for (const e of graph.edges) {
    const from = domainOf.get(e.from)!;
    const to = domainOf.get(e.to)!;
    if (from === to) {
      byDomain.get(from)!.internalEdges++;
      continue;
    }
    const key = `${from}\u0000${to}`;
    const link = links.get(key) ?? { from, to, count: 0 };
    link.count++;
    links.set(key, link);
  }
  return {
    domains: [...byDomain.values()].sort((a, b) => (a.domain < b.domain ? -1 : 1)),
    links: [...links.values()].sort((a, b) => b.count - a.count || (a.from + a.to < b.from + b.to ? -1 : 1)),
  };
}

/** A box ELK places (in a group, when given), and a directed link between two boxes (parent to child). */
export interface LayoutInput {
  boxes: ReadonlyArray<{ id: string; width: number; height: number; group?: string }>;
  links: ReadonlyArray<{ parent: string; child: string }>;
}

/** Where ELK put the boxes (top-left corners, absolute) and the frame of each group around its boxes. */
export interface Layout {
  boxes: Map<string, { x: number; y: number }>;
  groups: Map<string, { x: number; y: number; width: number; height: number }>;
}

const layeredOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '60',
  'elk.spacing.nodeNode': '18',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  'elk.layered.thoroughness': '1',
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  'elk.separateConnectedComponents': 'true',
  'elk.spacing.componentComponent': '40',
};
const groupPrefix = 'group:';

/**
 * The ELK graph of boxes and links: layered (parents left of their children). Boxes with a group are laid out per
 * group (each group's own relationships only, so 400+ tables in 16 domains are sixteen small layouts, about twice as
 * fast as one big one, and each domain stays together), and the groups are packed as rectangles; links between
 * groups do not move boxes and are drawn straight across. Without groups: one layered layout.
 */
export function elkGraphOf(input: LayoutInput): ElkNode {
  const links = input.links.filter((l) => l.parent !== l.child);
  const edge = (l: { parent: string; child: string }, i: number) => ({
    id: `e${i}`,
    sources: [l.parent],
    targets: [l.child],
  });
  if (!input.boxes.some((b) => b.group !== undefined)) {
    return {
      id: 'root',
      layoutOptions: layeredOptions,
      children: input.boxes.map((b) => ({ id: b.id, width: b.width, height: b.height })),
      edges: links.map(edge),
    };
  }
  const groupOf = new Map(input.boxes.map((b) => [b.id, b.group ?? '']));
  const groups = [...new Set(groupOf.values())];
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'rectpacking',
      'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
      'elk.spacing.nodeNode': '40',
    },
    children: groups.map((g) => ({
      id: `${groupPrefix}${g}`,
      layoutOptions: { ...layeredOptions, 'elk.padding': '[top=36,left=16,bottom=16,right=16]' },
      children: input.boxes
        .filter((b) => groupOf.get(b.id) === g)
        .map((b) => ({ id: b.id, width: b.width, height: b.height })),
      edges: links.filter((l) => groupOf.get(l.parent) === g && groupOf.get(l.child) === g).map(edge),
    })),
  };
}

/** The absolute top-left corner of every box ELK placed, and each group's frame. */
export function positionsOf(laidOut: ElkNode): Layout {
  const boxes = new Map<string, { x: number; y: number }>();
  const groups = new Map<string, { x: number; y: number; width: number; height: number }>();
  for (const c of laidOut.children ?? []) {
    const x = c.x ?? 0;
    const y = c.y ?? 0;
    if (c.id.startsWith(groupPrefix)) {
      groups.set(c.id.slice(groupPrefix.length), { x, y, width: c.width ?? 0, height: c.height ?? 0 });
      for (const b of c.children ?? []) boxes.set(b.id, { x: x + (b.x ?? 0), y: y + (b.y ?? 0) });
    } else boxes.set(c.id, { x, y });
  }
  return { boxes, groups };
}

/** Tables whose name contains the search text (case-insensitive), in diagram order. */
export function matchingTables(erd: Erd | undefined, search: string): string[] {
  const needle = search.trim().toUpperCase();
  if (!needle || !erd) return [];
  return erd.nodes.filter((n) => n.id.toUpperCase().includes(needle)).map((n) => n.id);
}

/** Domain colours dark enough for white header text (WCAG AA). */
export const domainPalette = [
  '#005eb8',
  '#007f3b',
  '#d5281b',
  '#330072',
  '#425563',
  '#00796b',
  '#ae2573',
  '#8a5a00',
  '#1d4f91',
  '#6b3fa0',
  '#a0410d',
  '#7c2855',
] as const;

/** A colour per domain, in name order. */
export function domainColours(domains: readonly string[]): Map<string, string> {
  return new Map(domains.map((d, i) => [d, domainPalette[i % domainPalette.length]!]));
}
