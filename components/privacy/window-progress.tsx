'use client';

import { useRef } from 'react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { LookupView } from '@/lib/privacy/lookup-records';
import { CHANNEL_LABELS } from '@/lib/privacy/lookup-rules';
import { describeWindow, type ActivityRow, type WindowInfo } from '@/lib/privacy/results';

const STATE_LABELS: Record<WindowInfo['state'], string> = {
  never_asked: 'never asked',
  pending: 'asking…',
  answered: 'answered',
  failed: 'failed',
};

const STATE_TONES: Record<WindowInfo['state'], BadgeTone> = {
  never_asked: 'neutral',
  pending: 'warning',
  answered: 'success',
  failed: 'danger',
};

/** The lookup's windows: how many are answered, each one's state, resume and retry. */
export function WindowProgress({
  lookup,
  rowsByWindow,
  inFlight,
  running,
  coverage,
  onRun,
}: {
  lookup: LookupView;
  rowsByWindow: ReadonlyMap<string, ActivityRow[]>;
  /** Windows asked right now (no retry button for them). */
  inFlight: ReadonlySet<string>;
  running: boolean;
  coverage: { statement: string } | null;
  onRun: (windowIds: string[]) => void;
}) {
  // The Retry / Resume button disappears while its windows run: focus goes to where the answer shows (the
  // window's row, or the progress line for several), not to the page.
  const progressRef = useRef<HTMLParagraphElement>(null);
  function retry(windowIds: string[], one?: string) {
    (one ? document.getElementById(`window-${one}`) : progressRef.current)?.focus();
    onRun(windowIds);
  }
  // A window answered in an earlier page load has no rows in this tab: resume asks it again.
  const toResume = lookup.windows.filter((w) => !inFlight.has(w.id) && (w.state === 'never_asked' || w.state === 'pending' || (w.state === 'answered' && !rowsByWindow.has(w.id))));
  const failed = lookup.windows.filter((w) => w.state === 'failed' && !inFlight.has(w.id));
  const answeredCount = lookup.windows.filter((w) => w.state === 'answered').length;
  const failedCount = lookup.windows.filter((w) => w.state === 'failed').length;
  const total = lookup.windows.length;
  return (
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
            <Badge size="xs" tone={STATE_TONES[w.state]}>
              {STATE_LABELS[w.state]}
            </Badge>
            {w.state === 'answered' ? <span>{w.activityCount ?? 0} activities</span> : null}
            {w.state === 'answered' && !rowsByWindow.has(w.id) ? <span className="text-slate-600">(rows not in this browser)</span> : null}
            {w.state === 'failed' ? <span className="text-red-800">{w.failureReason}</span> : null}
            {w.state === 'failed' && !inFlight.has(w.id) ? (
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
  );
}
