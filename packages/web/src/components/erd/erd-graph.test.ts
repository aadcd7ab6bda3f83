import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import type { Erd, ErdEdge, ErdNode } from '../../api/erd-api';
import {
  boxOf,
  domainClusters,
  domainColours,
  domainPalette,
  elkGraphOf,
  matchingTables,
  positionsOf,
  visibleGraph,
} from './erd-graph';

/**
 * A generated catalog of `tables` tables in `domains` domains, shaped like a PAS: each domain has a hub table that
 * the others refer to, every third table also refers to the first domain's hub (the patient), and every seventh
 * table is out of scope. Inferred edges get confidences spread over [0.5, 1).
 */
function generatedErd(tables: number, domains: number): Erd {
  const nodes: ErdNode[] = [];
  const edges: ErdEdge[] = [];
  for (let i = 0; i < tables; i++) {
    const domain = `D${String(i % domains).padStart(2, '0')}`;
    const id = i < domains ? `${domain}_HUB` : `${domain}_T${i}`;
    nodes.push({
      id,
      domain,
      inScope: i % 7 !== 6,
      columns: [
        { name: 'ID', dataType: 'integer', primaryKey: true },
        { name: 'HUB_ID', dataType: 'integer', primaryKey: false },
        { name: 'PAT_ID', dataType: 'integer', primaryKey: false },
        ...Array.from({ length: 8 }, (_, c) => ({ name: `COL_${c}`, dataType: 'string', primaryKey: false })),
      ],
    });
    if (i >= domains) {
      edges.push({
        from: id,
        to: `${domain}_HUB`,
        fromColumn: 'HUB_ID',
        toColumn: 'ID',
        kind: 'declared',
        confidence: 1,
        evidence: ['declared in the catalog'],
      });
      if (i % 3 === 0)
        edges.push({
          from: id,
          to: 'D00_HUB',
          fromColumn: 'PAT_ID',
          toColumn: 'ID',
          kind: 'inferred',
          confidence: 0.5 + (i % 50) / 100,
          evidence: ['column name equals the key'],
        });
    }
  }
  const declaredEdges = edges.filter((e) => e.kind === 'declared').length;
  return {
    version: 1,
    name: 'generated',
    side: 'source',
    contractHash: 'x',
    nodes,
    edges,
    stats: { tables, declaredEdges, inferredEdges: edges.length - declaredEdges, tablesWithData: 0 },
  };
}

const all = { domains: [], inScopeOnly: false, minConfidence: 0, showInferred: true, focus: null };

describe('ERD graph on a generated 480-table catalog', () => {
  const erd = generatedErd(480, 16);

  it('filters by domain, scope and confidence, and narrows to search matches and their neighbours', () => {
    expect(visibleGraph(erd, all).nodes).toHaveLength(480);
    const d03 = visibleGraph(erd, { ...all, domains: ['D03'] });
    expect(d03.nodes).toHaveLength(30);
    expect(d03.nodes.every((n) => n.domain === 'D03')).toBe(true);
    // Only D03's own relationships: the edges to the patient hub leave the domain.
    expect(d03.edges.every((e) => e.to === 'D03_HUB')).toBe(true);
    expect(visibleGraph(erd, { ...all, inScopeOnly: true }).nodes).toHaveLength(412);
    const strict = visibleGraph(erd, { ...all, minConfidence: 0.9 });
    expect(strict.edges.filter((e) => e.kind === 'inferred').every((e) => e.confidence >= 0.9)).toBe(true);
    expect(visibleGraph(erd, { ...all, showInferred: false }).edges.every((e) => e.kind === 'declared')).toBe(true);

    const matches = matchingTables(erd, 'd05_hub');
    expect(matches).toEqual(['D05_HUB']);
    const focus = visibleGraph(erd, { ...all, focus: matches });
    expect(focus.nodes).toHaveLength(30);
    expect(new Set(focus.nodes.map((n) => n.domain))).toEqual(new Set(['D05']));
    expect(matchingTables(erd, '  ')).toEqual([]);
  });

  it('sizes a table box by density: name only, keys, or every column', () => {
    const node = erd.nodes[20]!;
    const fks = new Set([`${node.id}.HUB_ID`]);
    expect(boxOf(node, 'overview', fks).columns).toEqual([]);
    expect(boxOf(node, 'keys', fks).columns.map((c) => `${c.key} ${c.name}`)).toEqual(['PK ID', 'FK HUB_ID']);
    const full = boxOf(node, 'full', fks);
    expect(full.columns).toHaveLength(11);
    expect(full.height).toBeGreaterThan(boxOf(node, 'keys', fks).height);
  });

  it('clusters tables by domain with counted links between domains', () => {
    const { domains, links } = domainClusters(visibleGraph(erd, all));
    expect(domains).toHaveLength(16);
    expect(domains.reduce((n, d) => n + d.tables, 0)).toBe(480);
    expect(domains[0]).toMatchObject({ domain: 'D00', tables: 30, inScope: 26 });
    // Every other domain's tables refer to the patient hub in D00; D00's own refer inside it.
    expect(links.every((l) => l.to === 'D00')).toBe(true);
    expect(links).toHaveLength(15);
    const internal = domains.reduce((n, d) => n + d.internalEdges, 0);
    expect(internal + links.reduce((n, l) => n + l.count, 0)).toBe(erd.edges.length);
  });

  it('gives every domain a distinct colour while the palette lasts', () => {
    const colours = domainColours(['A', 'B', 'C']);
    expect(new Set(colours.values()).size).toBe(3);
    expect(domainColours(Array.from({ length: domainPalette.length + 1 }, (_, i) => `D${i}`)).get('D0')).toBe(
      domainPalette[0],
    );
  });

  it('lays out all 480 tables with ELK domain by domain, without overlaps, in seconds (time recorded)', async () => {
    const graph = visibleGraph(erd, all);
    const boxes = graph.nodes.map((n) => boxOf(n, 'overview', new Set()));
    const elk = new ELK();
    const started = performance.now();
    const layout = positionsOf(
      await elk.layout(
        elkGraphOf({
          boxes: boxes.map((b) => ({ id: b.node.id, width: b.width, height: b.height, group: b.node.domain })),
          links: graph.edges.map((e) => ({ parent: e.to, child: e.from })),
        }),
      ),
    );
    const ms = performance.now() - started;
    console.log(
      `ELK layout of ${boxes.length} tables in 16 domains, ${graph.edges.length} relationships: ${Math.round(ms)} ms`,
    );
    expect(layout.boxes.size).toBe(480);
    expect(layout.groups.size).toBe(16);
    const rects = boxes.map((b) => ({
      ...layout.boxes.get(b.node.id)!,
      w: b.width,
      h: b.height,
      domain: b.node.domain,
    }));
    let overlaps = 0;
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i]!;
        const b = rects[j]!;
        if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) overlaps++;
      }
    expect(overlaps).toBe(0);
    // Each table sits inside its domain's frame.
    const outside = rects.filter((r) => {
      const f = layout.groups.get(r.domain)!;
      return r.x < f.x || r.y < f.y || r.x + r.w > f.x + f.width || r.y + r.h > f.y + f.height;
    });
    expect(outside).toEqual([]);
    // Parents sit left of their children (layered, direction RIGHT).
    const hub = layout.boxes.get('D03_HUB')!;
    expect(layout.boxes.get('D03_T19')!.x).toBeGreaterThan(hub.x);
    expect(ms).toBeLessThan(20_000);
  });

  it('lays out without groups as one layered graph', async () => {
    const { domains, links } = domainClusters(visibleGraph(erd, all));
    const layout = positionsOf(
      await new ELK().layout(
        elkGraphOf({
          boxes: domains.map((d) => ({ id: d.domain, width: d.width, height: d.height })),
          links: links.map((l) => ({ parent: l.to, child: l.from })),
        }),
      ),
    );
    expect(layout.groups.size).toBe(0);
    expect(layout.boxes.size).toBe(16);
    expect(layout.boxes.get('D05')!.x).toBeGreaterThan(layout.boxes.get('D00')!.x);
  });
});
