import { Checkbox, Group, Pagination, ScrollArea, Select, Table, Text, UnstyledButton } from '@mantine/core';
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type RowSelectionState,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useMemo, useRef } from 'react';

/** Server-side paging state: pages from 1. */
export interface Paging {
  page: number;
  pageSize: number;
  total: number;
  onPage(page: number): void;
  onPageSize?(pageSize: number): void;
}

export interface DataTableProps<T> {
  /** What the table lists, for screen readers. */
  label: string;
  columns: ColumnDef<T, unknown>[];
  rows: T[];
  rowId: (row: T) => string;
  paging?: Paging;
  /** Server-side sort (one column); columns with enableSorting get a sort button. */
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  /** Row selection by id (checkboxes in the first column). */
  selection?: RowSelectionState;
  onSelectionChange?: (selection: RowSelectionState) => void;
  onRowClick?: (row: T) => void;
  /** Height of the scrolling body; rows outside it are not rendered. */
  height?: number;
  rowHeight?: number;
  empty?: ReactNode;
  loading?: boolean;
}

const pageSizes = ['25', '50', '100', '200', '500'];

/**
 * A dense table for thousands of rows: only the rows in view are rendered (virtualised), paging and sorting are done
 * by the server, rows can be selected for bulk actions, and a row opens with Enter as well as a click.
 */
export function DataTable<T>({
  label,
  columns,
  rows,
  rowId,
  paging,
  sorting,
  onSortingChange,
  selection,
  onSelectionChange,
  onRowClick,
  height = 560,
  rowHeight = 34,
  empty = 'Nothing to show',
  loading,
}: DataTableProps<T>) {
  const withSelection = Boolean(selection && onSelectionChange);
  const allColumns = useMemo<ColumnDef<T, unknown>[]>(() => {
    if (!withSelection) return columns;
    const select: ColumnDef<T, unknown> = {
      id: '__select',
      size: 36,
      enableSorting: false,
      header: ({ table }) => (
        <Checkbox
          aria-label="Select all rows on this page"
          size="xs"
          checked={table.getIsAllRowsSelected()}
          indeterminate={table.getIsSomeRowsSelected()}
          onChange={table.getToggleAllRowsSelectedHandler()}
        />
      ),
      cell: ({ row }) => (
        <Checkbox
          aria-label={`Select row ${row.id}`}
          size="xs"
          checked={row.getIsSelected()}
          onChange={row.getToggleSelectedHandler()}
          onClick={(e) => e.stopPropagation()}
        />
      ),
    };
    return [select, ...columns];
  }, [columns, withSelection]);

  const table = useReactTable({
    data: rows,
    columns: allColumns,
    getRowId: (row) => rowId(row),
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    enableRowSelection: withSelection,
    state: { sorting: sorting ?? [], rowSelection: selection ?? {} },
    onSortingChange: (updater) => {
      if (!onSortingChange) return;
      onSortingChange(typeof updater === 'function' ? updater(sorting ?? []) : updater);
    },
    onRowSelectionChange: (updater) => {
      if (!onSelectionChange) return;
      onSelectionChange(typeof updater === 'function' ? updater(selection ?? {}) : updater);
    },
  });

  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;
  const colCount = allColumns.length;

  return (
    <div>
      <ScrollArea.Autosize
        mah={height}
        viewportRef={scrollRef}
        type="auto"
        offsetScrollbars
        // A keyboard user scrolls the table from its viewport, even when no row takes focus.
        viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': `${label} (scrollable)` }}
      >
        <Table
          stickyHeader
          aria-label={label}
          aria-rowcount={paging ? paging.total + 1 : rows.length + 1}
          layout="auto"
        >
          <Table.Thead>
            {table.getHeaderGroups().map((group) => (
              <Table.Tr key={group.id}>
                {group.headers.map((header) => {
                  const sortable =
                    header.column.getCanSort() && Boolean(onSortingChange) && header.column.columnDef.enableSorting;
                  const dir = header.column.getIsSorted();
                  const content = header.isPlaceholder
                    ? null
                    : flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <Table.Th
                      key={header.id}
                      style={{ width: header.column.columnDef.size, whiteSpace: 'nowrap' }}
                      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                    >
                      {sortable ? (
                        <UnstyledButton onClick={header.column.getToggleSortingHandler()} fw={700} fz="sm">
                          {content} {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
                        </UnstyledButton>
                      ) : (
                        content
                      )}
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {padTop > 0 ? (
              <tr aria-hidden>
                <td colSpan={colCount} style={{ height: padTop, padding: 0, border: 0 }} />
              </tr>
            ) : null}
            {items.map((item) => {
              const row = tableRows[item.index]!;
              return (
                <Table.Tr
                  key={row.id}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  aria-selected={withSelection ? row.getIsSelected() : undefined}
                  tabIndex={onRowClick ? 0 : undefined}
                  style={onRowClick ? { cursor: 'pointer' } : undefined}
                  onClick={onRowClick ? () => onRowClick(row.original) : undefined}
                  onKeyDown={
                    onRowClick
                      ? (e) => {
                          if (e.key === 'Enter') onRowClick(row.original);
                        }
                      : undefined
                  }
                  bg={row.getIsSelected() ? 'var(--mantine-color-ferry-light)' : undefined}
                >
                  {row.getVisibleCells().map((cell) => (
                    <Table.Td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
            {padBottom > 0 ? (
              <tr aria-hidden>
                <td colSpan={colCount} style={{ height: padBottom, padding: 0, border: 0 }} />
              </tr>
            ) : null}
            {!rows.length && !loading ? (
              <Table.Tr>
                <Table.Td colSpan={colCount}>
                  <Text size="sm" c="dimmed" py="sm">
                    {empty}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {paging ? (
        <Group justify="space-between" mt="xs" wrap="wrap">
          <Text size="sm" c="dimmed" aria-live="polite">
            {paging.total === 0
              ? 'No rows'
              : `Rows ${(paging.page - 1) * paging.pageSize + 1}–${Math.min(paging.page * paging.pageSize, paging.total)} of ${paging.total.toLocaleString('en-GB')}`}
          </Text>
          <Group gap="xs">
            {paging.onPageSize ? (
              <Select
                size="xs"
                w={90}
                aria-label="Rows per page"
                data={pageSizes}
                value={String(paging.pageSize)}
                onChange={(v) => v && paging.onPageSize?.(Number(v))}
                allowDeselect={false}
              />
            ) : null}
            <Pagination
              size="sm"
              total={Math.max(1, Math.ceil(paging.total / paging.pageSize))}
              value={paging.page}
              onChange={paging.onPage}
              getControlProps={(control) => ({ 'aria-label': `${control} page` })}
              getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
            />
          </Group>
        </Group>
      ) : null}
    </div>
  );
}
