import {
  Button,
  Group,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { catalogApi } from '../../api/catalog-api';
import { type ContractRow, type ContractRowPatch, contractEditApi } from '../../api/contract-api';
import { draftOf, type RowDraft, rowPatchOf } from './row-draft';

/** The source columns of a source table as picker options, keeping names the catalog does not have (shown as such). */
export function useSourceColumnOptions(projectId: string, sourceTable: string, current: readonly string[]) {
  const columns = useQuery({
    queryKey: ['catalog', projectId, 'source', 'columns', sourceTable, 'all'],
    queryFn: () => catalogApi.columns(projectId, 'source', { table: sourceTable, page: 1, pageSize: 500 }),
    staleTime: 5 * 60_000,
    // No table yet: no options (an empty table filter would list every table's columns).
    enabled: sourceTable !== '',
  });
  return useMemo(() => {
    const items = (columns.data?.items ?? []).filter((c) => c.table === sourceTable);
    const known = new Set(items.map((c) => c.name));
    return [
      ...items.map((c) => ({
        value: c.name,
        label: `${c.name} (${c.dataType}${c.maxLength ? ` ${c.maxLength}` : ''})`,
      })),
      ...current.filter((s) => !known.has(s)).map((s) => ({ value: s, label: `${s} (not in the source catalog)` })),
    ];
  }, [columns.data, current, sourceTable]);
}

/** The transform vocabulary, for pickers. */
export function useTransformSteps(): string[] {
  const steps = useQuery({
    queryKey: ['contract', 'transform-steps'],
    queryFn: contractEditApi.transformSteps,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return steps.data?.steps ?? [];
}

/**
 * The edit form of one contract row: where its value comes from (source columns picked from the source catalog, or a
 * constant), the transform steps in order, crosswalk, mandatory flag, what happens to invalid values, defaults per
 * release profile, owner and notes. Saving sends only what changed; the server reopens an approved row whose content
 * changed and refuses a change that would not load, naming the attribute.
 */
export function ContractRowEditor({
  projectId,
  row,
  locked,
  busy,
  onSave,
  onSourceChange,
}: {
  projectId: string;
  row: ContractRow;
  locked: boolean;
  busy: boolean;
  onSave: (patch: ContractRowPatch) => void;
  /** Tells the page which source columns the draft uses (to show their profiles). */
  onSourceChange?: (columns: string[]) => void;
}) {
  const [draft, setDraft] = useState<RowDraft>(() => draftOf(row));
  useEffect(() => setDraft(draftOf(row)), [row]);
  const set = <K extends keyof RowDraft>(key: K, value: RowDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const sourceOptions = useSourceColumnOptions(projectId, row.sourceTable, row.source);
  const steps = useTransformSteps();
  const patch = rowPatchOf(row, draft);
  const changed = Object.keys(patch).length > 0;
  const profiled = draft.fill === 'source' ? draft.source : [];
  const profiledKey = profiled.join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the joined names stand for the list
  useEffect(() => onSourceChange?.(profiled), [profiledKey]);

  return (
    <Stack gap="sm" component="form" aria-label="Edit contract row" onSubmit={(e) => e.preventDefault()}>
      <SegmentedControl
        aria-label="Value comes from"
        value={draft.fill}
        onChange={(v) => set('fill', v as RowDraft['fill'])}
        data={[
          { value: 'source', label: 'Source columns' },
          { value: 'constant', label: 'Constant' },
        ]}
        disabled={locked}
      />
      {draft.fill === 'source' ? (
        <>
          <MultiSelect
            label={`Source column(s) of ${row.sourceTable}`}
            description="Picked from the source catalog; several are combined"
            data={sourceOptions}
            value={draft.source}
            onChange={(v) => set('source', v)}
            searchable
            clearable
            disabled={locked}
            nothingFoundMessage="No such column in the source catalog"
          />
          {draft.source.length > 1 ? (
            <Group grow align="flex-end">
              <Select
                label="Combine"
                data={[
                  { value: 'coalesce', label: 'First non-blank' },
                  { value: 'join', label: 'Join with a separator' },
                ]}
                value={draft.combine}
                onChange={(v) => v && set('combine', v as RowDraft['combine'])}
                allowDeselect={false}
                disabled={locked}
              />
              {draft.combine === 'join' ? (
                <TextInput
                  label="Separator"
                  value={draft.separator}
                  onChange={(e) => set('separator', e.currentTarget.value)}
                  disabled={locked}
                />
              ) : null}
            </Group>
          ) : null}
        </>
      ) : (
        <TextInput
          label="Constant"
          description="The same value on every row (e.g. a system code)"
          value={draft.constant}
          onChange={(e) => set('constant', e.currentTarget.value)}
          disabled={locked}
        />
      )}
      <TagsInput
        label="Transform steps"
        description="Applied in order; pick from the vocabulary"
        data={steps}
        value={draft.transform}
        onChange={(v) => set('transform', v)}
        allowDuplicates
        clearable
        disabled={locked}
      />
      <Group grow align="flex-start">
        <TextInput
          label="Crosswalk"
          description="Code type, applied after the steps"
          value={draft.crosswalk}
          onChange={(e) => set('crosswalk', e.currentTarget.value)}
          disabled={locked}
        />
        <Select
          label="Invalid values"
          description="When a step finds a value invalid"
          data={[
            { value: 'reject', label: 'Reject the row' },
            { value: 'blank', label: 'Load it blank' },
            { value: 'keep', label: 'Keep it as it is' },
          ]}
          value={draft.onInvalid}
          onChange={(v) => v && set('onInvalid', v as RowDraft['onInvalid'])}
          allowDeselect={false}
          disabled={locked}
        />
      </Group>
      <Switch
        label="Mandatory (a blank value is a reject unless a default applies)"
        checked={draft.mandatory}
        onChange={(e) => set('mandatory', e.currentTarget.checked)}
        disabled={locked}
      />
      <SimpleGrid cols={2}>
        <TextInput
          label="Default (development)"
          description="For blank values only"
          value={draft.defaultDevelopment}
          onChange={(e) => set('defaultDevelopment', e.currentTarget.value)}
          disabled={locked}
        />
        <TextInput
          label="Default (pre-production)"
          description="cutover_ready never defaults"
          value={draft.defaultPreProduction}
          onChange={(e) => set('defaultPreProduction', e.currentTarget.value)}
          disabled={locked}
        />
      </SimpleGrid>
      <TextInput
        label="Owner"
        description="Who answers for this field"
        value={draft.owner}
        onChange={(e) => set('owner', e.currentTarget.value)}
        disabled={locked}
      />
      <Textarea
        label="Notes / reason"
        autosize
        minRows={2}
        value={draft.notes}
        onChange={(e) => set('notes', e.currentTarget.value)}
        disabled={locked}
      />
      {locked ? (
        <Text size="sm" c="dimmed">
          This version is locked. Start a new version from it to change rows.
        </Text>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" disabled={!changed || busy} onClick={() => setDraft(draftOf(row))}>
          Undo changes
        </Button>
        <Button type="submit" loading={busy} disabled={locked || !changed} onClick={() => onSave(patch)}>
          Save change
        </Button>
      </Group>
    </Stack>
  );
}
