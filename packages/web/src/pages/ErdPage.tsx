import '@xyflow/react/dist/style.css';
import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  MultiSelect,
  SegmentedControl,
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
import { chartColours } from '../components/EChart';
import { ErrorAlert } from '../components/ErrorAlert';
import { boxOf, type Density, layoutBoxes, visibleGraph } from '../components/erd/erd-layout';
import { TableNode, type TableNodeData } from '../components/erd/TableNode';
import { PageHeader } from '../components/PageHeader';
import { useProjectId } from '../hooks/useProjectContext';

const nodeTypes = { table: TableNode };

/** ERD: the catalog as an interactive graph, with table search, domain filter and a density control for 400+ tables. */
export function ErdPage() {
  const projectId = useProjectId();
  const [side, setSide] = useState<CatalogSide>('source');
  const [density, setDensity] = useState<Density>('overview');
  const [domains, setDomains] = useState<string[]>([]);
  const [inScopeOnly, setInScopeOnly] = useState(true);
  const [showInferred, setShowInferred] = useState(true);
  const [minConfidence, setMinConfidence] = useState(0.6);
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim().toUpperCase(), 250);
  const [neighboursOnly, setNeighboursOnly] = useState(false);
  const [selectedEdge, setSelectedEdge] = useState<ErdEdge | null>(null);
  const [flow, setFlow] = useState<ReactFlowInstance<Node<TableNodeData>, Edge> | null>(null);
  const [laidOut, setLaidOut] = useState<{ nodes: Node<TableNodeData>[]; edges: Edge[] } | null>(null);
  const [layingOut, setLayingOut] = useState(false);

  const erd = useQuery({
    queryKey: ['erd', projectId, side],
    queryFn: () => erdApi.erd(projectId, side),
    staleTime: 5 * 60_000,
  });
  const allDomains = useMemo(() => [...new Set((erd.data?.nodes ?? []).map((n) => n.domain))].sort(), [erd.data]);
  const domainColour = useMemo(
    () => new Map(allDomains.map((d, i) => [d, chartColours[i % chartColours.length]!])),
    [allDomains],
  );
  const matches = useMemo(
    () =>
      debouncedSearch && erd.data ? erd.data.nodes.filter((n) => n.id.includes(debouncedSearch)).map((n) => n.id) : [],
    [erd.data, debouncedSearch],
  );
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
    setLayingOut(true);
    const foreignKeys = new Set(graph.edges.map((e) => `${e.from}.${e.fromColumn}`));
    const boxes = graph.nodes.map((n) => boxOf(n, density, foreignKeys));
    layoutBoxes(boxes, graph.edges).then((positions) => {
      if (cancelled) return;
      setLaidOut({
        nodes: boxes.map((b) => ({
          id: b.node.id,
          type: 'table',
          position: positions.get(b.node.id) ?? { x: 0, y: 0 },
          data: { box: b, highlighted: false, domainColour: domainColour.get(b.node.domain) ?? '#005eb8' },
          ariaLabel: `Table ${b.node.id}, domain ${b.node.domain}${b.node.inScope ? '' : ', out of scope'}`,
        })),
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
    return () => {
      cancelled = true;
    };
  }, [graph, density, domainColour]);

  useEffect(() => {
    if (flow && laidOut) requestAnimationFrame(() => flow.fitView({ duration: 200 }));
  }, [flow, laidOut]);

  const nodes = useMemo(() => {
    if (!laidOut) return [];
    const hit = new Set(matches);
    return laidOut.nodes.map((n) => (hit.has(n.id) ? { ...n, data: { ...n.data, highlighted: true } } : n));
  }, [laidOut, matches]);

  const focusMatches = () => {
    if (flow && matches.length) flow.fitView({ nodes: matches.map((id) => ({ id })), duration: 300, maxZoom: 1.2 });
  };
  const stats = erd.data?.stats;
  return (
    <>
      <PageHeader
        title="Entity-relationship diagram"
        description={
          stats
            ? `${erd.data?.name}: ${stats.tables} tables, ${stats.declaredEdges} declared and ${stats.inferredEdges} inferred relationships; showing ${graph?.nodes.length ?? 0} tables and ${graph?.edges.length ?? 0} relationships`
            : 'Tables and their relationships'
        }
        actions={
          <SegmentedControl
            aria-label="Catalog"
            value={side}
            onChange={(v) => {
              setSide(v as CatalogSide);
              setDomains([]);
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
            placeholder="All"
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
              value={density}
              onChange={(v) => setDensity(v as Density)}
              data={[
                { value: 'overview', label: 'Names' },
                { value: 'keys', label: 'Keys' },
                { value: 'full', label: 'All columns' },
              ]}
            />
          </Stack>
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
          closeButtonLabel="Dismiss"
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
        <ReactFlow
          nodes={nodes}
          edges={laidOut?.edges ?? []}
          nodeTypes={nodeTypes}
          onInit={setFlow}
          fitView
          minZoom={0.05}
          maxZoom={2}
          onlyRenderVisibleElements
          nodesDraggable
          nodesConnectable={false}
          onEdgeClick={(_, edge) => setSelectedEdge((edge.data as { edge: ErdEdge }).edge)}
          aria-label="Entity-relationship diagram"
        >
          <Background gap={24} />
          <Controls showInteractive={false} />
          <MiniMap
            pannable
            zoomable
            nodeColor={(n) => (n.data as TableNodeData).domainColour}
            ariaLabel="Overview map"
          />
        </ReactFlow>
      </div>
    </>
  );
}
