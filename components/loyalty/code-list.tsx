'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { withQueryClient } from '@/components/data/query-client';
import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { exportCodesAction, listCodesAction } from '@/app/(console)/loyalty/actions';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Dialog } from '@/components/ui/dialog';
import { DownloadButton } from '@/components/ui/download-button';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { Table, Td, Tr, type TableColumn } from '@/components/ui/table';
import { useToast } from '@/components/ui/toast';
import type { CodeListResult } from '@/lib/loyalty/list-codes';
import { useCampaigns } from './campaign-picker';
import { codeColumns, STATUS_TONES } from './format';

interface Filter {
  campaignInternalId: string;
  searchTerm: string;
}

function CodeListDesk({ canExport }: { canExport: boolean }) {
  const t = useTranslations('loyaltyCodes');
  const tl = useTranslations('loyalty');
  const toast = useToast();
  const columns: TableColumn[] = [
    ...codeColumns((key) => tl(`columns.${key}`)),
    { key: 'customer', label: t('customer') },
    { key: 'hostess', label: t('hostess') },
  ];
  // The file's column names: the person's language, or the stable English keys for programs.
  const [machineHeaders, setMachineHeaders] = useState(false);
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
    const result = await exportCodesAction({ campaignInternalId: filter.campaignInternalId || undefined, searchTerm: filter.searchTerm || undefined, format: 'csv', headers: machineHeaders ? 'keys' : 'words' });
    if (!result.ok) return { ok: false as const, message: result.error.message };
    const { csv, filename, rows, truncated } = result.data;
    return { ok: true as const, text: csv, filename, saved: truncated ? t('exportedTruncated', { rows }) : t('exported', { rows }) };
  }

  const data = query.data;
  const first = data && data.rows.length ? (page - 1) * Math.max(pageSize, data.rows.length) + 1 : 0;
  const last = data ? first + data.rows.length - 1 : 0;
  const hasNext = !!data && data.rows.length > 0 && last < data.totalResults;

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={search} className="flex flex-wrap items-end gap-3" aria-label={t('filter')}>
        <Select
          id="codes-campaign"
          label={t('campaign')}
          value={draft.campaignInternalId}
          onChange={(e) => setDraft((d) => ({ ...d, campaignInternalId: e.target.value }))}
          placeholder={t('allCampaigns')}
          options={(campaigns.data ?? []).map((c) => ({ value: c.internalId, label: c.name }))}
        />
        <Field
          id="codes-search"
          label={t('codeContains')}
          type="search"
          value={draft.searchTerm}
          autoCapitalize="characters"
          onChange={(e) => setDraft((d) => ({ ...d, searchTerm: e.target.value }))}
        />
        <Button type="submit">{t('search')}</Button>
        {canExport ? (
          <Button ref={exportRef} type="button" variant="secondary" onClick={askExport}>
            {t('exportCsv')}
          </Button>
        ) : null}
      </form>
      {canExport ? <p className="text-sm text-slate-700">{t('exportNote')}</p> : null}

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
          machineHeaders={machineHeaders}
          onMachineHeaders={setMachineHeaders}
        />
      ) : null}

      {query.isError ? (
        <p role="alert" className="text-base font-medium text-red-700">
          {query.error.message}
        </p>
      ) : null}
      {query.isPending ? <p className="text-base text-slate-700">{t('loading')}</p> : null}

      {data ? (
        <>
          <p className="text-base text-slate-800" data-testid="codes-summary" aria-live="polite">
            {data.totalResults === 0 ? t('noMatch') : t('range', { first, last, total: data.totalResults })}
          </p>
          <Table testId="codes-table" caption={t('title')} captionHidden columns={columns} rowCount={data.rows.length} textSize="base" minWidthClass="min-w-[760px]" empty={t('emptyPage')}>
            {data.rows.map((r) => (
              <Tr key={`${r.campaignInternalId}:${r.code}`} data-testid={`code-row-${r.code}`}>
                <Td className="font-mono font-semibold">{r.code}</Td>
                <Td>{r.campaignName ?? '—'}</Td>
                <Td>
                  <Badge tone={STATUS_TONES[r.state]}>{tl(`states.${r.state}`)}</Badge>
                </Td>
                <Td>{r.prize ?? '—'}</Td>
                <Td>{r.customerName ?? '—'}</Td>
                <Td>{r.hostess ?? '—'}</Td>
              </Tr>
            ))}
          </Table>
          <nav aria-label={t('pages')} className="flex items-center gap-3">
            <Button type="button" variant="secondary" disabled={page <= 1 || query.isFetching} onClick={() => setPage((p) => Math.max(1, p - 1))}>
              {t('previous')}
            </Button>
            <span className="text-base">{t('page', { page })}</span>
            <Button type="button" variant="secondary" disabled={!hasNext || query.isFetching} onClick={() => setPage((p) => p + 1)}>
              {t('next')}
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
  machineHeaders,
  onMachineHeaders,
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
  machineHeaders: boolean;
  onMachineHeaders: (keys: boolean) => void;
}) {
  const t = useTranslations('loyaltyCodes');
  // What the last download said it holds, for the toast after it is saved.
  const said = useRef('');
  const scope = t('scope', { campaign: campaignName ?? 'all', term: searchTerm || 'none' });
  return (
    <Dialog open onClose={onCancel} testId="export-confirm" title={t('confirmTitle')} returnFocus={returnFocus}>
      <p className="mt-2 text-base" role="status" data-testid="export-count">
        {loading ? t('counting') : total === 0 ? t('nothingToExport', { scope }) : t('willDownload', { total, scope })}
      </p>
      <Checkbox
        id="export-machine-headers"
        className="mt-3"
        label={t('machineHeaders')}
        checked={machineHeaders}
        onChange={(e) => onMachineHeaders(e.target.checked)}
        data-testid="export-machine-headers"
      />
      <div className="mt-4 flex flex-wrap gap-3">
        <DownloadButton
          variant="primary"
          pendingLabel={t('exporting')}
          disabled={loading || total === 0}
          fetchFile={async () => {
            const result = await fetchFile();
            if (result.ok) said.current = result.saved;
            return result;
          }}
          onSaved={() => onSaved(said.current)}
          onFailed={onFailed}
        >
          {loading ? t('download') : t('downloadCount', { total })}
        </DownloadButton>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </Dialog>
  );
}

export const CodeList = withQueryClient(CodeListDesk);
