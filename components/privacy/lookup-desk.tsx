'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { recordExportAction, startLookupAction } from '@/app/(console)/privacy/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { formatInstant } from '@/lib/dates';
import type { ActionResult } from '@/lib/errors';
import type { LookupView } from '@/lib/privacy/lookup-records';
import type { WindowRunResult } from '@/lib/privacy/run-lookup-window';
import { lazyResolver, loadZodResolver } from '@/components/forms/lazy-resolver';
import { checkActivityWindowIso } from '@/lib/privacy/lookup-rules';
import type { LookupFormValues } from '@/lib/privacy/inputs';
import { CHANNEL_LABELS, periodDays, windowsNeeded } from '@/lib/privacy/lookup-rules';
import { runPool } from '@/lib/privacy/pool';
import {
  activitiesToCsv,
  buildExportDocument,
  countActivities,
  coverageOf,
  describeWindow,
  mergeActivities,
  type ActivityRow,
  type WindowInfo,
} from '@/lib/privacy/results';
import { MAX_PERIOD_DAYS } from '@/lib/privacy/windows';
import { caseProfile, forgetLookup, forgetWindowRows, lookupRows, putWindowRows } from './results-store';

import { MAX_IN_FLIGHT } from '@/lib/privacy/constants';
export { MAX_IN_FLIGHT };

const STATE_LABELS: Record<WindowInfo['state'], string> = {
  never_asked: 'never asked',
  pending: 'asking…',
  answered: 'answered',
  failed: 'failed',
};

const STATE_STYLES: Record<WindowInfo['state'], string> = {
  never_asked: 'bg-slate-100 text-slate-800',
  pending: 'bg-amber-100 text-amber-900',
  answered: 'bg-green-100 text-green-900',
  failed: 'bg-red-100 text-red-900',
};

async function runWindowOverHttp(lookupId: string, windowId: string): Promise<ActionResult<WindowRunResult>> {
  const res = await fetch('/privacy/run-window', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ lookupId, windowId }),
  });
  return (await res.json()) as ActionResult<WindowRunResult>;
}

function download(filename: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface LookupDeskProps {
  caseId: string;
  reference: string;
  timeZone: string;
  /** The store's calendar date (YYYY-MM-DD) when the page was rendered. */
  today: string;
  initialLookup: LookupView | null;
  canExport: boolean;
}

export function LookupDesk({ caseId, reference, timeZone, today, initialLookup, canExport }: LookupDeskProps) {
  const toast = useToast();
  const router = useRouter();
  const [lookup, setLookup] = useState<LookupView | null>(initialLookup);
  // Rows per window, mirrored from the tab-memory store (survives client-side navigation only).
  const [rowsByWindow, setRowsByWindow] = useState<Map<string, ActivityRow[]>>(() =>
    initialLookup ? new Map(lookupRows(initialLookup.id)) : new Map(),
  );
  const [running, setRunning] = useState(false);
  const [starting, setStarting] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const inFlight = useRef(new Set<string>());
  const todayRef = useRef(today);
  const resolver = useMemo(
    () =>
      lazyResolver<LookupFormValues>(async () => {
        const [zodResolver, { lookupFormSchema }] = await Promise.all([loadZodResolver(), import('@/lib/privacy/inputs')]);
        return zodResolver(lookupFormSchema(() => todayRef.current));
      }),
    [],
  );

  const form = useForm<LookupFormValues>({
    resolver,
    defaultValues: { channel: 'email', from: '', to: today },
    mode: 'onSubmit',
  });
  const values = form.watch();
  const check = values.from && values.to ? checkActivityWindowIso({ from: values.from, to: values.to, today }) : null;
  const splitCount = check && !check.ok && check.problem === 'too_long' ? windowsNeeded(values.from, values.to) : null;
  const splitTooLong = splitCount !== null && (periodDays(values.from, values.to) ?? 0) > MAX_PERIOD_DAYS;

  const updateWindow = useCallback((w: WindowInfo) => {
    setLookup((current) => (current ? { ...current, windows: current.windows.map((x) => (x.id === w.id ? w : x)) } : current));
  }, []);

  const runWindows = useCallback(
    async (target: LookupView, windowIds: string[]) => {
      const todo = windowIds.filter((id) => !inFlight.current.has(id));
      if (todo.length === 0) return;
      setRunning(true);
      try {
        await runPool(
          todo,
          MAX_IN_FLIGHT,
          async (windowId) => {
            inFlight.current.add(windowId);
            setLookup((current) =>
              current ? { ...current, windows: current.windows.map((x) => (x.id === windowId ? { ...x, state: 'pending' } : x)) } : current,
            );
            try {
              const result = await runWindowOverHttp(target.id, windowId);
              if (!result.ok) throw new Error(result.error.message);
              if (result.data.window.state === 'answered') putWindowRows(target.id, windowId, result.data.rows);
              else forgetWindowRows(target.id, windowId);
              setRowsByWindow((m) => {
                const next = new Map(m);
                if (result.data.window.state === 'answered') next.set(windowId, result.data.rows);
                else next.delete(windowId);
                return next;
              });
              updateWindow(result.data.window);
            } catch (error) {
              setLookup((current) =>
                current
                  ? {
                      ...current,
                      windows: current.windows.map((x) =>
                        x.id === windowId ? { ...x, state: 'failed', failureReason: error instanceof Error ? error.message : 'the console could not be reached' } : x,
                      ),
                    }
                  : current,
              );
            } finally {
              inFlight.current.delete(windowId);
            }
          },
        );
      } finally {
        setRunning(false);
        // The case header and history (status, counts) are server-rendered.
        router.refresh();
      }
    },
    [router, updateWindow],
  );

  async function start(mode: 'single' | 'split') {
    setFormError(null);
    setStarting(true);
    try {
      const { channel, from, to } = form.getValues();
      const result = await startLookupAction({ caseId, channel, from, to, mode });
      if (!result.ok) {
        setFormError(result.error.message);
        for (const [field, messages] of Object.entries(result.error.fieldErrors ?? {})) {
          if (field === 'from' || field === 'to' || field === 'channel') form.setError(field, { type: 'server', message: messages[0] });
        }
        return;
      }
      const created = result.data;
      router.refresh();
      setLookup(created);
      setRowsByWindow(new Map());
      void runWindows(
        created,
        created.windows.map((w) => w.id),
      );
    } finally {
      setStarting(false);
    }
  }

  // The Retry / Resume button disappears while its windows run: focus goes to where the answer shows (the
  // window's row, or the progress line for several), not to the page.
  const progressRef = useRef<HTMLParagraphElement>(null);
  function retry(windowIds: string[], one?: string) {
    if (!lookup) return;
    (one ? document.getElementById(`window-${one}`) : progressRef.current)?.focus();
    void runWindows(lookup, windowIds);
  }

  // A window answered in an earlier page load has no rows in this tab: resume asks it again.
  const toResume = lookup
    ? lookup.windows.filter((w) => !inFlight.current.has(w.id) && (w.state === 'never_asked' || w.state === 'pending' || (w.state === 'answered' && !rowsByWindow.has(w.id))))
    : [];
  const failed = lookup ? lookup.windows.filter((w) => w.state === 'failed' && !inFlight.current.has(w.id)) : [];

  const rows = useMemo(() => (lookup ? mergeActivities(lookup.windows.map((w) => rowsByWindow.get(w.id) ?? [])) : []), [lookup, rowsByWindow]);
  const counts = useMemo(() => countActivities(rows), [rows]);
  const coverage = lookup ? coverageOf(lookup.windows, (id) => rowsByWindow.has(id)) : null;
  const answeredCount = lookup ? lookup.windows.filter((w) => w.state === 'answered').length : 0;
  const failedCount = lookup ? lookup.windows.filter((w) => w.state === 'failed').length : 0;
  const total = lookup?.windows.length ?? 0;

  useEffect(() => {
    // Rows already in this tab for the initial lookup (client-side navigation back to the case).
    if (initialLookup) setRowsByWindow(new Map(lookupRows(initialLookup.id)));
  }, [initialLookup]);

  async function exportAs(format: 'csv' | 'json') {
    if (!lookup || !coverage) return;
    const result = await recordExportAction({
      lookupId: lookup.id,
      format,
      rowCount: rows.length,
      windowsAnswered: coverage.answered.length,
      windowsFailed: coverage.failed.length,
      windowsNeverAsked: coverage.notAsked.length,
    });
    if (!result.ok) {
      toast('error', result.error.message);
      return;
    }
    const base = `${reference}-channel-activity`;
    if (format === 'csv') {
      download(`${base}.csv`, 'text/csv;charset=utf-8', activitiesToCsv(rows, timeZone));
    } else {
      const doc = buildExportDocument({
        envelope: result.data,
        period: { from: lookup.from, to: lookup.to, channels: lookup.channels },
        windows: lookup.windows,
        hasRows: (id) => rowsByWindow.has(id),
        rows,
        profile: caseProfile(caseId) ?? null,
      });
      download(`${base}.json`, 'application/json', `${JSON.stringify(doc, null, 2)}\n`);
    }
    toast('success', `The ${format.toUpperCase()} file is downloaded. Nothing of it is kept by the console.`);
  }

  function clearResults() {
    if (!lookup) return;
    forgetLookup(lookup.id);
    setRowsByWindow(new Map());
    toast('info', 'The results are cleared from this browser.');
  }

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="lookup-title" className="rounded-2xl bg-white p-6 shadow-sm">
        <h2 id="lookup-title" className="text-xl font-bold">
          Channel activity lookup
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          Netcore serves at most 7 days per request (both dates included), never the future. A longer period is split into 7-day windows, up to{' '}
          {MAX_PERIOD_DAYS} days.
        </p>
        <form
          noValidate
          className="mt-4 flex flex-col gap-4"
          aria-label="Channel activity lookup"
          onSubmit={form.handleSubmit(() => start('single'))}
        >
          <fieldset className="flex flex-wrap gap-4">
            <legend className="mb-1 text-sm font-medium text-slate-800">Channel</legend>
            {(
              [
                ['email', 'E-mail'],
                ['sms', 'SMS'],
                ['both', 'Both'],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 px-3">
                <input type="radio" value={value} {...form.register('channel')} />
                {label}
              </label>
            ))}
          </fieldset>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="From" type="date" max={today} error={form.formState.errors.from?.message} {...form.register('from')} />
            <Field label="To" type="date" max={today} error={form.formState.errors.to?.message} {...form.register('to')} />
          </div>
          {formError ? (
            <p role="alert" data-testid="lookup-error" className="rounded-lg bg-red-50 p-3 text-red-800">
              {formError}
            </p>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" pending={starting} disabled={running}>
              Look up
            </Button>
            {splitCount !== null && form.formState.errors.to ? (
              <Button type="button" variant="secondary" disabled={running || starting || splitTooLong} onClick={() => start('split')}>
                Split into {splitCount} windows
              </Button>
            ) : null}
          </div>
        </form>
      </section>

      {lookup ? (
        <section aria-labelledby="progress-title" className="rounded-2xl bg-white p-6 shadow-sm">
          <h2 id="progress-title" className="text-xl font-bold">
            Windows
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            {lookup.mode === 'split' ? 'Split lookup' : 'Single range'} of {lookup.from} to {lookup.to} on{' '}
            {lookup.channels.map((c) => CHANNEL_LABELS[c]).join(' and ')}, asked by {lookup.requestedByName}.
          </p>
          <div className="mt-3">
            <div
              role="progressbar"
              aria-label="Windows answered"
              aria-valuemin={0}
              aria-valuemax={total}
              aria-valuenow={answeredCount}
              className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
            >
              <div className="h-full bg-green-600 transition-all" style={{ width: `${total ? (answeredCount / total) * 100 : 0}%` }} />
            </div>
            <p ref={progressRef} tabIndex={-1} className="mt-1 text-sm text-slate-800 outline-none focus-visible:ring-2 focus-visible:ring-blue-700" data-testid="progress-text" aria-live="polite">
              {answeredCount} of {total} windows answered{failedCount ? `, ${failedCount} failed` : ''}
              {running ? ' — working…' : ''}
            </p>
          </div>
          <div className="mt-3 flex flex-wrap gap-3">
            {toResume.length > 0 && !running ? (
              <Button type="button" onClick={() => retry(toResume.map((w) => w.id))}>
                Resume ({toResume.length} window{toResume.length === 1 ? '' : 's'})
              </Button>
            ) : null}
            {failed.length > 1 ? (
              <Button type="button" variant="secondary" onClick={() => retry(failed.map((w) => w.id))}>
                Retry all failed windows
              </Button>
            ) : null}
          </div>
          <ol className="mt-4 grid gap-2 sm:grid-cols-2 lg:grid-cols-3" aria-label="Window states">
            {lookup.windows.map((w) => (
              <li
                key={w.id}
                id={`window-${w.id}`}
                tabIndex={-1}
                data-testid="window"
                data-state={w.state}
                className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 p-2 text-sm outline-none focus-visible:ring-2 focus-visible:ring-blue-700"
              >
                <span className="font-medium">{describeWindow(w)}</span>
                <span className={`rounded px-2 py-0.5 ${STATE_STYLES[w.state]}`}>{STATE_LABELS[w.state]}</span>
                {w.state === 'answered' ? <span>{w.activityCount ?? 0} activities</span> : null}
                {w.state === 'answered' && !rowsByWindow.has(w.id) ? <span className="text-slate-600">(rows not in this browser)</span> : null}
                {w.state === 'failed' ? <span className="text-red-800">{w.failureReason}</span> : null}
                {w.state === 'failed' && !inFlight.current.has(w.id) ? (
                  <Button type="button" variant="secondary" className="ml-auto" aria-label={`Retry ${describeWindow(w)}`} onClick={() => retry([w.id], w.id)}>
                    Retry
                  </Button>
                ) : null}
              </li>
            ))}
          </ol>
          {coverage ? (
            <div className="mt-4 rounded-lg bg-slate-50 p-3">
              <h3 className="font-semibold">Coverage</h3>
              <p data-testid="coverage-statement" className="mt-1 text-sm text-slate-800">
                {coverage.statement}
              </p>
            </div>
          ) : null}
        </section>
      ) : null}

      {lookup && rowsByWindow.size > 0 ? (
        <section aria-labelledby="results-title" className="rounded-2xl bg-white p-6 shadow-sm">
          <h2 id="results-title" className="text-xl font-bold">
            Results
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            Kept only in this browser tab until you export them; the console stores the windows and counts, never the rows.
          </p>
          <div className="mt-3 grid gap-4 md:grid-cols-2">
            <table className="text-sm" data-testid="counts-by-channel">
              <caption className="text-left font-semibold">Per channel</caption>
              <thead>
                <tr>
                  <th scope="col" className="text-left">
                    Channel
                  </th>
                  <th scope="col" className="text-right">
                    Activities
                  </th>
                </tr>
              </thead>
              <tbody>
                {lookup.channels.map((c) => (
                  <tr key={c}>
                    <th scope="row" className="text-left font-normal">
                      {CHANNEL_LABELS[c]}
                    </th>
                    <td className="text-right">{counts.byChannel[c] ?? 0}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row" className="text-left">
                    Total
                  </th>
                  <td className="text-right font-semibold" data-testid="total-count">
                    {counts.total}
                  </td>
                </tr>
              </tbody>
            </table>
            <table className="text-sm" data-testid="counts-by-type">
              <caption className="text-left font-semibold">Per activity type</caption>
              <thead>
                <tr>
                  <th scope="col" className="text-left">
                    Type
                  </th>
                  <th scope="col" className="text-right">
                    Activities
                  </th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(counts.byType)
                  .sort(([a], [b]) => a.localeCompare(b))
                  .map(([type, n]) => (
                    <tr key={type}>
                      <th scope="row" className="text-left font-normal">
                        {type}
                      </th>
                      <td className="text-right">{n}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
          <div className="mt-4 flex flex-wrap gap-3">
            {canExport ? (
              <>
                <Button type="button" onClick={() => exportAs('csv')} disabled={running}>
                  Download CSV
                </Button>
                <Button type="button" onClick={() => exportAs('json')} disabled={running}>
                  Download JSON
                </Button>
                <Link
                  href={`/privacy/${caseId}/report`}
                  className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-50"
                >
                  Printable report
                </Link>
              </>
            ) : null}
            <Button type="button" variant="ghost" onClick={clearResults} disabled={running}>
              Clear results from this browser
            </Button>
          </div>
          <div className="mt-4 overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="activity-table">
              <caption className="sr-only">Channel activity, oldest first</caption>
              <thead className="bg-slate-50">
                <tr>
                  {['Channel', 'Type', 'Message', 'Time (store)', 'As sent', 'IP', 'Device', 'OS', 'Browser', 'Link'].map((h) => (
                    <th key={h} scope="col" className="px-2 py-1">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={i} data-testid="activity-row" className="border-t border-slate-100 align-top">
                    <td className="px-2 py-1">{r.channel}</td>
                    <td className="px-2 py-1">{r.activity}</td>
                    <td className="px-2 py-1">
                      <span data-testid="message-id">{r.messageId ?? ''}</span>
                      {r.messageName ? <span className="block text-slate-700">{r.messageName}</span> : null}
                    </td>
                    <td className="px-2 py-1 whitespace-nowrap" data-testid="time-store">
                      {formatInstant(r.at, timeZone, 'isoMinute', '')}
                    </td>
                    <td className="px-2 py-1 whitespace-nowrap text-slate-700" data-testid="time-raw">
                      {r.rawDate}
                    </td>
                    <td className="px-2 py-1">{r.ip ?? ''}</td>
                    <td className="px-2 py-1">{r.device ?? ''}</td>
                    <td className="px-2 py-1">{r.os ?? ''}</td>
                    <td className="px-2 py-1">{r.browser ?? ''}</td>
                    <td className="px-2 py-1 break-all">{r.link ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
