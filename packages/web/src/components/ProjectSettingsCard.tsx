import { Button, Card, Group, Select, Stack, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type ProjectSettings, settingsApi } from '../api/settings-api';
import { useNotifyingMutation } from '../hooks/useNotifyingMutation';
import { useSession } from '../hooks/useSession';
import { ErrorAlert } from './ErrorAlert';

/** The runtime defaults of the open project: where runs load, the default release profile, a description. */
export function ProjectSettingsCard({ projectId, projectName }: { projectId: string; projectName: string }) {
  const { can } = useSession();
  const editable = can('project.manage');
  const settings = useQuery({ queryKey: ['settings', projectId], queryFn: () => settingsApi.get(projectId) });
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
            description="Where runs load: an embedded PostgreSQL, or CSV LOAD files for the vendor's loader"
            data={[
              { value: 'pglite', label: 'Embedded PostgreSQL (PGlite)' },
              { value: 'csv', label: 'CSV LOAD files' },
            ]}
            value={draft.target}
            onChange={(v) => v && setDraft({ ...draft, target: v as ProjectSettings['target'] })}
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
