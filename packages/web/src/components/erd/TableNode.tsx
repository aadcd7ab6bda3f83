import { Handle, type NodeProps, Position, type ReactFlowState, useStore } from '@xyflow/react';
import { memo } from 'react';
import type { TableBox } from './erd-graph';

/** The data of one table node. */
export interface TableNodeData extends Record<string, unknown> {
  box: TableBox;
  highlighted: boolean;
  domainColour: string;
}

/** Below this zoom a column line is under 6 px high: unreadable, so not drawn (the box keeps its size). */
export const columnsReadableZoom = 0.4;
const readable = (s: ReactFlowState) => s.transform[2] >= columnsReadableZoom;

/**
 * A table in the ERD: its name on a domain-coloured header and, at higher densities, its columns, drawn only when
 * zoomed in far enough to read them (hundreds of tables at once stay light).
 */
export const TableNode = memo(function TableNode({ data, selected }: NodeProps & { data: TableNodeData }) {
  const { box, highlighted, domainColour } = data;
  const showColumns = useStore(readable);
  return (
    <div
      data-table={box.node.id}
      style={{
        width: box.width,
        height: box.height,
        background: '#fff',
        border: `${selected || highlighted ? 3 : 1}px solid ${highlighted ? '#ffb81c' : selected ? '#005eb8' : '#768692'}`,
        borderRadius: 4,
        fontSize: 11,
        fontFamily: 'system-ui, sans-serif',
        opacity: box.node.inScope ? 1 : 0.7,
        overflow: 'hidden',
      }}
    >
      <Handle type="target" position={Position.Left} style={{ opacity: 0 }} />
      <div
        style={{
          background: domainColour,
          color: '#fff',
          padding: '4px 6px',
          fontWeight: 700,
          whiteSpace: 'nowrap',
          overflow: 'hidden',
        }}
      >
        {box.node.id}
      </div>
      {box.columns.length && showColumns ? (
        <div style={{ padding: '4px 6px' }}>
          {box.columns.map((c) => (
            <div
              key={c.name}
              style={{
                display: 'flex',
                justifyContent: 'space-between',
                gap: 6,
                lineHeight: '16px',
                whiteSpace: 'nowrap',
              }}
            >
              <span style={{ fontWeight: c.key ? 700 : 400 }}>
                {c.key ? `${c.key} ` : ''}
                {c.name}
              </span>
              <span style={{ color: '#495057' }}>{c.dataType}</span>
            </div>
          ))}
        </div>
      ) : null}
      <Handle type="source" position={Position.Right} style={{ opacity: 0 }} />
    </div>
  );
});
