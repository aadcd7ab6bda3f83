import { Badge } from '@mantine/core';
import { type IssueTriage, triageStatusLabels } from '../../api/runs-api';

const colours: Record<IssueTriage['status'], string> = {
  open: 'red.9',
  acknowledged: 'ferry.7',
  accepted_risk: 'orange.9',
  fixed_in_source: 'green.9',
  false_positive: 'gray.7',
};

/** An issue's triage status as a filled badge; "Untriaged" when nobody triaged it. */
export function TriageBadge({ triage }: { triage: IssueTriage | null }) {
  return (
    <Badge
      color={triage ? colours[triage.status] : 'gray.7'}
      variant={triage ? 'filled' : 'outline'}
      size="sm"
      style={{ minWidth: 'max-content' }}
    >
      {triage ? triageStatusLabels[triage.status] : 'Untriaged'}
    </Badge>
  );
}
