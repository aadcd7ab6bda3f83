import { Chip, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { type ContractRowFilter, type ReviewStatus, reviewStatuses } from '../../api/contract-api';

/**
 * The row filter of the mappings workbench: table and column patterns (`*` wildcards), free text, status chips,
 * domain, owner and mandatory. The same filter drives the list and "apply to every matching row".
 */
export function ContractRowFilters({
  value,
  onChange,
}: {
  value: ContractRowFilter;
  onChange: (filter: ContractRowFilter) => void;
}) {
  const set = <K extends keyof ContractRowFilter>(key: K, v: ContractRowFilter[K]) => onChange({ ...value, [key]: v });
  const text = (key: 'table' | 'column' | 'text' | 'domain' | 'owner') => ({
    value: value[key] ?? '',
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value || undefined),
  });
  return (
    <div>
      <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }} mb="xs">
        <TextInput size="xs" label="Target table" placeholder="e.g. LOAD_PMI or LOAD_*" {...text('table')} />
        <TextInput size="xs" label="Target column" placeholder="e.g. *_DATE" {...text('column')} />
        <TextInput size="xs" label="Text" placeholder="names, transforms, notes" {...text('text')} />
        <TextInput size="xs" label="Domain" placeholder="e.g. patient" {...text('domain')} />
        <TextInput size="xs" label="Owner" placeholder="email" {...text('owner')} />
        <Select
          size="xs"
          label="Mandatory"
          data={[
            { value: 'any', label: 'Any' },
            { value: 'true', label: 'Mandatory only' },
            { value: 'false', label: 'Optional only' },
          ]}
          value={value.mandatory === undefined ? 'any' : String(value.mandatory)}
          onChange={(v) => set('mandatory', v === 'true' ? true : v === 'false' ? false : undefined)}
          allowDeselect={false}
        />
      </SimpleGrid>
      <Chip.Group
        multiple
        value={value.status ?? []}
        onChange={(v) => set('status', v.length ? (v as ReviewStatus[]) : undefined)}
      >
        <Group gap={6} role="group" aria-label="Status">
          {reviewStatuses.map((s) => (
            <Chip key={s} value={s} size="xs" variant="outline">
              {s}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </div>
  );
}
