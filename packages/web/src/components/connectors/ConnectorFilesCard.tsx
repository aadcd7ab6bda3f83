import { Button, Card, FileButton, Group, ScrollArea, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type Connector, type ConnectorFile, connectorsApi } from '../../api/connectors-api';
import { useNotifyingMutation } from '../../hooks/useNotifyingMutation';
import { ErrorAlert } from '../ErrorAlert';

const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 ** 2
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/** The CSV extracts uploaded to a csv-upload connector (one per table), with upload and delete for those who may. */
export function ConnectorFilesCard({ connector, mayManage }: { connector: Connector; mayManage: boolean }) {
  const key = ['connector-files', connector.id];
  const files = useQuery({ queryKey: key, queryFn: () => connectorsApi.files(connector.id) });
  const upload = useNotifyingMutation(
    async (chosen: File[]) => {
      const done: ConnectorFile[] = [];
      for (const file of chosen) done.push(await connectorsApi.upload(connector.id, file));
      return done;
    },
    {
      success: (done) => `Uploaded ${done.map((f) => f.fileName).join(', ')}`,
      invalidate: [key, ['connector-schema', connector.id]],
    },
  );
  const remove = useNotifyingMutation((f: ConnectorFile) => connectorsApi.removeFile(connector.id, f.id), {
    success: (_, f) => `${f.fileName} deleted`,
    invalidate: [key],
  });
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          Uploaded extracts
        </Title>
        {mayManage ? (
          <FileButton multiple accept=".csv,text/csv" onChange={(chosen) => chosen.length && upload.mutate(chosen)}>
            {(props) => (
              <Button {...props} size="xs" loading={upload.isPending}>
                Upload CSV extracts
              </Button>
            )}
          </FileButton>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        One file per source table, named TABLE.csv; a new upload of a table replaces it. Files are checked whole
        (encoding, header, ragged records) before they are accepted.
      </Text>
      <ErrorAlert error={files.error ?? upload.error} title="Upload refused" />
      <ScrollArea.Autosize mah={480} type="auto">
        <Table aria-label="Uploaded extracts" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Table</Table.Th>
              <Table.Th>Records</Table.Th>
              <Table.Th>Encoding</Table.Th>
              <Table.Th>Size</Table.Th>
              <Table.Th>Uploaded</Table.Th>
              {mayManage ? <Table.Th>Actions</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(files.data ?? []).map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>{f.table}</Table.Td>
                <Table.Td>{f.records.toLocaleString('en-GB')}</Table.Td>
                <Table.Td>{f.encoding}</Table.Td>
                <Table.Td>{size(f.bytes)}</Table.Td>
                <Table.Td>{new Date(f.uploadedAt).toLocaleString('en-GB')}</Table.Td>
                {mayManage ? (
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      color="red.9"
                      variant="subtle"
                      onClick={() => remove.mutate(f)}
                      aria-label={`Delete ${f.fileName}`}
                    >
                      Delete
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {files.data && !files.data.length ? (
        <Text size="sm" c="dimmed" mt="sm">
          No extract uploaded yet.
        </Text>
      ) : null}
    </Card>
  );
}
