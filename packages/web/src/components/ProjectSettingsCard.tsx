import { Button, Card, Group, Select, Stack, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type ProjectSettings, settingsApi } from '../api/settings-api';
import { targetsApi } from '../api/targets-api';
import { useActiveOrganisation } from '../hooks/useActiveOrganisation';
import { useNotifyingMutation } from '../hooks/useNotifyingMutation';
import { useSession } from '../hooks/useSession';
import { ErrorAlert } from './ErrorAlert';

/** The runtime defaults of the open project: where runs load, the default release profile, a description. */
export function ProjectSettingsCard({ projectId, projectName }: { projectId: string; projectName: string }) {
  const { can } = useSession();
  const editable = can('project.manage');
  const { orgId } = useActiveOrganisation();
  const settings = useQuery({ queryKey: ['settings', projectId], queryFn: () => settingsApi.get(projectId) });
  const targets = useQuery({
    queryKey: ['targets', orgId],
    queryFn: () => targetsApi.list(orgId!),
    enabled: Boolean(orgId) && can('target.read'),
  });
  const [draft, setDraft] = useState<ProjectSettings | null>(null);
  useEffect(() => {
    if (settings.data) setDraft(settings.data);
  }, [settings.data]);
  const save = useNotifyingMutation(() => settingsApi.update(projectId, draft!), {
    success: 'Project settings saved',
    invalidate: [['settings', projectId]],
  });
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        Runtime defaults of {projectName}
      </Title>
      <ErrorAlert error={settings.error} />
      {draft ? (
        <Stack gap="sm">
          <Select
            label="Target"
            description="Where runs load: an embedded PostgreSQL, CSV LOAD files for the vendor's loader, or one of the organisation's target databases (Settings → Targets)"
            data={[
              { value: 'pglite', label: 'Embedded PostgreSQL (PGlite)' },
              { value: 'csv', label: 'CSV LOAD files' },
              ...(targets.data?.targets ?? []).map((t) => ({
                value: `database:${t.id}`,
                label: `Target database ${t.name} (${t.host}/${t.database}, schema ${t.schema})`,
              })),
              ...(draft.target === 'database' && !targets.data?.targets.some((t) => t.id === draft.targetId)
                ? [{ value: `database:${draft.targetId}`, label: 'A registered target database' }]
                : []),
            ]}
            value={draft.target === 'database' ? `database:${draft.targetId}` : draft.target}
            onChange={(v) => {
              if (!v) return;
              const { targetId: _, ...rest } = draft;
              setDraft(
                v.startsWith('database:')
                  ? { ...rest, target: 'database', targetId: v.slice('database:'.length) }
                  : { ...rest, target: v as ProjectSettings['target'] },
              );
            }}
            disabled={!editable}
            allowDeselect={false}
          />
          <Select
            label="Default release profile"
            data={['development', 'pre_production', 'cutover_ready']}
            value={draft.defaultReleaseProfile}
            onChange={(v) =>
              v && setDraft({ ...draft, defaultReleaseProfile: v as ProjectSettings['defaultReleaseProfile'] })
            }
            disabled={!editable}
            allowDeselect={false}
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={draft.description ?? ''}
            onChange={(e) => setDraft({ ...draft, description: e.currentTarget.value || undefined })}
            disabled={!editable}
          />
          {editable ? (
            <Group justify="flex-end">
              <Button onClick={() => save.mutate(undefined)} loading={save.isPending}>
                Save settings
              </Button>
            </Group>
          ) : null}
        </Stack>
      ) : null}
    </Card>
  );
}
