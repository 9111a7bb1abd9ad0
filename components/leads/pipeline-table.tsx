'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Table, Td, Tr } from '@/components/ui/table';
import { formatInstant } from '@/lib/dates';
import { TABLE_PAGE_SIZE, type PipelineFilters, type PipelineSort } from '@/lib/leads/filter-params';
import type { FilterOptions, LeadSummary } from '@/lib/leads/read-model';
import { lastPageOf } from '@/lib/paging';
import { STATUS_LABELS } from '@/lib/leads/status-labels';
import { formatValue } from './client-helpers';
import { IncompleteNote } from './incomplete-note';

/** Each sortable column, and what its sort is by (said in the caption and the header's name). */
const SORTABLE: { key: PipelineSort; label: string; by: string }[] = [
  { key: 'name', label: 'Name', by: 'last name' },
  { key: 'status', label: 'Status', by: 'status' },
  { key: 'offer', label: 'Offer', by: 'offer' },
  { key: 'value', label: 'Value', by: 'offer value' },
  { key: 'consultant', label: 'Consultant', by: 'consultant' },
  { key: 'created', label: 'Created', by: 'date created' },
];

/** "last name, A to Z": the sort of the table in words. */
export function sortDescription(sort: PipelineSort, dir: 'asc' | 'desc'): string {
  const column = SORTABLE.find((c) => c.key === sort) ?? SORTABLE[SORTABLE.length - 1];
  const words =
    sort === 'created' ? (dir === 'asc' ? 'oldest first' : 'newest first') : sort === 'value' ? (dir === 'asc' ? 'lowest first' : 'highest first') : dir === 'asc' ? 'A to Z' : 'Z to A';
  return `${column.by}, ${words}`;
}

export interface LeadsTableProps {
  rows: LeadSummary[];
  total: number;
  page: number;
  filters: PipelineFilters;
  timeZone: string;
  options: FilterOptions;
  selected: ReadonlySet<string>;
  onSelect: (ids: Set<string>) => void;
  onSort: (sort: PipelineSort) => void;
  onPage: (page: number) => void;
  bulk: ReactNode;
}

/** One sorted page of leads, rows selectable for a bulk move. */
export function LeadsTable({ rows, total, page, filters, timeZone, options, selected, onSelect, onSort, onPage, bulk }: LeadsTableProps) {
  const pages = lastPageOf(total, TABLE_PAGE_SIZE);
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const nameOf = (list: { id: string; name: string }[], id: string | null) => (id ? (list.find((o) => o.id === id)?.name ?? id) : '—');
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };
  return (
    <div className="flex flex-col gap-3 rounded-xl bg-white p-3 shadow-sm">
      {bulk}
      <Table
        testId="leads-table"
        caption={<span data-testid="sort-caption">Leads sorted by {sortDescription(filters.sort, filters.dir)}</span>}
        columns={[
          {
            key: 'select',
            label: (
              <input
                type="checkbox"
                aria-label="Select every lead on this page"
                checked={allOnPage}
                onChange={() => onSelect(allOnPage ? new Set() : new Set(rows.map((r) => r.id)))}
                className="h-5 w-5"
              />
            ),
          },
          ...SORTABLE.map((c) => ({
            key: c.key,
            label: c.key === 'name' ? (
              <>
                {c.label}
                <span className="font-normal text-slate-600"> (last name)</span>
              </>
            ) : (
              c.label
            ),
            sortable: true,
            title: `Sort by ${c.by}`,
          })),
          { key: 'location', label: 'Location' },
          { key: 'channel', label: 'Channel' },
        ]}
        sort={{ key: filters.sort, direction: filters.dir === 'asc' ? 'ascending' : 'descending' }}
        onSort={(key) => onSort(key as PipelineSort)}
        rowCount={rows.length}
        empty="No leads match these filters."
      >
        {rows.map((r) => (
          <Tr key={r.id} data-lead-id={r.id}>
            <Td>
              <input type="checkbox" aria-label={`Select ${r.name}`} checked={selected.has(r.id)} onChange={() => toggle(r.id)} className="h-5 w-5" />
            </Td>
            <Td className="max-w-xs">
              <Link href={`/leads/${r.id}`} title={r.name} className="block truncate font-medium text-blue-800 hover:underline">
                {r.name}
              </Link>
              <div className="truncate text-slate-600">{r.email ?? r.phone ?? ''}</div>
              <IncompleteNote missing={r.missing} />
            </Td>
            <Td data-testid="row-status">{STATUS_LABELS[r.status]}</Td>
            <Td>{r.offerName ?? '—'}</Td>
            <Td>{r.offerPrice !== null ? formatValue(r.offerPrice) : '—'}</Td>
            <Td>{r.consultantName ?? '—'}</Td>
            <Td>{formatInstant(r.createdAt, timeZone, 'dayTimeSeconds')}</Td>
            <Td>{nameOf(options.locations, r.locationId)}</Td>
            <Td>{nameOf(options.channels, r.channelId)}</Td>
          </Tr>
        ))}
      </Table>
      <nav aria-label="Table pages" className="flex items-center gap-2">
        <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </Button>
        <span className="text-sm" data-testid="page-of">
          Page {page} of {pages}
        </span>
        <Button variant="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          Next
        </Button>
      </nav>
    </div>
  );
}
