'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { withQueryClient } from '@/components/data/query-client';
import { useState } from 'react';
import { listQueueAction, resolveCaptureCheckAction, retryJobAction } from '@/app/(console)/admin/actions';
import { CaptureCheckPanel } from '@/components/admin/capture-check';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, Td, Tr, type TableColumn } from '@/components/ui/table';
import { Tabs } from '@/components/ui/tabs';
import { useToast } from '@/components/ui/toast';
import { formatInstant } from '@/lib/dates';
import { isLocale } from '@/lib/i18n/locales';

type Status = 'queued' | 'running' | 'done' | 'dead' | 'needs_person';
const TABS: (Status | undefined)[] = [undefined, 'needs_person', 'queued', 'running', 'dead', 'done'];
const STATUSES: readonly string[] = ['queued', 'running', 'done', 'dead', 'needs_person'];
const ALL = 'all';
const STATE_TONES: Record<Status, BadgeTone> = { queued: 'info', running: 'info', done: 'success', dead: 'danger', needs_person: 'warning' };

function QueueTableDesk({ timeZone }: { timeZone: string }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const t = useTranslations('admin.queue');
  const tp = useTranslations('admin.pager');
  const current = useLocale();
  const locale = isLocale(current) ? current : 'en';
  const columns: TableColumn[] = (['job', 'state', 'attempts', 'next', 'error', 'actions'] as const).map((key) => ({
    key,
    label: t(`columns.${key}`),
    ...(key === 'actions' ? { hiddenLabel: true } : {}),
  }));
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['queue', status, page],
    queryFn: async () => {
      const result = await listQueueAction({ status, page });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    refetchInterval: 3000,
  });
  const retry = useMutation({
    mutationFn: async (jobId: string) => {
      const result = await retryJobAction({ jobId });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onSuccess: () => {
      toast('success', t('retried'));
      void queryClient.invalidateQueries({ queryKey: ['queue'] });
    },
    onError: (e: Error) => toast('error', e.message),
  });
  const resolve = useMutation({
    mutationFn: async (input: { jobId: string } & ({ choice: 'adopt'; leadId: string } | { choice: 'resend' })) => {
      const result = await resolveCaptureCheckAction(input);
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onSuccess: (data) => {
      toast('success', data.choice === 'adopt' ? t('adopted') : t('resent'));
      void queryClient.invalidateQueries({ queryKey: ['queue'] });
    },
    onError: (e: Error) => {
      toast('error', e.message);
      void queryClient.invalidateQueries({ queryKey: ['queue'] });
    },
  });

  const data = query.data;
  const total = data ? Object.values(data.counts).reduce((a, b) => a + b, 0) : 0;
  const list = data ? (
    <>
      <Table
        testId="queue-table"
        caption={t('caption')}
        captionHidden
        columns={columns}
        rowCount={data.rows.length}
        empty={t('empty')}
        minWidthClass="min-w-[760px]"
      >
        {data.rows.map((job) => [
          <Tr key={job.id} className="border-slate-100">
            <Td>
              <span className="font-mono text-xs">{job.kind}</span>
              {job.forLabel ? (
                <span className="block font-medium" data-testid="job-for" title={job.correlation ?? undefined}>
                  {job.forHref ? (
                    <a href={job.forHref} className="text-blue-800 underline">
                      {job.forLabel}
                    </a>
                  ) : (
                    job.forLabel
                  )}
                </span>
              ) : null}
              <span className="block text-xs text-slate-600">
                {t('queued', { time: formatInstant(job.createdAt, timeZone, 'time', '—', locale) })}
                {job.requestedBy ? <span title={job.subject ?? undefined}> {t('queuedBy', { name: job.requestedBy })}</span> : null}
              </span>
            </Td>
            <Td>
              <Badge tone={STATE_TONES[job.status as Status] ?? 'neutral'} size="xs">
                {STATUSES.includes(job.status) ? t(`states.${job.status as Status}`) : job.status}
              </Badge>
            </Td>
            <Td>
              {t('attempts', { attempts: job.attempts, max: job.maxAttempts })}
            </Td>
            <Td>{job.status === 'queued' ? formatInstant(job.nextAttemptAt, timeZone, 'time', '—', locale) : '—'}</Td>
            <Td className="text-xs break-all text-red-800">{job.lastError ?? ''}</Td>
            <Td>
              {job.status === 'dead' ? (
                <Button variant="secondary" pending={retry.isPending && retry.variables === job.id} pendingLabel={t('retrying')} onClick={() => retry.mutate(job.id)}>
                  {t('retry')}
                </Button>
              ) : null}
            </Td>
          </Tr>,
          job.check ? (
            <Tr key={`${job.id}-check`} className="border-slate-100">
              <Td colSpan={columns.length}>
                <CaptureCheckPanel
                  jobId={job.id}
                  check={job.check}
                  timeZone={timeZone}
                  pending={resolve.isPending && resolve.variables?.jobId === job.id}
                  onResolve={(decision) => resolve.mutate({ jobId: job.id, ...decision })}
                />
              </Td>
            </Tr>
          ) : null,
        ])}
      </Table>
      <nav aria-label={t('pages')} className="mt-4 flex items-center gap-3">
        <Button variant="ghost" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
          {tp('newer')}
        </Button>
        <span className="text-sm text-slate-600">{tp('pageOf', { page: data.page, pages: data.pages })}</span>
        <Button variant="ghost" disabled={page >= data.pages} onClick={() => setPage((p) => p + 1)}>
          {tp('older')}
        </Button>
      </nav>
    </>
  ) : null;
  const panel = (
    <>
      {query.isError ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">
          {(query.error as Error).message}
        </p>
      ) : null}
      {query.isPending ? (
        <p className="text-slate-600" role="status">
          {t('loading')}
        </p>
      ) : null}
      {list}
    </>
  );
  return (
    <Tabs
      label={t('tabsLabel')}
      value={status ?? ALL}
      onChange={(id) => {
        setStatus(id === ALL ? undefined : (id as Status));
        setPage(1);
      }}
      items={TABS.map((value) => {
        const label = t(`tabs.${value ?? 'all'}`);
        return {
          id: value ?? ALL,
          label: data ? t('tab', { label, count: value ? data.counts[value] : total }) : label,
          content: panel,
        };
      })}
    />
  );
}

export const QueueTable = withQueryClient(QueueTableDesk);
