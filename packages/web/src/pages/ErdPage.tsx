import '@xyflow/react/dist/style.css';
import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  MultiSelect,
  SegmentedControl,
  Select,
  Slider,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Background, Controls, type Edge, MiniMap, type Node, ReactFlow, type ReactFlowInstance } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import type { CatalogSide } from '../api/catalog-api';
import { type ErdEdge, erdApi } from '../api/erd-api';
import { runsApi } from '../api/runs-api';
import { ErrorAlert } from '../components/ErrorAlert';
import { DomainFrame, type DomainFrameData } from '../components/erd/DomainFrame';
import { DomainNode, type DomainNodeData } from '../components/erd/DomainNode';
import {
  boxOf,
  type Density,
  domainClusters,
  domainColours,
  matchingTables,
  visibleGraph,
} from '../components/erd/erd-graph';
import { layoutBoxes } from '../components/erd/erd-layout';
import { TableNode, type TableNodeData } from '../components/erd/TableNode';
import { PageHeader } from '../components/PageHeader';
import { useProjectId } from '../hooks/useProjectContext';
import { useSession } from '../hooks/useSession';

const nodeTypes = { table: TableNode, domain: DomainNode, frame: DomainFrame };

/** Catalogs bigger than this open clustered by domain. */
const clusterAbove = 150;

type ErdFlowNode = Node<TableNodeData> | Node<DomainNodeData> | Node<DomainFrameData>;

/** How long the last drawing took: ELK's layout, and layout plus the first paint of the boxes. */
interface DrawTiming {
  boxes: number;
  layoutMs: number;
  drawMs: number;
}

/**
 * ERD: the catalog as an interactive graph, with table search, a domain filter and a density control (domain
 * clusters, names, keys, all columns) that stays usable at 400+ tables: ELK lays out in a web worker, only boxes in
 * view are rendered, and columns are drawn only when zoomed in far enough to read.
 */
export function ErdPage() {
  const projectId = useProjectId();
  const [side, setSide] = useState<CatalogSide>('source');
  const [density, setDensity] = useState<Density | null>(null);
  const [domains, setDomains] = useState<string[]>([]);
  const [inScopeOnly, setInScopeOnly] = useState(false);
  const [showInferred, setShowInferred] = useState(true);
  const [minConfidence, setMinConfidence] = useState(0.6);
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const [neighboursOnly, setNeighboursOnly] = useState(false);
  const [selectedEdge, setSelectedEdge] = useState<ErdEdge | null>(null);
  const [flow, setFlow] = useState<ReactFlowInstance<ErdFlowNode, Edge> | null>(null);
  const [laidOut, setLaidOut] = useState<{ nodes: ErdFlowNode[]; edges: Edge[]; startedAt: number } | null>(null);
  const [layingOut, setLayingOut] = useState(false);
  const [timing, setTiming] = useState<DrawTiming | null>(null);
  /** Drawings completed so far (tests wait for the next one). */
  const [draws, setDraws] = useState(0);

  const { can } = useSession();
  /** A finished run whose source extract measures value containment (source side), or none. */
  const [dataRun, setDataRun] = useState<string | null>(null);
  const runs = useQuery({
    queryKey: ['runs', projectId, 'erd-data'],
    queryFn: () => runsApi.list(projectId, 1, 20),
    enabled: side === 'source' && can('run.read'),
  });
  const runOptions = useMemo(
    () =>
      (runs.data?.items ?? [])
        .filter((r) => r.lifecycleRunId && ['succeeded', 'failed', 'cancelled'].includes(r.status))
        .map((r) => ({
          value: r.id,
          label: `Run ${r.id.slice(0, 8)} (${r.status}, ${new Date(r.createdAt).toLocaleString('en-GB')})`,
        })),
    [runs.data],
  );
  const erd = useQuery({
    queryKey: ['erd', projectId, side, dataRun],
    queryFn: () => erdApi.erd(projectId, side, side === 'source' ? (dataRun ?? undefined) : undefined),
    staleTime: 5 * 60_000,
  });
  const allDomains = useMemo(() => [...new Set((erd.data?.nodes ?? []).map((n) => n.domain))].sort(), [erd.data]);
  const colours = useMemo(() => domainColours(allDomains), [allDomains]);
  const matches = useMemo(() => matchingTables(erd.data, debouncedSearch), [erd.data, debouncedSearch]);
  // Big catalogs open as domain clusters until the user picks a density.
  const shownDensity: Density = density ?? ((erd.data?.nodes.length ?? 0) > clusterAbove ? 'domains' : 'overview');
  const graph = useMemo(
    () =>
      erd.data
        ? visibleGraph(erd.data, {
            domains,
            inScopeOnly,
            minConfidence,
            showInferred,
            focus: neighboursOnly && matches.length ? matches : null,
          })
        : null,
    [erd.data, domains, inScopeOnly, minConfidence, showInferred, neighboursOnly, matches],
  );

  useEffect(() => {
    if (!graph) return;
    let cancelled = false;
    const startedAt = performance.now();
    setLayingOut(true);
    if (shownDensity === 'domains') {
      const clusters = domainClusters(graph);
      layoutBoxes({
        boxes: clusters.domains.map((d) => ({ id: d.domain, width: d.width, height: d.height })),
        links: clusters.links.map((l) => ({ parent: l.to, child: l.from })),
      }).then(({ boxes: positions }) => {
        if (cancelled) return;
        setTiming({ boxes: clusters.domains.length, layoutMs: performance.now() - startedAt, drawMs: 0 });
        setLaidOut({
          startedAt,
          nodes: clusters.domains.map((d) => ({
            id: d.domain,
            type: 'domain',
            position: positions.get(d.domain) ?? { x: 0, y: 0 },
            width: d.width,
            height: d.height,
            data: { box: d, highlighted: false, domainColour: colours.get(d.domain) ?? '#005eb8' },
            ariaLabel: `Domain ${d.domain}: ${d.tables} tables; press Enter to show its tables`,
          })),
          edges: clusters.links.map((l) => ({
            id: `${l.from}>${l.to}`,
            source: l.to,
            target: l.from,
            label: String(l.count),
            style: { stroke: '#425563', strokeWidth: Math.min(6, 1 + Math.log2(l.count)) },
            ariaLabel: `${l.count} relationships from ${l.from} tables to ${l.to} tables`,
          })),
        });
        setLayingOut(false);
      });
    } else {
      const foreignKeys = new Set(graph.edges.map((e) => `${e.from}.${e.fromColumn}`));
      const boxes = graph.nodes.map((n) => boxOf(n, shownDensity, foreignKeys));
      const perDomain = new Map<string, number>();
      for (const n of graph.nodes) perDomain.set(n.domain, (perDomain.get(n.domain) ?? 0) + 1);
      layoutBoxes({
        boxes: boxes.map((b) => ({ id: b.node.id, width: b.width, height: b.height, group: b.node.domain })),
        links: graph.edges.map((e) => ({ parent: e.to, child: e.from })),
      }).then(({ boxes: positions, groups }) => {
        if (cancelled) return;
        const frames: Node<DomainFrameData>[] = [...groups].map(([domain, frame]) => ({
          id: `frame:${domain}`,
          type: 'frame',
          position: { x: frame.x, y: frame.y },
          width: frame.width,
          height: frame.height,
          data: {
            domain,
            tables: perDomain.get(domain) ?? 0,
            width: frame.width,
            height: frame.height,
            domainColour: colours.get(domain) ?? '#005eb8',
          },
          zIndex: -1,
          selectable: false,
          focusable: false,
          draggable: false,
          ariaLabel: `Domain ${domain}`,
        }));
        setTiming({ boxes: boxes.length, layoutMs: performance.now() - startedAt, drawMs: 0 });
        setLaidOut({
          startedAt,
          nodes: [
            ...frames,
            ...boxes.map((b) => ({
              id: b.node.id,
              type: 'table',
              position: positions.get(b.node.id) ?? { x: 0, y: 0 },
              width: b.width,
              height: b.height,
              data: { box: b, highlighted: false, domainColour: colours.get(b.node.domain) ?? '#005eb8' },
              ariaLabel: `Table ${b.node.id}, domain ${b.node.domain}${b.node.inScope ? '' : ', out of scope'}`,
            })),
          ],
          edges: graph.edges.map((e, i) => ({
            id: `${e.from}.${e.fromColumn}-${e.to}.${e.toColumn}-${i}`,
            source: e.to,
            target: e.from,
            style:
              e.kind === 'declared'
                ? { stroke: '#425563' }
                : { stroke: '#768692', strokeDasharray: '4 3', opacity: 0.4 + 0.6 * e.confidence },
            ariaLabel: `${e.from}.${e.fromColumn} refers to ${e.to}.${e.toColumn} (${e.kind}${e.kind === 'inferred' ? `, confidence ${e.confidence.toFixed(2)}` : ''})`,
            data: { edge: e },
          })),
        });
        setLayingOut(false);
      });
    }
    return () => {
      cancelled = true;
    };
  }, [graph, shownDensity, colours]);

  // Fit the new drawing, then take the time once the browser has painted it (two animation frames).
  useEffect(() => {
    if (!flow || !laidOut) return;
    let frame = requestAnimationFrame(() => {
      flow.fitView({ duration: 0 });
      frame = requestAnimationFrame(() => {
        const drawMs = performance.now() - laidOut.startedAt;
        setTiming((t) => (t ? { ...t, drawMs } : t));
        setDraws((n) => n + 1);
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [flow, laidOut]);

  const nodes = useMemo(() => {
    if (!laidOut) return [];
    const hit = new Set(matches);
    const hitDomains = new Set(erd.data?.nodes.filter((n) => hit.has(n.id)).map((n) => n.domain));
    return laidOut.nodes.map((n) =>
      (n.type === 'domain' ? hitDomains.has(n.id) : hit.has(n.id))
        ? { ...n, data: { ...n.data, highlighted: true } }
        : n,
    ) as ErdFlowNode[];
  }, [laidOut, matches, erd.data]);

  const focusMatches = () => {
    if (!matches.length) return;
    if (shownDensity === 'domains') {
      // Leave the clusters for the matching tables and their neighbours.
      setDensity('overview');
      setNeighboursOnly(true);
      return;
    }
    flow?.fitView({ nodes: matches.map((id) => ({ id })), duration: 300, maxZoom: 1.2 });
  };
  const openDomain = (domain: string) => {
    setDomains([domain]);
    setDensity('overview');
  };
  const stats = erd.data?.stats;
  return (
    <>
      <PageHeader
        title="Entity-relationship diagram"
        description={
          stats
            ? `${erd.data?.name}: ${stats.tables} tables, ${stats.declaredEdges} declared and ${stats.inferredEdges} inferred relationships${stats.tablesWithData ? ` (value containment measured on ${stats.tablesWithData} tables)` : ''}; showing ${graph?.nodes.length ?? 0} tables and ${graph?.edges.length ?? 0} relationships`
            : 'Tables and their relationships'
        }
        actions={
          <SegmentedControl
            aria-label="Catalog"
            value={side}
            onChange={(v) => {
              setSide(v as CatalogSide);
              setDomains([]);
              setDataRun(null);
              setDensity(null);
            }}
            data={[
              { value: 'source', label: 'Source' },
              { value: 'target', label: 'Target' },
            ]}
          />
        }
      />
      <ErrorAlert error={erd.error} />
      <Card withBorder mb="sm" padding="xs">
        <Group align="flex-end" gap="md" wrap="wrap">
          <TextInput
            size="xs"
            label="Find table"
            placeholder="e.g. PATIENT"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') focusMatches();
            }}
            w={180}
          />
          <Button size="xs" variant="light" disabled={!matches.length} onClick={focusMatches}>
            Show {matches.length || ''} match{matches.length === 1 ? '' : 'es'}
          </Button>
          <Switch
            size="xs"
            label="Matches and neighbours only"
            checked={neighboursOnly}
            onChange={(e) => setNeighboursOnly(e.currentTarget.checked)}
          />
          <MultiSelect
            size="xs"
            label="Domains"
            placeholder={domains.length ? undefined : 'All'}
            data={allDomains}
            value={domains}
            onChange={setDomains}
            w={240}
            clearable
            searchable
          />
          <Stack gap={2}>
            <Text size="xs" fw={500} id="density-label">
              Density
            </Text>
            <SegmentedControl
              size="xs"
              aria-labelledby="density-label"
              value={shownDensity}
              onChange={(v) => setDensity(v as Density)}
              data={[
                { value: 'domains', label: 'Domains' },
                { value: 'overview', label: 'Names' },
                { value: 'keys', label: 'Keys' },
                { value: 'full', label: 'All columns' },
              ]}
            />
          </Stack>
          {side === 'source' && can('run.read') ? (
            <Select
              size="xs"
              label="Measured on data"
              placeholder="Names and descriptions only"
              data={runOptions}
              value={dataRun}
              onChange={setDataRun}
              clearable
              w={280}
            />
          ) : null}
          <Switch
            size="xs"
            label="In scope only"
            checked={inScopeOnly}
            onChange={(e) => setInScopeOnly(e.currentTarget.checked)}
          />
          <Switch
            size="xs"
            label="Inferred relationships"
            checked={showInferred}
            onChange={(e) => setShowInferred(e.currentTarget.checked)}
          />
          <Stack gap={2} w={160}>
            <Text size="xs" fw={500} id="confidence-label">
              Min. confidence {minConfidence.toFixed(2)}
            </Text>
            <Slider
              size="xs"
              min={0}
              max={1}
              step={0.05}
              value={minConfidence}
              onChange={setMinConfidence}
              disabled={!showInferred}
              thumbProps={{ 'aria-labelledby': 'confidence-label' }}
            />
          </Stack>
        </Group>
      </Card>
      {selectedEdge ? (
        <Alert
          color="ferry"
          mb="sm"
          withCloseButton
          closeButtonLabel="Close relationship details"
          onClose={() => setSelectedEdge(null)}
          title={`${selectedEdge.from}.${selectedEdge.fromColumn} → ${selectedEdge.to}.${selectedEdge.toColumn}`}
        >
          <Text size="sm">
            {selectedEdge.kind}, confidence {selectedEdge.confidence.toFixed(2)}
            {selectedEdge.containment !== undefined
              ? `, ${Math.round(selectedEdge.containment * 100)}% of values found in the parent`
              : ''}
          </Text>
          {selectedEdge.evidence.map((e) => (
            <Text key={e} size="xs">
              · {e}
            </Text>
          ))}
        </Alert>
      ) : null}
      <div
        data-testid="erd-canvas"
        data-density={shownDensity}
        data-boxes={timing?.boxes ?? 0}
        data-layout-ms={timing ? Math.round(timing.layoutMs) : ''}
        data-draw-ms={timing?.drawMs ? Math.round(timing.drawMs) : ''}
        data-busy={erd.isPending || layingOut ? 'true' : 'false'}
        data-draws={draws}
        style={{
          height: 'calc(100vh - 330px)',
          minHeight: 420,
          border: '1px solid #dee2e6',
          borderRadius: 4,
          position: 'relative',
        }}
      >
        {erd.isPending || layingOut ? (
          <Group pos="absolute" top={8} left={8} style={{ zIndex: 5 }} gap="xs">
            <Loader size="xs" />
            <Text size="xs">Laying out…</Text>
          </Group>
        ) : null}
        <ReactFlow<ErdFlowNode, Edge>
          nodes={nodes}
          edges={laidOut?.edges ?? []}
          nodeTypes={nodeTypes}
          onInit={setFlow}
          fitView
          minZoom={0.02}
          maxZoom={2}
          onlyRenderVisibleElements
          nodesDraggable={false}
          nodesConnectable={false}
          onNodeClick={(_, node) => {
            if (node.type === 'domain') openDomain(node.id);
          }}
          onNodeDoubleClick={(_, node) => {
            if (node.type === 'table') setSearch(node.id);
          }}
          onKeyDown={(e) => {
            const id = (e.target as HTMLElement).closest('.react-flow__node')?.getAttribute('data-id');
            if (e.key === 'Enter' && id && shownDensity === 'domains') openDomain(id);
          }}
          onEdgeClick={(_, edge) => {
            const data = edge.data as { edge?: ErdEdge } | undefined;
            if (data?.edge) setSelectedEdge(data.edge);
          }}
          aria-label="Entity-relationship diagram"
        >
          <Background gap={24} />
          <Controls showInteractive={false} />
          <MiniMap
            pannable
            zoomable
            nodeColor={(n) => (n.type === 'frame' ? 'transparent' : (n.data as TableNodeData).domainColour)}
            ariaLabel="Overview map"
          />
        </ReactFlow>
      </div>
      <Text size="xs" c="dimmed" mt={4} role="status" data-testid="erd-timing">
        {timing && !layingOut
          ? `${timing.boxes} ${shownDensity === 'domains' ? 'domains' : 'tables'} laid out in ${Math.round(timing.layoutMs)} ms${timing.drawMs ? `, drawn in ${Math.round(timing.drawMs)} ms` : ''}${shownDensity === 'domains' ? '; choose a domain to see its tables' : ''}`
          : ''}
      </Text>
    </>
  );
}
