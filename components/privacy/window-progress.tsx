'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useRef } from 'react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { LookupView } from '@/lib/privacy/lookup-records';
import { coverageStatement, type ActivityRow, type Coverage, type WindowInfo } from '@/lib/privacy/results';
import { coverageWords, failureReasonText } from '@/lib/privacy/coverage-words';

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
  coverage: Coverage | null;
  onRun: (windowIds: string[]) => void;
}) {
  // The Retry / Resume button disappears while its windows run: focus goes to where the answer shows (the
  // window's row, or the progress line for several), not to the page.
  const progressRef = useRef<HTMLParagraphElement>(null);
  const t = useTranslations('privacyCase.progress');
  const tr = useTranslations('report');
  const words = useMemo(() => coverageWords(tr), [tr]);
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
  const progressText = failedCount ? t('answeredFailed', { answered: answeredCount, total, failed: failedCount }) : t('answered', { answered: answeredCount, total });
  return (
    <section aria-labelledby="progress-title" className="rounded-2xl bg-white p-6 shadow-sm">
      <h2 id="progress-title" className="text-xl font-bold">
        {t('title')}
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {t(lookup.mode === 'split' ? 'split' : 'single', {
          from: lookup.from,
          to: lookup.to,
          channels:
            lookup.channels.length === 2
              ? t('channelsAnd', { first: tr(`channels.${lookup.channels[0]}`), second: tr(`channels.${lookup.channels[1]}`) })
              : tr(`channels.${lookup.channels[0]}`),
          name: lookup.requestedByName,
        })}
      </p>
      <div className="mt-3">
        <div
          role="progressbar"
          aria-label={t('barLabel')}
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={answeredCount}
          className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full bg-green-600 transition-all" style={{ width: `${total ? (answeredCount / total) * 100 : 0}%` }} />
        </div>
        <p ref={progressRef} tabIndex={-1} className="mt-1 text-sm text-slate-800 outline-none focus-visible:ring-2 focus-visible:ring-blue-700" data-testid="progress-text" aria-live="polite">
          {running ? t('working', { progress: progressText }) : progressText}
        </p>
      </div>
      <div className="mt-3 flex flex-wrap gap-3">
        {toResume.length > 0 && !running ? (
          <Button type="button" onClick={() => retry(toResume.map((w) => w.id))}>
            {t('resume', { count: toResume.length })}
          </Button>
        ) : null}
        {failed.length > 1 ? (
          <Button type="button" variant="secondary" onClick={() => retry(failed.map((w) => w.id))}>
            {t('retryAll')}
          </Button>
        ) : null}
      </div>
      <ol className="mt-4 grid gap-2 sm:grid-cols-2 lg:grid-cols-3" aria-label={t('statesLabel')}>
        {lookup.windows.map((w) => (
          <li
              key={w.id}
              id={`window-${w.id}`}
              tabIndex={-1}
              data-testid="window"
              data-state={w.state}
              className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 p-2 text-sm outline-none focus-visible:ring-2 focus-visible:ring-blue-700"
            >
            <span className="font-medium">{words.window(w)}</span>
            <Badge size="xs" tone={STATE_TONES[w.state]}>
              {t(`states.${w.state}`)}
            </Badge>
            {w.state === 'answered' ? <span>{t('activities', { count: w.activityCount ?? 0 })}</span> : null}
            {w.state === 'answered' && !rowsByWindow.has(w.id) ? <span className="text-slate-600">{t('notInBrowser')}</span> : null}
            {w.state === 'failed' ? <span className="text-red-800">{w.failureReason ? failureReasonText(tr, w.failureReason) : null}</span> : null}
            {w.state === 'failed' && !inFlight.has(w.id) ? (
              <Button type="button" variant="secondary" className="ml-auto" aria-label={t('retryWindow', { window: words.window(w) })} onClick={() => retry([w.id], w.id)}>
                {t('retry')}
              </Button>
            ) : null}
          </li>
        ))}
      </ol>
      {coverage ? (
        <div className="mt-4 rounded-lg bg-slate-50 p-3">
          <h3 className="font-semibold">{t('coverage')}</h3>
          <p data-testid="coverage-statement" className="mt-1 text-sm text-slate-800">
            {coverageStatement(coverage, words)}
          </p>
        </div>
      ) : null}
    </section>
  );
}
