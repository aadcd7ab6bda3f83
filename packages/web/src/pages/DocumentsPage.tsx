import { Anchor, Button, Card, FileButton, Grid, Group, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { documentsApi, type ProjectDocument } from '../api/documents-api';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { SafeHtml } from '../components/SafeHtml';
import { useNotifyingMutation } from '../hooks/useNotifyingMutation';
import { useProjectId } from '../hooks/useProjectContext';
import { useSession } from '../hooks/useSession';

const isMarkdown = (d: ProjectDocument) =>
  /\.(md|markdown)$/i.test(d.fileName) || d.contentType.startsWith('text/markdown');
const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 ** 2
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/** Documents: browse, upload, download, and read markdown rendered safely. */
export function DocumentsPage() {
  const projectId = useProjectId();
  const { can } = useSession();
  const mayWrite = can('documents.write');
  const docs = useQuery({ queryKey: ['documents', projectId], queryFn: () => documentsApi.list(projectId) });
  const [open, setOpen] = useState<ProjectDocument | null>(null);
  const html = useQuery({
    queryKey: ['document', open?.id, 'html'],
    queryFn: () => documentsApi.html(open!.id),
    enabled: Boolean(open && isMarkdown(open)),
  });
  const upload = useNotifyingMutation((file: File) => documentsApi.upload(projectId, file), {
    success: (d) => `${d.fileName} uploaded`,
    invalidate: [['documents', projectId]],
  });
  const remove = useNotifyingMutation((d: ProjectDocument) => documentsApi.remove(d.id), {
    success: (_, d) => `${d.fileName} deleted`,
    invalidate: [['documents', projectId]],
  });
  return (
    <>
      <PageHeader
        title="Documents"
        description="Specifications, sign-offs and notes of this project"
        actions={
          mayWrite ? (
            <FileButton onChange={(f) => f && upload.mutate(f)}>
              {(props) => (
                <Button {...props} loading={upload.isPending}>
                  Upload a document
                </Button>
              )}
            </FileButton>
          ) : null
        }
      />
      <ErrorAlert error={docs.error} />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Table aria-label="Documents">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Size</Table.Th>
                <Table.Th>Uploaded</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(docs.data ?? []).map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{d.fileName}</Table.Td>
                  <Table.Td>{size(d.bytes)}</Table.Td>
                  <Table.Td>
                    {new Date(d.uploadedAt).toLocaleString('en-GB')}
                    {d.uploadedBy ? ` by ${d.uploadedBy}` : ''}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      {isMarkdown(d) ? (
                        <Button size="compact-xs" variant="light" onClick={() => setOpen(d)}>
                          Read
                        </Button>
                      ) : null}
                      <Anchor href={documentsApi.downloadUrl(d.id)} download size="sm">
                        Download
                      </Anchor>
                      {mayWrite ? (
                        <Button
                          size="compact-xs"
                          color="red.9"
                          variant="subtle"
                          onClick={() => remove.mutate(d)}
                          aria-label={`Delete ${d.fileName}`}
                        >
                          Delete
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {docs.data && !docs.data.length ? (
            <Text size="sm" c="dimmed" mt="sm">
              No document yet.
            </Text>
          ) : null}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          {open ? (
            <Card withBorder>
              <Title order={3} size="h5" mb="xs">
                {open.fileName}
              </Title>
              <ErrorAlert error={html.error} />
              {html.data ? <SafeHtml html={html.data.html} label={open.fileName} /> : null}
            </Card>
          ) : null}
        </Grid.Col>
      </Grid>
    </>
  );
}
