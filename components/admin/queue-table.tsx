'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { listQueueAction, retryJobAction } from '@/app/(console)/admin/actions';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { formatInstant } from '@/lib/dates';

type Status = 'queued' | 'running' | 'done' | 'dead';
const TABS: { value: Status | undefined; label: string }[] = [
  { value: undefined, label: 'All' },
  { value: 'queued', label: 'Waiting' },
  { value: 'running', label: 'Running' },
  { value: 'dead', label: 'Dead' },
  { value: 'done', label: 'Done' },
];


export function QueueTable({ timeZone }: { timeZone: string }) {
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

  const data = query.data;
  return (
    <div>
      <div role="tablist" aria-label="Job state" className="flex flex-wrap gap-2">
        {TABS.map((t) => (
          <button
            key={t.label}
            role="tab"
            type="button"
            aria-selected={status === t.value}
            onClick={() => {
              setStatus(t.value);
              setPage(1);
            }}
            className={`min-h-11 rounded-lg px-3 font-medium ${status === t.value ? 'bg-blue-700 text-white' : 'bg-slate-100 hover:bg-slate-200'}`}
          >
            {t.label}
            {data ? ` (${t.value ? data.counts[t.value] : Object.values(data.counts).reduce((a, b) => a + b, 0)})` : ''}
          </button>
        ))}
      </div>
      {query.isError ? (
        <p role="alert" className="mt-4 rounded-lg bg-red-50 p-3 text-red-800">
          {(query.error as Error).message}
        </p>
      ) : null}
      {query.isPending ? (
        <p className="mt-4 text-slate-600" role="status">
          Loading the queue…
        </p>
      ) : null}
      {data ? (
        <>
          <div className="mt-4 overflow-x-auto">
            <table className="w-full min-w-[760px] text-left text-sm" data-testid="queue-table">
              <caption className="sr-only">Sync jobs, newest first; refreshes every few seconds</caption>
              <thead className="border-b border-slate-300 text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3">Job</th>
                  <th scope="col" className="py-2 pr-3">State</th>
                  <th scope="col" className="py-2 pr-3">Attempts</th>
                  <th scope="col" className="py-2 pr-3">Next attempt</th>
                  <th scope="col" className="py-2 pr-3">Last error</th>
                  <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {data.rows.length === 0 ? (
                  <tr>
                    <td colSpan={6} className="py-6 text-center text-slate-600">
                      No jobs here.
                    </td>
                  </tr>
                ) : null}
                {data.rows.map((job) => (
                  <tr key={job.id} className="border-b border-slate-100 align-top">
                    <td className="py-2 pr-3">
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
                    </td>
                    <td className="py-2 pr-3 font-medium">{job.status}</td>
                    <td className="py-2 pr-3">
                      {job.attempts} / {job.maxAttempts}
                    </td>
                    <td className="py-2 pr-3">{job.status === 'queued' ? formatInstant(job.nextAttemptAt, timeZone, 'time') : '—'}</td>
                    <td className="py-2 pr-3 text-xs break-all text-red-800">{job.lastError ?? ''}</td>
                    <td className="py-2">
                      {job.status === 'dead' ? (
                        <Button variant="secondary" pending={retry.isPending && retry.variables === job.id} pendingLabel="Retrying…" onClick={() => retry.mutate(job.id)}>
                          Retry
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
      ) : null}
    </div>
  );
}
