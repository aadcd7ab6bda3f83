import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import type { GateDecision, GateReport } from '../api/runs-api';

export const decisionLabels: Record<GateDecision['decision'], string> = {
  go: 'go',
  no_go: 'no go',
  rollback: 'roll back',
  withdrawn: 'withdrawal',
};

/**
 * The confirmation of a gate decision: states the release profile the run was gated at (loudly when it is the
 * development profile, whose thresholds are not for cutover), the gate's warnings, the decision it replaces and the
 * rationale, before anything is recorded.
 */
export function GateDecisionDialog({
  decision,
  report,
  current,
  rationale,
  pending,
  onConfirm,
  onClose,
}: {
  decision: GateDecision['decision'] | null;
  report: GateReport;
  current: GateDecision | null;
  rationale: string;
  pending: boolean;
  onConfirm: (decision: GateDecision['decision']) => void;
  onClose: () => void;
}) {
  const profile = report.profile.replace('_', ' ');
  const label = decision ? decisionLabels[decision] : '';
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={decision !== null}
      onClose={onClose}
      size="lg"
      title={decision === 'withdrawn' ? 'Withdraw the current decision?' : `Record a ${label} decision?`}
    >
      <Stack gap="sm" data-testid="gate-decision-confirmation">
        <Text size="sm">
          This run was gated at the <b>{profile}</b> profile: outcome <b>{report.outcome}</b>, {report.summary.blocking}{' '}
          blocking finding(s), {report.warnings.length} warning(s).
        </Text>
        {report.profile === 'development' ? (
          <Alert color="red.9" variant="filled" title="Gated at the development profile">
            The development profile's thresholds are for trying a migration out, not for cutover. A decision on this run
            says nothing about whether the migration meets the rehearsal or cutover thresholds.
          </Alert>
        ) : null}
        {report.warnings.length ? (
          <Alert color="yellow" title={`${report.warnings.length} warning(s) you are accepting`}>
            <List size="sm">
              {report.warnings.slice(0, 10).map((f) => (
                <List.Item key={`${f.code}-${f.checkId ?? ''}-${f.message}`}>{f.message}</List.Item>
              ))}
            </List>
            {report.warnings.length > 10 ? <Text size="xs">and {report.warnings.length - 10} more</Text> : null}
          </Alert>
        ) : null}
        {current ? (
          <Text size="sm">
            This {decision === 'withdrawn' ? 'withdraws' : 'supersedes'} the current decision:{' '}
            <b>{decisionLabels[current.decision]}</b> ({current.note ?? 'no rationale recorded'}).
          </Text>
        ) : null}
        <Text size="sm">
          Rationale: <i>{rationale.trim()}</i>
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color={decision === 'go' ? 'green.9' : 'red.9'}
            loading={pending}
            onClick={() => decision && onConfirm(decision)}
          >
            {decision === 'withdrawn' ? 'Withdraw the decision' : `Record ${label} at the ${profile} profile`}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
