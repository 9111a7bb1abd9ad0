'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

type Status = 'queued' | 'running' | 'done' | 'dead' | 'needs_person';
const TABS: { value: Status | undefined; label: string }[] = [
  { value: undefined, label: 'All' },
  { value: 'needs_person', label: 'Needs a person' },
  { value: 'queued', label: 'Waiting' },
  { value: 'running', label: 'Running' },
  { value: 'dead', label: 'Dead' },
  { value: 'done', label: 'Done' },
];
const ALL = 'all';
const STATE_TONES: Record<Status, BadgeTone> = { queued: 'info', running: 'info', done: 'success', dead: 'danger', needs_person: 'warning' };
const STATE_WORDS: Partial<Record<Status, string>> = { needs_person: 'needs a person' };

const COLUMNS: TableColumn[] = [
  { key: 'job', label: 'Job' },
  { key: 'state', label: 'State' },
  { key: 'attempts', label: 'Attempts' },
  { key: 'next', label: 'Next attempt' },
  { key: 'error', label: 'Last error' },
  { key: 'actions', label: 'Actions', hiddenLabel: true },
];

function QueueTableDesk({ timeZone }: { timeZone: string }) {
  const toast = useToast();
  const queryClient = useQueryClient();
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
      toast('success', 'The job is back in the queue and will run at once.');
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
      toast('success', data.choice === 'adopt' ? 'Recorded: the capture is that lead. Its follow-ups are being sent.' : 'The lead is being sent to Footprints again.');
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
        caption="Sync jobs, newest first; refreshes every few seconds"
        captionHidden
        columns={COLUMNS}
        rowCount={data.rows.length}
        empty="No jobs here."
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
                queued {formatInstant(job.createdAt, timeZone, 'time')}
                {job.requestedBy ? <span title={job.subject ?? undefined}> by {job.requestedBy}</span> : null}
              </span>
            </Td>
            <Td>
              <Badge tone={STATE_TONES[job.status as Status] ?? 'neutral'} size="xs">
                {STATE_WORDS[job.status as Status] ?? job.status}
              </Badge>
            </Td>
            <Td>
              {job.attempts} / {job.maxAttempts}
            </Td>
            <Td>{job.status === 'queued' ? formatInstant(job.nextAttemptAt, timeZone, 'time') : '—'}</Td>
            <Td className="text-xs break-all text-red-800">{job.lastError ?? ''}</Td>
            <Td>
              {job.status === 'dead' ? (
                <Button variant="secondary" pending={retry.isPending && retry.variables === job.id} pendingLabel="Retrying…" onClick={() => retry.mutate(job.id)}>
                  Retry
                </Button>
              ) : null}
            </Td>
          </Tr>,
          job.check ? (
            <Tr key={`${job.id}-check`} className="border-slate-100">
              <Td colSpan={COLUMNS.length}>
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
      <nav aria-label="Queue pages" className="mt-4 flex items-center gap-3">
        <Button variant="ghost" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
          Newer
        </Button>
        <span className="text-sm text-slate-600">
          Page {data.page} of {data.pages}
        </span>
        <Button variant="ghost" disabled={page >= data.pages} onClick={() => setPage((p) => p + 1)}>
          Older
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
          Loading the queue…
        </p>
      ) : null}
      {list}
    </>
  );
  return (
    <Tabs
      label="Job state"
      value={status ?? ALL}
      onChange={(id) => {
        setStatus(id === ALL ? undefined : (id as Status));
        setPage(1);
      }}
      items={TABS.map((t) => ({
        id: t.value ?? ALL,
        label: `${t.label}${data ? ` (${t.value ? data.counts[t.value] : total})` : ''}`,
        content: panel,
      }))}
    />
  );
}

export const QueueTable = withQueryClient(QueueTableDesk);
