import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { DomainBox } from './erd-graph';

/** The data of one domain cluster node. */
export interface DomainNodeData extends Record<string, unknown> {
  box: DomainBox;
  highlighted: boolean;
  domainColour: string;
}

/** A domain as one box: its name on its colour, and how many tables (in scope) and inner relationships it holds. */
export const DomainNode = memo(function DomainNode({ data, selected }: NodeProps & { data: DomainNodeData }) {
  const { box, highlighted, domainColour } = data;
  return (
    <div
      style={{
        width: box.width,
        height: box.height,
        background: '#fff',
        border: `${selected || highlighted ? 3 : 1}px solid ${highlighted ? '#ffb81c' : selected ? '#005eb8' : '#768692'}`,
        borderRadius: 6,
        fontFamily: 'system-ui, sans-serif',
        overflow: 'hidden',
        cursor: 'pointer',
      }}
    >
      <Handle type="target" position={Position.Left} style={{ opacity: 0 }} />
      <div style={{ background: domainColour, color: '#fff', padding: '4px 8px', fontWeight: 700, fontSize: 13 }}>
        {box.domain}
      </div>
      <div style={{ padding: '2px 8px', fontSize: 11, lineHeight: '15px', color: '#212b32', whiteSpace: 'nowrap' }}>
        <div>
          {box.tables} table{box.tables === 1 ? '' : 's'}, {box.inScope} in scope
        </div>
        <div>
          {box.internalEdges} relationship{box.internalEdges === 1 ? '' : 's'} inside
        </div>
      </div>
      <Handle type="source" position={Position.Right} style={{ opacity: 0 }} />
    </div>
  );
});
