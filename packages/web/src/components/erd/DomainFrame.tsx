import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';

/** The data of a domain frame drawn behind the tables of one domain. */
export interface DomainFrameData extends Record<string, unknown> {
  domain: string;
  tables: number;
  width: number;
  height: number;
  domainColour: string;
}

/** A labelled frame around a domain's tables (the tables are laid out domain by domain). */
export const DomainFrame = memo(function DomainFrame({ data }: NodeProps & { data: DomainFrameData }) {
  return (
    <div
      style={{
        width: data.width,
        height: data.height,
        border: `2px dashed ${data.domainColour}`,
        borderRadius: 8,
        background: 'rgba(240, 244, 245, 0.55)',
        fontFamily: 'system-ui, sans-serif',
      }}
    >
      <div style={{ color: data.domainColour, fontWeight: 700, fontSize: 16, padding: '6px 12px' }}>
        {data.domain} · {data.tables} table{data.tables === 1 ? '' : 's'}
      </div>
    </div>
  );
});
