'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { withQueryClient } from '@/components/data/query-client';
import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { exportCodesAction, listCodesAction } from '@/app/(console)/loyalty/actions';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { DownloadButton } from '@/components/ui/download-button';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { Table, Td, Tr, type TableColumn } from '@/components/ui/table';
import { useToast } from '@/components/ui/toast';
import type { CodeListResult } from '@/lib/loyalty/list-codes';
import { useCampaigns } from './campaign-picker';
import { CODE_COLUMNS, STATUS_TONES } from './format';

const COLUMNS: TableColumn[] = [
  ...CODE_COLUMNS,
  { key: 'customer', label: 'Customer' },
  { key: 'hostess', label: 'Allocated by' },
];

interface Filter {
  campaignInternalId: string;
  searchTerm: string;
}

function CodeListDesk({ canExport }: { canExport: boolean }) {
  const toast = useToast();
  const campaigns = useCampaigns('all');
  const [draft, setDraft] = useState<Filter>({ campaignInternalId: '', searchTerm: '' });
  const [filter, setFilter] = useState<Filter>(draft);
  const [page, setPage] = useState(1);
  // The vendor does not document its page size: the largest page seen stands for it.
  const [pageSize, setPageSize] = useState(0);
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
    const result = await exportCodesAction({ campaignInternalId: filter.campaignInternalId || undefined, searchTerm: filter.searchTerm || undefined, format: 'csv' });
    if (!result.ok) return { ok: false as const, message: result.error.message };
    const { csv, filename, rows, truncated } = result.data;
    return { ok: true as const, text: csv, filename, saved: `Exported ${rows} codes${truncated ? ' (the list was cut at the export limit)' : ''}.` };
  }

  const data = query.data;
  const first = data && data.rows.length ? (page - 1) * Math.max(pageSize, data.rows.length) + 1 : 0;
  const last = data ? first + data.rows.length - 1 : 0;
  const hasNext = !!data && data.rows.length > 0 && last < data.totalResults;

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={search} className="flex flex-wrap items-end gap-3" aria-label="Filter codes">
        <Select
          id="codes-campaign"
          label="Campaign"
          value={draft.campaignInternalId}
          onChange={(e) => setDraft((d) => ({ ...d, campaignInternalId: e.target.value }))}
          placeholder="All campaigns"
          options={(campaigns.data ?? []).map((c) => ({ value: c.internalId, label: c.name }))}
        />
        <Field
          id="codes-search"
          label="Code contains"
          type="search"
          value={draft.searchTerm}
          autoCapitalize="characters"
          onChange={(e) => setDraft((d) => ({ ...d, searchTerm: e.target.value }))}
        />
        <Button type="submit">Search</Button>
        {canExport ? (
          <Button ref={exportRef} type="button" variant="secondary" onClick={askExport}>
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
          fetchFile={exportCsv}
          returnFocus={exportRef}
          onSaved={(message) => {
            setExportAsked(false);
            toast('success', message);
          }}
          onFailed={(message) => {
            setExportAsked(false);
            toast('error', message);
          }}
          onCancel={() => setExportAsked(false)}
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
          <Table testId="codes-table" caption="Loyalty codes" captionHidden columns={COLUMNS} rowCount={data.rows.length} textSize="base" minWidthClass="min-w-[760px]" empty="No codes on this page.">
            {data.rows.map((r) => (
              <Tr key={`${r.campaignInternalId}:${r.code}`} data-testid={`code-row-${r.code}`}>
                <Td className="font-mono font-semibold">{r.code}</Td>
                <Td>{r.campaignName ?? '—'}</Td>
                <Td>
                  <Badge tone={STATUS_TONES[r.state]}>{r.statusLabel}</Badge>
                </Td>
                <Td>{r.prize ?? '—'}</Td>
                <Td>{r.customerName ?? '—'}</Td>
                <Td>{r.hostess ?? '—'}</Td>
              </Tr>
            ))}
          </Table>
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
  fetchFile,
  onSaved,
  onFailed,
  onCancel,
  returnFocus,
}: {
  loading: boolean;
  total: number;
  campaignName: string | null;
  searchTerm: string;
  fetchFile: () => Promise<{ ok: true; text: string; filename: string; saved: string } | { ok: false; message: string }>;
  onSaved: (message: string) => void;
  onFailed: (message: string) => void;
  onCancel: () => void;
  returnFocus: RefObject<HTMLButtonElement | null>;
}) {
  // What the last download said it holds, for the toast after it is saved.
  const said = useRef('');
  const what = [campaignName ? `of ${campaignName}` : 'of all campaigns', searchTerm ? `with “${searchTerm}” in the code` : null].filter(Boolean).join(' ');
  return (
    <Dialog open onClose={onCancel} testId="export-confirm" title="Export codes as CSV" returnFocus={returnFocus}>
      <p className="mt-2 text-base" role="status" data-testid="export-count">
        {loading ? 'Counting the codes…' : total === 0 ? `No codes ${what}: nothing to export.` : `${total} ${total === 1 ? 'code' : 'codes'} ${what} will be downloaded, with the customers’ names, e-mails and phones.`}
      </p>
      <div className="mt-4 flex flex-wrap gap-3">
        <DownloadButton
          variant="primary"
          pendingLabel="Exporting…"
          disabled={loading || total === 0}
          fetchFile={async () => {
            const result = await fetchFile();
            if (result.ok) said.current = result.saved;
            return result;
          }}
          onSaved={() => onSaved(said.current)}
          onFailed={onFailed}
        >
          {loading ? 'Download' : `Download ${total} ${total === 1 ? 'code' : 'codes'}`}
        </DownloadButton>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </Dialog>
  );
}

export const CodeList = withQueryClient(CodeListDesk);
