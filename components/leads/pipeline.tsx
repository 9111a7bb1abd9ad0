'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { withQueryClient } from '@/components/data/query-client';
import { useEffect, useMemo, useState } from 'react';
import { queryPipelineAction, refreshLeadsAction } from '@/app/(console)/leads/actions';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { useTranslations } from 'next-intl';
import { useConsoleLocale } from '@/components/i18n/use-console-locale';
import { formatInstant } from '@/lib/dates';
import type { PipelineFilters } from '@/lib/leads/filter-params';
import type { FilterOptions } from '@/lib/leads/read-model';
import { BulkMoveBar } from './bulk-move-bar';
import { ContractDialog, LostDialog } from './move-dialogs';
import { PipelineBoard } from './pipeline-board';
import type { PipelineData } from './pipeline-cache';
import { PipelineFiltersForm } from './pipeline-filters';
import { LeadsTable } from './pipeline-table';
import { filtersKey, usePipelineUrl } from './pipeline-url';
import { useLeadMoves } from './use-lead-moves';

interface Props {
  /** What the server rendered: the filters it read from the URL, and their data. */
  initialFilters: PipelineFilters;
  initialData: PipelineData | null;
  options: FilterOptions;
  timeZone: string;
  loadError: string | null;
}

/** The pipeline: board or table over the read model, filtered and sorted by what the URL says. */
/**
 * Where focus goes when a board card's dialog closes: that card's "Move … to" menu, in whichever column the
 * card now is (the same one after Cancel or Escape, the new one after a move). The card's Move button that
 * opened the dialog is disabled again by then; without a card (bulk from the table) the opener gets it.
 */
const cardMenu = (leadId: string) => () =>
  document.querySelector<HTMLElement>(`[data-testid="lead-card"][data-lead-id="${CSS.escape(leadId)}"] select`);

function PipelineDesk({ initialFilters, initialData, options, timeZone, loadError }: Props) {
  const toast = useToast();
  const t = useTranslations('leads');
  const tc = useTranslations('counts');
  const locale = useConsoleLocale();
  const queryClient = useQueryClient();
  const { filters, view, navigate } = usePipelineUrl(timeZone);
  const key = filtersKey(filters);
  const queryKey = useMemo(() => ['pipeline', key] as const, [key]);
  const [selection, setSelection] = useState<{ key: string; ids: Set<string> }>({ key, ids: new Set() });
  // A selection belongs to the rows it was made on: other filters, sort or page start with none.
  const selected = selection.key === key ? selection.ids : new Set<string>();
  const select = (ids: Set<string>) => setSelection({ key, ids });
  const moves = useLeadMoves(queryKey, () => setSelection({ key, ids: new Set() }));
  const pending = moves.pending;
  const [refreshing, setRefreshing] = useState(false);

  const query = useQuery({
    queryKey,
    queryFn: async () => {
      const result = await queryPipelineAction(filters);
      if (!result.ok) throw new Error(result.error.message);
      return result.data as PipelineData;
    },
    initialData: initialData && filtersKey(initialFilters) === key ? initialData : undefined,
    staleTime: 15_000,
    refetchInterval: 60_000,
  });
  const data = query.data;

  // A page past the last (an old link) shows the last page: the URL says so too.
  useEffect(() => {
    if (data && view === 'table' && data.page !== filters.page) navigate({ ...filters, page: data.page }, view, 'replace');
  }, [data, view, filters, navigate]);

  async function refresh() {
    setRefreshing(true);
    const result = await refreshLeadsAction({ scope: 'window' });
    // "Synced" is said once the board shows the synced rows: a card that moves column on the refetch is a new
    // card, and a choice made in its old menu in between would be lost.
    await queryClient.invalidateQueries({ queryKey: ['pipeline'] });
    setRefreshing(false);
    if (!result.ok) toast('error', result.error.message);
    else toast('success', t('synced', { count: result.data.leads }));
  }

  return (
    <div className="flex flex-col gap-4">
      {/* Keyed by the URL's filters: Back and Forward show their own values in the form too. */}
      <PipelineFiltersForm key={key} filters={filters} options={options} onApply={(f) => navigate(f, view)} />

      <div className="flex flex-wrap items-center gap-3">
        <div role="group" aria-label={t('viewLabel')} className="flex gap-1">
          {(['board', 'table'] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => navigate(filters, v)}
              className={`min-h-11 rounded-lg px-4 font-medium ${view === v ? 'bg-blue-700 text-white' : 'bg-slate-100 hover:bg-slate-200'}`}
            >
              {v === 'board' ? t('board') : t('tableView')}
            </button>
          ))}
        </div>
        <p className="text-sm text-slate-700" data-testid="sync-status">
          {data?.sync.lastSuccessAt ? t('lastSynced', { when: formatInstant(data.sync.lastSuccessAt, timeZone, 'dayTimeSeconds', '—', locale) }) : t('neverSynced')}
          {data?.sync.lastError ? ` · ${t(`syncFailed.${data.sync.lastError}`)}` : ''}
        </p>
        <Button variant="secondary" onClick={refresh} pending={refreshing} pendingLabel={t('syncing')}>
          {t('refresh')}
        </Button>
        {data ? (
          <p className="text-sm text-slate-700" data-testid="pipeline-total">
            {tc('leads', { count: data.total })}
          </p>
        ) : null}
      </div>

      {loadError ? (
        <p role="alert" className="rounded-lg bg-amber-50 p-3 text-amber-900">
          {loadError}
        </p>
      ) : null}
      {query.isError ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">
          {(query.error as Error).message}
        </p>
      ) : null}

      {data && view === 'board' ? <PipelineBoard columns={data.columns} onMove={moves.requestMove} /> : null}

      {data && view === 'table' ? (
        <LeadsTable
          rows={data.rows}
          total={data.total}
          page={data.page}
          filters={filters}
          timeZone={timeZone}
          options={options}
          selected={selected}
          onSelect={select}
          // Ascending first: a new column starts A to Z; the same column again turns the order round.
          onSort={(sort) => navigate({ ...filters, sort, dir: filters.sort === sort && filters.dir === 'asc' ? 'desc' : 'asc', page: 1 }, view)}
          onPage={(page) => navigate({ ...filters, page }, view)}
          bulk={
            <BulkMoveBar
              count={selected.size}
              report={moves.bulkReport}
              onMove={(to) => void moves.bulkMove(data.rows.filter((r) => selected.has(r.id)), to)}
            />
          }
        />
      ) : null}

      {pending?.kind === 'contract' ? (
        <ContractDialog
          leadName={pending.lead.name}
          onCancel={moves.cancel}
          returnFocus={cardMenu(pending.lead.id)}
          submit={(c, files) => moves.submitContract(pending.lead, c, files)}
        />
      ) : null}
      {pending?.kind === 'lost' ? (
        <LostDialog
          leadName={pending.leads.length === 1 ? pending.leads[0].name : tc('leads', { count: pending.leads.length })}
          onCancel={moves.cancel}
          returnFocus={pending.leads.length === 1 ? cardMenu(pending.leads[0].id) : undefined}
          submit={(lost) => moves.submitLost(pending.leads, lost)}
        />
      ) : null}
    </div>
  );
}

export const Pipeline = withQueryClient(PipelineDesk);
