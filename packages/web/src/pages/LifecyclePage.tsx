import {
  Alert,
  Anchor,
  Button,
  Card,
  Grid,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import {
  defectLevels,
  type LifecycleStage,
  lifecycleStages,
  type ReleaseProfile,
  releaseProfiles,
  runsApi,
} from '../api/runs-api';
import { settingsApi } from '../api/settings-api';
import { ErrorAlert } from '../components/ErrorAlert';
import { SnapshotCard } from '../components/lifecycle/SnapshotCard';
import { PageHeader } from '../components/PageHeader';
import { RunProgressView } from '../components/RunProgressView';
import { StatusBadge } from '../components/StatusBadge';
import { useNotifyingMutation } from '../hooks/useNotifyingMutation';
import { useProjectId } from '../hooks/useProjectContext';
import { useRunProgress } from '../hooks/useRunProgress';
import { useSession } from '../hooks/useSession';

type Mode = 'all' | 'from' | 'stage';
const laterStages = lifecycleStages.filter((s) => s !== 'generate').map((s) => ({ value: s, label: s }));

/**
 * Lifecycle: run every stage on a generated cohort (or stop after one), rerun from a stage, or run one stage alone
 * (stage by stage, each reusing the current run's earlier artefacts); live progress of the run; restore a snapshot.
 */
export function LifecyclePage() {
  const projectId = useProjectId();
  const { can } = useSession();
  const mayRun = can('lifecycle.run');
  const settings = useQuery({ queryKey: ['settings', projectId], queryFn: () => settingsApi.get(projectId) });
  const latest = useQuery({ queryKey: ['runs', projectId, 1, 1], queryFn: () => runsApi.list(projectId, 1, 1) });
  const [mode, setMode] = useState<Mode>('all');
  const [toStage, setToStage] = useState<LifecycleStage>('evidence');
  const [oneStage, setOneStage] = useState<LifecycleStage>('profile');
  const [profile, setProfile] = useState<ReleaseProfile>('development');
  const [patients, setPatients] = useState<number | string>(200);
  const [seed, setSeed] = useState<number | string>(1);
  const [defects, setDefects] = useState<string>('typical');
  const [fromStage, setFromStage] = useState<LifecycleStage>('gate');
  const [followed, setFollowed] = useState<string | null>(null);
  useEffect(() => {
    if (settings.data) setProfile(settings.data.defaultReleaseProfile);
  }, [settings.data]);
  const latestRun = latest.data?.items[0] ?? null;
  useEffect(() => {
    if (!followed && latestRun && (latestRun.status === 'queued' || latestRun.status === 'running'))
      setFollowed(latestRun.id);
  }, [followed, latestRun]);
  const progress = useRunProgress(followed);
  const client = useQueryClient();
  // A finished run becomes the current run (the base of the next rerun) and changes the list of snapshots.
  useEffect(() => {
    if (progress.finished) {
      void client.invalidateQueries({ queryKey: ['current-run', projectId] });
      void client.invalidateQueries({ queryKey: ['runs', projectId] });
    }
  }, [progress.finished, client, projectId]);
  const start = useNotifyingMutation(
    () =>
      runsApi.start(
        projectId,
        mode === 'all'
          ? {
              releaseProfile: profile,
              source: {
                kind: 'generated',
                patients: Number(patients),
                seed: Number(seed),
                defects: defects as (typeof defectLevels)[number],
              },
              ...(toStage !== 'evidence' ? { toStage } : {}),
            }
          : mode === 'from'
            ? { releaseProfile: profile, fromStage }
            : { releaseProfile: profile, fromStage: oneStage, toStage: oneStage },
      ),
    {
      success: (run) => `Run ${run.id.slice(0, 8)} queued`,
      invalidate: [
        ['runs', projectId],
        ['current-run', projectId],
      ],
    },
  );
  const cancel = useNotifyingMutation((runId: string) => runsApi.cancel(runId), {
    success: 'Cancellation requested',
    invalidate: [['runs', projectId]],
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    start.mutate(undefined, { onSuccess: (run) => setFollowed(run.id) });
  };
  const running = Boolean(followed) && !progress.finished;
  return (
    <>
      <PageHeader
        title="Lifecycle"
        description="catalog → generate → profile → map → migrate → check → gate → reconcile → evidence"
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder>
            <Title order={3} size="h5" mb="sm">
              Start a run
            </Title>
            {mayRun ? (
              <form onSubmit={submit} aria-label="Start a run">
                <Stack gap="sm">
                  <SegmentedControl
                    aria-label="Run"
                    value={mode}
                    onChange={(v) => setMode(v as Mode)}
                    data={[
                      { value: 'all', label: 'All stages' },
                      { value: 'from', label: 'Rerun from a stage' },
                      { value: 'stage', label: 'One stage' },
                    ]}
                  />
                  <Select
                    label="Release profile"
                    data={releaseProfiles.map((p) => ({ value: p, label: p.replace('_', ' ') }))}
                    value={profile}
                    onChange={(v) => v && setProfile(v as ReleaseProfile)}
                    allowDeselect={false}
                  />
                  {mode === 'all' ? (
                    <>
                      <NumberInput
                        label="Patients in the generated cohort"
                        min={1}
                        max={1_000_000}
                        value={patients}
                        onChange={setPatients}
                      />
                      <Group grow>
                        <NumberInput label="Seed" min={0} value={seed} onChange={setSeed} />
                        <Select
                          label="Defects"
                          data={[...defectLevels]}
                          value={defects}
                          onChange={(v) => v && setDefects(v)}
                          allowDeselect={false}
                        />
                      </Group>
                      <Select
                        label="Stop after"
                        description="Stop early to go on stage by stage"
                        data={lifecycleStages.map((s) => ({
                          value: s,
                          label: s === 'evidence' ? 'evidence (all stages)' : s,
                        }))}
                        value={toStage}
                        onChange={(v) => v && setToStage(v as LifecycleStage)}
                        allowDeselect={false}
                      />
                    </>
                  ) : mode === 'from' ? (
                    <Select
                      label="From stage"
                      description="Earlier stages' artefacts are reused from the current run"
                      data={laterStages}
                      value={fromStage}
                      onChange={(v) => v && setFromStage(v as LifecycleStage)}
                      allowDeselect={false}
                    />
                  ) : (
                    <Select
                      label="Stage"
                      description="Runs this stage alone, reusing the current run's earlier stages; the run stops after it"
                      data={laterStages}
                      value={oneStage}
                      onChange={(v) => v && setOneStage(v as LifecycleStage)}
                      allowDeselect={false}
                    />
                  )}
                  <ErrorAlert error={start.error} title="The run was not started" />
                  <Button type="submit" loading={start.isPending} disabled={running}>
                    {mode === 'all'
                      ? toStage === 'evidence'
                        ? 'Run all stages'
                        : `Run to ${toStage}`
                      : mode === 'from'
                        ? `Rerun from ${fromStage}`
                        : `Run ${oneStage} alone`}
                  </Button>
                </Stack>
              </form>
            ) : (
              <Alert color="gray">Your role cannot start runs (lifecycle.run).</Alert>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder>
            <Group justify="space-between" mb="sm">
              <Title order={3} size="h5">
                {followed ? `Run ${followed.slice(0, 8)}` : 'Progress'}
              </Title>
              {followed ? (
                <Group gap="xs">
                  <Anchor component={Link} to={`/projects/${projectId}/runs/${followed}`} size="sm">
                    Open run
                  </Anchor>
                  {mayRun && running ? (
                    <Button size="xs" color="red.9" variant="outline" onClick={() => cancel.mutate(followed)}>
                      Cancel
                    </Button>
                  ) : null}
                </Group>
              ) : null}
            </Group>
            {followed ? (
              <RunProgressView progress={progress} />
            ) : latestRun ? (
              <Text size="sm">
                Latest run {latestRun.id.slice(0, 8)}: <StatusBadge status={latestRun.status} />{' '}
                {latestRun.outcome ? <StatusBadge status={latestRun.outcome} /> : null}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                No run yet.
              </Text>
            )}
          </Card>
          <SnapshotCard projectId={projectId} mayRestore={mayRun} busy={running} />
        </Grid.Col>
      </Grid>
    </>
  );
}
