'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Table, Td, Tr } from '@/components/ui/table';
import { useTranslations } from 'next-intl';
import { useConsoleLocale } from '@/components/i18n/use-console-locale';
import { formatInstant } from '@/lib/dates';
import { formatLei } from '@/lib/i18n/format';
import { TABLE_PAGE_SIZE, type PipelineFilters, type PipelineSort } from '@/lib/leads/filter-params';
import type { FilterOptions, LeadSummary } from '@/lib/leads/read-model';
import { lastPageOf } from '@/lib/paging';
import { IncompleteNote } from './incomplete-note';

/** Each sortable column (its header and what its sort is by: leads.table.columns / leads.table.by). */
const SORTABLE: PipelineSort[] = ['name', 'status', 'offer', 'value', 'consultant', 'created'];

type Order = 'oldest' | 'newest' | 'lowest' | 'highest' | 'az' | 'za';

/** Which words say the order of a sort: dates oldest/newest, values lowest/highest, text A to Z. */
export function sortOrder(sort: PipelineSort, dir: 'asc' | 'desc'): Order {
  if (sort === 'created') return dir === 'asc' ? 'oldest' : 'newest';
  if (sort === 'value') return dir === 'asc' ? 'lowest' : 'highest';
  return dir === 'asc' ? 'az' : 'za';
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
  const t = useTranslations('leads');
  const locale = useConsoleLocale();
  const sort = SORTABLE.includes(filters.sort) ? filters.sort : 'created';
  const description = t('table.sort', { by: t(`table.by.${sort}`), order: t(`table.order.${sortOrder(sort, filters.dir)}`) });
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
        caption={<span data-testid="sort-caption">{t('table.caption', { sort: description })}</span>}
        columns={[
          {
            key: 'select',
            label: (
              <input
                type="checkbox"
                aria-label={t('table.selectAll')}
                checked={allOnPage}
                onChange={() => onSelect(allOnPage ? new Set() : new Set(rows.map((r) => r.id)))}
                className="h-5 w-5"
              />
            ),
          },
          ...SORTABLE.map((c) => ({
            key: c,
            label: c === 'name' ? (
              <>
                {t('table.columns.name')}
                <span className="font-normal text-slate-600">{t('table.lastNameHint')}</span>
              </>
            ) : (
              t(`table.columns.${c}`)
            ),
            sortable: true,
            title: t('table.sortBy', { by: t(`table.by.${c}`) }),
          })),
          { key: 'location', label: t('table.columns.location') },
          { key: 'channel', label: t('table.columns.channel') },
        ]}
        sort={{ key: filters.sort, direction: filters.dir === 'asc' ? 'ascending' : 'descending' }}
        onSort={(key) => onSort(key as PipelineSort)}
        rowCount={rows.length}
        empty={t('table.empty')}
      >
        {rows.map((r) => (
          <Tr key={r.id} data-lead-id={r.id}>
            <Td>
              <input type="checkbox" aria-label={t('table.selectOne', { name: r.name })} checked={selected.has(r.id)} onChange={() => toggle(r.id)} className="h-5 w-5" />
            </Td>
            <Td className="max-w-xs">
              <Link href={`/leads/${r.id}`} title={r.name} className="block truncate font-medium text-blue-800 hover:underline">
                {r.name}
              </Link>
              <div className="truncate text-slate-600">{r.email ?? r.phone ?? ''}</div>
              <IncompleteNote missing={r.missing} />
            </Td>
            <Td data-testid="row-status">{t(`statuses.${r.status}`)}</Td>
            <Td>{r.offerName ?? '—'}</Td>
            <Td>{formatLei(r.offerPrice, locale)}</Td>
            <Td>{r.consultantName ?? '—'}</Td>
            <Td>{formatInstant(r.createdAt, timeZone, 'dayTimeSeconds', '—', locale)}</Td>
            <Td>{nameOf(options.locations, r.locationId)}</Td>
            <Td>{nameOf(options.channels, r.channelId)}</Td>
          </Tr>
        ))}
      </Table>
      <nav aria-label={t('table.pages')} className="flex items-center gap-2">
        <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t('table.previous')}
        </Button>
        <span className="text-sm" data-testid="page-of">
          {t('table.pageOf', { page, pages })}
        </span>
        <Button variant="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          {t('table.next')}
        </Button>
      </nav>
    </div>
  );
}
