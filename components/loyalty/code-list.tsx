'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { exportCodesAction, listCodesAction } from '@/app/(console)/loyalty/actions';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';
import type { CodeListResult } from '@/lib/loyalty/list-codes';
import { useCampaigns } from './campaign-picker';
import { STATUS_STYLES } from './format';

interface Filter {
  campaignInternalId: string;
  searchTerm: string;
}

export function CodeList({ canExport }: { canExport: boolean }) {
  const toast = useToast();
  const campaigns = useCampaigns('all');
  const [draft, setDraft] = useState<Filter>({ campaignInternalId: '', searchTerm: '' });
  const [filter, setFilter] = useState<Filter>(draft);
  const [page, setPage] = useState(1);
  // The vendor does not document its page size: the largest page seen stands for it.
  const [pageSize, setPageSize] = useState(0);
  const [exporting, setExporting] = useState(false);
  // Export asks first, naming how many codes of which filter: what the screen shows, never more.
  const [exportAsked, setExportAsked] = useState(false);
  const exportRef = useRef<HTMLButtonElement>(null);

  const query = useQuery({
    queryKey: ['loyalty-codes', filter, page],
    queryFn: async (): Promise<CodeListResult> => {
      const result = await listCodesAction({ campaignInternalId: filter.campaignInternalId || undefined, searchTerm: filter.searchTerm || undefined, page });
      if (!result.ok) throw new Error(result.error.message);
      setPageSize((s) => Math.max(s, result.data.rows.length));
      return result.data;
    },
    placeholderData: keepPreviousData,
  });

  const pendingFilter = draft.campaignInternalId !== filter.campaignInternalId || draft.searchTerm.trim() !== filter.searchTerm.trim();

  function applyDraft() {
    setFilter(draft);
    setPage(1);
    setPageSize(0);
  }

  function search(e: FormEvent) {
    e.preventDefault();
    setExportAsked(false);
    applyDraft();
  }

  /** A filter chosen but not searched yet is applied first, so the export is always what the screen shows. */
  function askExport() {
    if (pendingFilter) applyDraft();
    setExportAsked(true);
  }

  async function exportCsv() {
    setExportAsked(false);
    setExporting(true);
    const result = await exportCodesAction({ campaignInternalId: filter.campaignInternalId || undefined, searchTerm: filter.searchTerm || undefined, format: 'csv' });
    setExporting(false);
    // The button was busy (disabled) during the export and lost focus: it gets it back.
    requestAnimationFrame(() => exportRef.current?.focus());
    if (!result.ok) {
      toast('error', result.error.message);
      return;
    }
    const url = URL.createObjectURL(new Blob([result.data.csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = result.data.filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    toast('success', `Exported ${result.data.rows} codes${result.data.truncated ? ' (the list was cut at the export limit)' : ''}.`);
  }

  const data = query.data;
  const first = data && data.rows.length ? (page - 1) * Math.max(pageSize, data.rows.length) + 1 : 0;
  const last = data ? first + data.rows.length - 1 : 0;
  const hasNext = !!data && data.rows.length > 0 && last < data.totalResults;

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={search} className="flex flex-wrap items-end gap-3" aria-label="Filter codes">
        <div className="flex flex-col gap-1">
          <label htmlFor="codes-campaign" className="text-sm font-medium text-slate-800">
            Campaign
          </label>
          <select
            id="codes-campaign"
            value={draft.campaignInternalId}
            onChange={(e) => setDraft((d) => ({ ...d, campaignInternalId: e.target.value }))}
            className="min-h-11 rounded-lg border border-slate-300 bg-white px-2 text-base"
          >
            <option value="">All campaigns</option>
            {(campaigns.data ?? []).map((c) => (
              <option key={c.internalId} value={c.internalId}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="codes-search" className="text-sm font-medium text-slate-800">
            Code contains
          </label>
          <input
            id="codes-search"
            type="search"
            value={draft.searchTerm}
            autoCapitalize="characters"
            onChange={(e) => setDraft((d) => ({ ...d, searchTerm: e.target.value }))}
            className="min-h-11 rounded-lg border border-slate-300 px-3 text-base"
          />
        </div>
        <Button type="submit">Search</Button>
        {canExport ? (
          <Button ref={exportRef} type="button" variant="secondary" pending={exporting} pendingLabel="Exporting…" onClick={askExport}>
            Export CSV
          </Button>
        ) : null}
      </form>
      {canExport ? <p className="text-sm text-slate-700">The export holds customers’ names, e-mails and phones; it is recorded in the audit trail.</p> : null}

      {exportAsked ? (
        <ExportConfirm
          loading={!query.data || query.isPlaceholderData || query.isFetching}
          total={query.data?.totalResults ?? 0}
          campaignName={(campaigns.data ?? []).find((c) => c.internalId === filter.campaignInternalId)?.name ?? null}
          searchTerm={filter.searchTerm.trim()}
          onConfirm={() => void exportCsv()}
          onCancel={() => setExportAsked(false)}
          returnFocus={exportRef}
        />
      ) : null}

      {query.isError ? (
        <p role="alert" className="text-base font-medium text-red-700">
          {query.error.message}
        </p>
      ) : null}
      {query.isPending ? <p className="text-base text-slate-700">Loading codes…</p> : null}

      {data ? (
        <>
          <p className="text-base text-slate-800" data-testid="codes-summary" aria-live="polite">
            {data.totalResults === 0 ? 'No codes match.' : `Codes ${first}–${last} of ${data.totalResults}`}
          </p>
          <div className="overflow-x-auto">
            <table className="w-full min-w-[760px] text-left text-base" data-testid="codes-table">
              <caption className="sr-only">Loyalty codes</caption>
              <thead className="border-b border-slate-300 text-sm text-slate-700">
                <tr>
                  <th scope="col" className="py-2 pr-3">Code</th>
                  <th scope="col" className="py-2 pr-3">Campaign</th>
                  <th scope="col" className="py-2 pr-3">Status</th>
                  <th scope="col" className="py-2 pr-3">Prize</th>
                  <th scope="col" className="py-2 pr-3">Customer</th>
                  <th scope="col" className="py-2">Allocated by</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={`${r.campaignInternalId}:${r.code}`} className="border-b border-slate-200" data-testid={`code-row-${r.code}`}>
                    <td className="py-2 pr-3 font-mono font-semibold">{r.code}</td>
                    <td className="py-2 pr-3">{r.campaignName ?? '—'}</td>
                    <td className="py-2 pr-3">
                      <span className={`inline-block rounded-full border px-2 text-sm font-semibold ${STATUS_STYLES[r.state]}`}>{r.statusLabel}</span>
                    </td>
                    <td className="py-2 pr-3">{r.prize ?? '—'}</td>
                    <td className="py-2 pr-3">{r.customerName ?? '—'}</td>
                    <td className="py-2">{r.hostess ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav aria-label="Pages" className="flex items-center gap-3">
            <Button type="button" variant="secondary" disabled={page <= 1 || query.isFetching} onClick={() => setPage((p) => Math.max(1, p - 1))}>
              Previous
            </Button>
            <span className="text-base">Page {page}</span>
            <Button type="button" variant="secondary" disabled={!hasNext || query.isFetching} onClick={() => setPage((p) => p + 1)}>
              Next
            </Button>
          </nav>
        </>
      ) : null}
    </div>
  );
}

/** Says what the download will hold (the screen's filter, its row count) before anything is downloaded. */
function ExportConfirm({
  loading,
  total,
  campaignName,
  searchTerm,
  onConfirm,
  onCancel,
  returnFocus,
}: {
  returnFocus: RefObject<HTMLButtonElement | null>;
  loading: boolean;
  total: number;
  campaignName: string | null;
  searchTerm: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const what = [campaignName ? `of ${campaignName}` : 'of all campaigns', searchTerm ? `with “${searchTerm}” in the code` : null].filter(Boolean).join(' ');
  return (
    <Dialog open onClose={onCancel} testId="export-confirm" title="Export codes as CSV" returnFocus={returnFocus}>
      <p className="mt-2 text-base" role="status" data-testid="export-count">
        {loading ? 'Counting the codes…' : total === 0 ? `No codes ${what}: nothing to export.` : `${total} ${total === 1 ? 'code' : 'codes'} ${what} will be downloaded, with the customers’ names, e-mails and phones.`}
      </p>
      <div className="mt-4 flex flex-wrap gap-3">
        <Button type="button" disabled={loading || total === 0} onClick={onConfirm}>
          {loading ? 'Download' : `Download ${total} ${total === 1 ? 'code' : 'codes'}`}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </Dialog>
  );
}