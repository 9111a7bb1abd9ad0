'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useCallback, useMemo, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { bulkMoveLeadsAction, moveLeadAction, queryPipelineAction, refreshLeadsAction } from '@/app/(console)/leads/actions';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { filtersToParams, TABLE_PAGE_SIZE, type PipelineFilters, type PipelineSort, type PipelineView } from '@/lib/leads/filters';
import type { FilterOptions, LeadSummary, PipelineResult } from '@/lib/leads/read-model';
import type { SyncStatus } from '@/lib/leads/queries';
import { LEAD_STATUSES, requirementFor, STATUS_LABELS, type Contract, type LeadStatus, type LostDetails } from '@/lib/leads/status-rules';
import { formatInstant } from '@/lib/dates';
import { formatValue, uploadLeadFiles } from './client-helpers';
import { ContractDialog, LostDialog, type SubmitProblem } from './move-dialogs';

type PipelineData = PipelineResult & { sync: SyncStatus };

interface Props {
  initialFilters: PipelineFilters;
  initialView: PipelineView;
  initialData: PipelineData | null;
  options: FilterOptions;
  timeZone: string;
  loadError: string | null;
}

type Pending = { kind: 'contract'; lead: LeadSummary } | { kind: 'lost'; leads: LeadSummary[] } | null;

/** Moves a card to another column in the cached pipeline (the optimistic move). */
function withMoved(data: PipelineData, lead: LeadSummary, to: LeadStatus): PipelineData {
  const moved = { ...lead, status: to };
  return {
    ...data,
    columns: data.columns.map((c) => {
      const without = c.cards.filter((x) => x.id !== lead.id);
      const had = without.length !== c.cards.length;
      if (c.status === to) return { ...c, cards: [moved, ...without], count: c.count + (had ? 0 : 1), offerValue: c.offerValue + (had ? 0 : (lead.offerPrice ?? 0)) };
      if (had) return { ...c, cards: without, count: c.count - 1, offerValue: c.offerValue - (lead.offerPrice ?? 0) };
      return c;
    }),
    rows: data.rows.map((r) => (r.id === lead.id ? moved : r)),
  };
}

function problemOf(error: { message: string; fieldErrors?: Record<string, string[]> }): SubmitProblem {
  return { message: error.message, fieldErrors: error.fieldErrors };
}

export function Pipeline({ initialFilters, initialView, initialData, options, timeZone, loadError }: Props) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<PipelineFilters>(initialFilters);
  const [view, setView] = useState<PipelineView>(initialView);
  const [pending, setPending] = useState<Pending>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkTo, setBulkTo] = useState<LeadStatus | ''>('');
  const [bulkReport, setBulkReport] = useState<string | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [dropTarget, setDropTarget] = useState<LeadStatus | null>(null);
  // After a move dialog: the moved card (its link, in its new column) when the move happened, else the opener.
  const movedLeadId = useRef<string | null>(null);
  const focusAfterMove = (leadId: string) => (opener: HTMLElement | null) =>
    movedLeadId.current === leadId || !opener || !opener.isConnected
      ? document.querySelector<HTMLElement>(`[data-lead-id="${CSS.escape(leadId)}"] a`)
      : opener;

  const queryKey = useMemo(() => ['pipeline', filters] as const, [filters]);
  const query = useQuery({
    queryKey,
    queryFn: async () => {
      const result = await queryPipelineAction(filters);
      if (!result.ok) throw new Error(result.error.message);
      return result.data as PipelineData;
    },
    initialData: filters === initialFilters && initialData ? initialData : undefined,
    refetchInterval: 60_000,
  });
  const data = query.data;

  const applyFilters = useCallback(
    (next: PipelineFilters, nextView: PipelineView = view) => {
      setFilters(next);
      setView(nextView);
      setSelected(new Set());
      // The view lives in the URL so that it can be shared; no server round trip for it.
      window.history.replaceState(null, '', `/leads?${filtersToParams(next, nextView).toString()}`);
    },
    [view],
  );

  const nameOf = (kind: 'locations' | 'channels', id: string | null) => (id ? (options[kind].find((o) => o.id === id)?.name ?? id) : '—');

  // ---- moves -------------------------------------------------------------------------------------------
  async function plainMove(lead: LeadSummary, to: LeadStatus) {
    const previous = queryClient.getQueryData<PipelineData>(queryKey);
    if (previous) queryClient.setQueryData(queryKey, withMoved(previous, lead, to));
    const result = await moveLeadAction({ leadId: lead.id, to });
    if (!result.ok) {
      if (previous) queryClient.setQueryData(queryKey, previous);
      toast('error', `${result.error.message} ${lead.name} stays in ${STATUS_LABELS[lead.status]}.`);
      return;
    }
    toast('success', `${lead.name} moved to ${STATUS_LABELS[to]}.`);
    void queryClient.invalidateQueries({ queryKey: ['pipeline'] });
  }

  function requestMove(lead: LeadSummary, to: LeadStatus) {
    if (lead.status === to) return;
    movedLeadId.current = null;
    const need = requirementFor(to);
    if (need === 'contract') setPending({ kind: 'contract', lead });
    else if (need === 'lostReason') setPending({ kind: 'lost', leads: [lead] });
    else void plainMove(lead, to);
  }

  async function submitContract(lead: LeadSummary, contract: Contract, files: File[]): Promise<SubmitProblem | null> {
    if (files.length) {
      const uploaded = await uploadLeadFiles(lead.id, 'contracts', files);
      if (!uploaded.ok) return problemOf(uploaded.error);
    }
    const result = await moveLeadAction({ leadId: lead.id, to: 'customer', contract });
    if (!result.ok) return problemOf(result.error);
    movedLeadId.current = lead.id;
    setPending(null);
    const current = queryClient.getQueryData<PipelineData>(queryKey);
    if (current) queryClient.setQueryData(queryKey, withMoved(current, lead, 'customer'));
    toast('success', `${lead.name} is now a customer.`);
    void queryClient.invalidateQueries({ queryKey: ['pipeline'] });
    return null;
  }

  async function submitLost(leads: LeadSummary[], lost: LostDetails): Promise<SubmitProblem | null> {
    if (leads.length === 1) {
      const result = await moveLeadAction({ leadId: leads[0].id, to: 'lost', lost });
      if (!result.ok) return problemOf(result.error);
      toast('success', `${leads[0].name} moved to Lost.`);
    } else {
      const result = await bulkMoveLeadsAction({ leadIds: leads.map((l) => l.id), to: 'lost', lost });
      if (!result.ok) return problemOf(result.error);
      reportBulk(result.data, 'lost');
    }
    setPending(null);
    setSelected(new Set());
    void queryClient.invalidateQueries({ queryKey: ['pipeline'] });
    return null;
  }

  function reportBulk(r: { moved: { name: string }[]; refused: { name: string; message: string }[]; failed: { name: string; message: string }[] }, to: LeadStatus) {
    const parts = [`${r.moved.length} moved to ${STATUS_LABELS[to]}.`];
    if (r.refused.length) parts.push(`${r.refused.length} not moved: ${r.refused[0].message}${to === 'customer' ? ' Open each lead to add its contract.' : ''}`);
    if (r.failed.length) parts.push(`${r.failed.length} failed: ${r.failed[0].message}.`);
    setBulkReport(parts.join(' '));
    toast(r.refused.length || r.failed.length ? 'error' : 'success', parts.join(' '));
  }

  async function bulkMove() {
    if (!bulkTo || selected.size === 0) return;
    const leads = (data?.rows ?? []).filter((r) => selected.has(r.id));
    if (bulkTo === 'lost') {
      setPending({ kind: 'lost', leads });
      return;
    }
    // Customer included: the server applies the contract rule to each lead and says which were refused.
    const result = await bulkMoveLeadsAction({ leadIds: leads.map((l) => l.id), to: bulkTo });
    if (!result.ok) {
      toast('error', result.error.message);
      return;
    }
    reportBulk(result.data, bulkTo);
    setSelected(new Set());
    void queryClient.invalidateQueries({ queryKey: ['pipeline'] });
  }

  async function refresh() {
    setRefreshing(true);
    const result = await refreshLeadsAction({ scope: 'window' });
    setRefreshing(false);
    if (!result.ok) toast('error', result.error.message);
    else toast('success', `Synced ${result.data.leads} leads from Footprints.`);
    void queryClient.invalidateQueries({ queryKey: ['pipeline'] });
  }

  // ---- drag and drop -----------------------------------------------------------------------------------
  const onDragStart = (lead: LeadSummary) => (e: DragEvent) => {
    e.dataTransfer.setData('text/plain', lead.id);
    e.dataTransfer.effectAllowed = 'move';
  };
  const onDrop = (to: LeadStatus) => (e: DragEvent) => {
    e.preventDefault();
    setDropTarget(null);
    const id = e.dataTransfer.getData('text/plain');
    const lead = data?.columns.flatMap((c) => c.cards).find((c) => c.id === id);
    if (lead) requestMove(lead, to);
  };

  // ---- render ------------------------------------------------------------------------------------------
  return (
    <div className="flex flex-col gap-4">
      <FiltersForm filters={filters} options={options} onApply={(f) => applyFilters(f)} />

      <div className="flex flex-wrap items-center gap-3">
        <div role="group" aria-label="View" className="flex gap-1">
          {(['board', 'table'] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => applyFilters(filters, v)}
              className={`min-h-11 rounded-lg px-4 font-medium ${view === v ? 'bg-blue-700 text-white' : 'bg-slate-100 hover:bg-slate-200'}`}
            >
              {v === 'board' ? 'Board' : 'Table'}
            </button>
          ))}
        </div>
        <p className="text-sm text-slate-700" data-testid="sync-status">
          {data?.sync.lastSuccessAt ? `Last synced with Footprints ${formatInstant(data.sync.lastSuccessAt, timeZone, 'dayTimeSeconds')}` : 'Not synced with Footprints yet'}
          {data?.sync.lastError ? ` · last attempt failed: ${data.sync.lastError}` : ''}
        </p>
        <Button variant="secondary" onClick={refresh} pending={refreshing} pendingLabel="Syncing…">
          Refresh from Footprints
        </Button>
        {data ? <p className="text-sm text-slate-700">{data.total} leads</p> : null}
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

      {data && view === 'board' ? (
        <div className="grid grid-cols-1 gap-3 md:grid-cols-3 xl:grid-cols-6" data-testid="board">
          {data.columns.map((column) => (
            <section
              key={column.status}
              aria-labelledby={`col-${column.status}`}
              data-testid={`column-${column.status}`}
              onDragOver={(e) => {
                e.preventDefault();
                setDropTarget(column.status);
              }}
              onDragLeave={() => setDropTarget((t) => (t === column.status ? null : t))}
              onDrop={onDrop(column.status)}
              className={`flex min-h-40 flex-col gap-2 rounded-xl p-2 ${dropTarget === column.status ? 'bg-blue-100 ring-2 ring-blue-600' : 'bg-slate-100'}`}
            >
              <header className="px-1">
                <h2 id={`col-${column.status}`} className="font-bold">
                  {STATUS_LABELS[column.status]} <span data-testid="column-count">{column.count}</span>
                </h2>
                <p className="text-sm text-slate-700">Offer value {formatValue(column.offerValue)}</p>
              </header>
              {column.cards.map((lead) => (
                <article
                  key={lead.id}
                  draggable
                  onDragStart={onDragStart(lead)}
                  data-testid="lead-card"
                  data-lead-id={lead.id}
                  aria-label={lead.name}
                  className="cursor-grab rounded-lg border border-slate-200 bg-white p-2 text-sm shadow-sm"
                >
                  <Link href={`/leads/${lead.id}`} className="font-semibold text-blue-800 underline-offset-2 hover:underline">
                    {lead.name}
                  </Link>
                  <p className="text-slate-700">{lead.offerName ?? 'No offer'}{lead.offerPrice !== null ? ` · ${formatValue(lead.offerPrice)}` : ''}</p>
                  <p className="text-slate-600">{lead.consultantName ?? 'No consultant'}</p>
                  <label className="mt-1 flex items-center gap-1 text-slate-700">
                    <span className="sr-only">Move {lead.name} to</span>
                    <select
                      value=""
                      aria-label={`Move ${lead.name} to`}
                      onChange={(e) => e.target.value && requestMove(lead, e.target.value as LeadStatus)}
                      className="min-h-9 w-full rounded border border-slate-300 bg-white px-1"
                    >
                      <option value="">Move to…</option>
                      {LEAD_STATUSES.filter((s) => s !== lead.status).map((s) => (
                        <option key={s} value={s}>
                          {STATUS_LABELS[s]}
                        </option>
                      ))}
                    </select>
                  </label>
                </article>
              ))}
              {column.count > column.cards.length ? (
                <p className="px-1 text-sm text-slate-600">
                  {column.count - column.cards.length} more: narrow the filters or use the table.
                </p>
              ) : null}
            </section>
          ))}
        </div>
      ) : null}

      {data && view === 'table' ? (
        <LeadsTable
          data={data}
          filters={filters}
          timeZone={timeZone}
          selected={selected}
          setSelected={setSelected}
          nameOf={nameOf}
          onSort={(sort) => applyFilters({ ...filters, sort, dir: filters.sort === sort && filters.dir === 'desc' ? 'asc' : 'desc', page: 1 })}
          onPage={(page) => applyFilters({ ...filters, page })}
          bulk={
            <div className="flex flex-wrap items-end gap-2" role="group" aria-label="Bulk action">
              <div className="flex flex-col gap-1">
                <label htmlFor="bulk-status" className="text-sm font-medium">
                  Move {selected.size} selected to
                </label>
                <select id="bulk-status" value={bulkTo} onChange={(e) => setBulkTo(e.target.value as LeadStatus | '')} className="min-h-11 rounded-lg border border-slate-300 px-2">
                  <option value="">Choose a status…</option>
                  {LEAD_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
              </div>
              <Button onClick={bulkMove} disabled={!bulkTo || selected.size === 0}>
                Move selected
              </Button>
              {bulkReport ? (
                <p data-testid="bulk-report" className="text-sm text-slate-800">
                  {bulkReport}
                </p>
              ) : null}
            </div>
          }
        />
      ) : null}

      {pending?.kind === 'contract' ? (
        <ContractDialog
          leadName={pending.lead.name}
          onCancel={() => setPending(null)}
          returnFocus={focusAfterMove(pending.lead.id)}
          submit={(c, files) => submitContract(pending.lead, c, files)}
        />
      ) : null}
      {pending?.kind === 'lost' ? (
        <LostDialog
          leadName={pending.leads.length === 1 ? pending.leads[0].name : `${pending.leads.length} leads`}
          onCancel={() => setPending(null)}
          submit={(lost) => submitLost(pending.leads, lost)}
        />
      ) : null}
    </div>
  );
}

function FiltersForm({ filters, options, onApply }: { filters: PipelineFilters; options: FilterOptions; onApply: (f: PipelineFilters) => void }) {
  const [draft, setDraft] = useState(filters);
  const set = (key: keyof PipelineFilters) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value || undefined }));
  const select = (key: 'location' | 'category' | 'offer' | 'consultant' | 'channel', label: string, list: { id: string; name: string }[]) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`filter-${key}`} className="text-sm font-medium">
        {label}
      </label>
      <select id={`filter-${key}`} value={draft[key] ?? ''} onChange={set(key)} className="min-h-11 rounded-lg border border-slate-300 px-2">
        <option value="">All</option>
        {list.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!draft.from || !draft.to || draft.from > draft.to) return;
    onApply({ ...draft, page: 1 });
  }
  return (
    <form role="search" aria-label="Filter the pipeline" onSubmit={submit} className="grid grid-cols-2 gap-3 rounded-xl bg-white p-3 shadow-sm md:grid-cols-4 xl:grid-cols-6">
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-from" className="text-sm font-medium">
          Created from
        </label>
        <input id="filter-from" type="date" value={draft.from} onChange={set('from')} className="min-h-11 rounded-lg border border-slate-300 px-2" />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-to" className="text-sm font-medium">
          Created to
        </label>
        <input id="filter-to" type="date" value={draft.to} onChange={set('to')} className="min-h-11 rounded-lg border border-slate-300 px-2" />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-status" className="text-sm font-medium">
          Status
        </label>
        <select id="filter-status" value={draft.status ?? ''} onChange={set('status')} className="min-h-11 rounded-lg border border-slate-300 px-2">
          <option value="">All</option>
          {LEAD_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      {select('location', 'Location', options.locations)}
      {select('category', 'Offer category', options.categories)}
      {select('offer', 'Offer', options.offers)}
      {select('consultant', 'Consultant', options.consultants)}
      {select('channel', 'Channel', options.channels)}
      <div className="col-span-2 flex flex-col gap-1">
        <label htmlFor="filter-q" className="text-sm font-medium">
          Name, e-mail or phone
        </label>
        <input id="filter-q" type="search" value={draft.q ?? ''} onChange={set('q')} className="min-h-11 rounded-lg border border-slate-300 px-2" />
      </div>
      <div className="flex items-end">
        <Button type="submit">Apply filters</Button>
      </div>
    </form>
  );
}

const SORTABLE: { key: PipelineSort; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'status', label: 'Status' },
  { key: 'offer', label: 'Offer' },
  { key: 'value', label: 'Value' },
  { key: 'consultant', label: 'Consultant' },
  { key: 'created', label: 'Created' },
];

function LeadsTable({
  data,
  filters,
  timeZone,
  selected,
  setSelected,
  nameOf,
  onSort,
  onPage,
  bulk,
}: {
  data: PipelineData;
  filters: PipelineFilters;
  timeZone: string;
  selected: Set<string>;
  setSelected: (s: Set<string>) => void;
  nameOf: (kind: 'locations' | 'channels', id: string | null) => string;
  onSort: (s: PipelineSort) => void;
  onPage: (p: number) => void;
  bulk: React.ReactNode;
}) {
  const pages = Math.max(1, Math.ceil(data.total / TABLE_PAGE_SIZE));
  const allOnPage = data.rows.length > 0 && data.rows.every((r) => selected.has(r.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  return (
    <div className="flex flex-col gap-3 rounded-xl bg-white p-3 shadow-sm">
      {bulk}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="leads-table">
          <caption className="sr-only">Leads, sorted by {filters.sort}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">
                <input
                  type="checkbox"
                  aria-label="Select every lead on this page"
                  checked={allOnPage}
                  onChange={() => setSelected(allOnPage ? new Set() : new Set(data.rows.map((r) => r.id)))}
                  className="h-5 w-5"
                />
              </th>
              {SORTABLE.map((c) => (
                <th key={c.key} scope="col" className="p-2" aria-sort={filters.sort === c.key ? (filters.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                  <button type="button" onClick={() => onSort(c.key)} className="min-h-9 font-semibold underline-offset-2 hover:underline">
                    {c.label}
                    {filters.sort === c.key ? (filters.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </button>
                </th>
              ))}
              <th scope="col" className="p-2">
                Location
              </th>
              <th scope="col" className="p-2">
                Channel
              </th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-100" data-lead-id={r.id}>
                <td className="p-2">
                  <input type="checkbox" aria-label={`Select ${r.name}`} checked={selected.has(r.id)} onChange={() => toggle(r.id)} className="h-5 w-5" />
                </td>
                <td className="p-2">
                  <Link href={`/leads/${r.id}`} className="font-medium text-blue-800 hover:underline">
                    {r.name}
                  </Link>
                  <div className="text-slate-600">{r.email ?? r.phone ?? ''}</div>
                </td>
                <td className="p-2" data-testid="row-status">
                  {STATUS_LABELS[r.status]}
                </td>
                <td className="p-2">{r.offerName ?? '—'}</td>
                <td className="p-2">{r.offerPrice !== null ? formatValue(r.offerPrice) : '—'}</td>
                <td className="p-2">{r.consultantName ?? '—'}</td>
                <td className="p-2">{formatInstant(r.createdAt, timeZone, 'dayTimeSeconds')}</td>
                <td className="p-2">{nameOf('locations', r.locationId)}</td>
                <td className="p-2">{nameOf('channels', r.channelId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Table pages" className="flex items-center gap-2">
        <Button variant="secondary" disabled={filters.page <= 1} onClick={() => onPage(filters.page - 1)}>
          Previous
        </Button>
        <span className="text-sm">
          Page {filters.page} of {pages}
        </span>
        <Button variant="secondary" disabled={filters.page >= pages} onClick={() => onPage(filters.page + 1)}>
          Next
        </Button>
      </nav>
    </div>
  );
}
