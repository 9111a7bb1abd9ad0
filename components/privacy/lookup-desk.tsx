'use client';

import { createTranslator, useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { recordExportAction, startLookupAction } from '@/app/(console)/privacy/actions';
import { saveFile } from '@/components/ui/download-button';
import { useToast } from '@/components/ui/toast';
import type { ActionResult } from '@/lib/errors';
import type { LookupView } from '@/lib/privacy/lookup-records';
import type { WindowRunResult } from '@/lib/privacy/run-lookup-window';
import { lazyResolver, loadZodResolver } from '@/components/forms/lazy-resolver';
import { checkActivityWindowIso } from '@/lib/privacy/lookup-rules';
import type { LookupFormValues } from '@/lib/privacy/inputs';
import { MAX_IN_FLIGHT } from '@/lib/privacy/constants';
import { periodDays, windowsNeeded } from '@/lib/privacy/lookup-rules';
import { runPool } from '@/lib/privacy/pool';
import {
  activitiesToCsv,
  buildExportDocument,
  countActivities,
  coverageOf,
  CSV_COLUMNS,
  mergeActivities,
  type ActivityRow,
  type CsvColumn,
  type WindowInfo,
} from '@/lib/privacy/results';
import { coverageWords } from '@/lib/privacy/coverage-words';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import type { Messages } from '@/lib/i18n/messages';
import { MAX_PERIOD_DAYS } from '@/lib/privacy/windows';
import { LookupForm } from './lookup-form';
import { LookupResults } from './lookup-results';
import { caseProfile, forgetLookup, forgetWindowRows, lookupRows, putWindowRows } from './results-store';
import { WindowProgress } from './window-progress';
import { useErrorWords } from './use-error-words';

export { MAX_IN_FLIGHT };

async function runWindowOverHttp(lookupId: string, windowId: string): Promise<ActionResult<WindowRunResult>> {
  const res = await fetch('/privacy/run-window', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ lookupId, windowId }),
  });
  return (await res.json()) as ActionResult<WindowRunResult>;
}

export interface LookupDeskProps {
  caseId: string;
  reference: string;
  timeZone: string;
  /** The store's calendar date (YYYY-MM-DD) when the page was rendered. */
  today: string;
  initialLookup: LookupView | null;
  canExport: boolean;
  /** The "report" messages of every language (the person's report and files may be in another language than the staff's). */
  subjectMessages: Record<Locale, Messages['report']>;
}

export function LookupDesk({ caseId, reference, timeZone, today, initialLookup, canExport, subjectMessages }: LookupDeskProps) {
  const toast = useToast();
  const t = useTranslations('privacyCase.results');
  const words = useErrorWords();
  const staffLocale = useLocale();
  const [subjectLocale, setSubjectLocale] = useState<Locale>(isLocale(staffLocale) ? staffLocale : 'en');
  const [csvHeaders, setCsvHeaders] = useState<'language' | 'keys'>('language');
  const router = useRouter();
  const [lookup, setLookup] = useState<LookupView | null>(initialLookup);
  // Rows per window, mirrored from the tab-memory store (survives client-side navigation only).
  const [rowsByWindow, setRowsByWindow] = useState<Map<string, ActivityRow[]>>(() =>
    initialLookup ? new Map(lookupRows(initialLookup.id)) : new Map(),
  );
  const [running, setRunning] = useState(false);
  const [starting, setStarting] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  // The windows asked right now: the ref for the pool's own bookkeeping, the state for what the screen shows.
  const inFlight = useRef(new Set<string>());
  const [asking, setAsking] = useState<ReadonlySet<string>>(() => new Set());
  const resolver = useMemo(
    () =>
      lazyResolver<LookupFormValues>(async () => {
        const [zodResolver, { lookupFormSchema }] = await Promise.all([loadZodResolver(), import('@/lib/privacy/inputs')]);
        return zodResolver(lookupFormSchema(() => today));
      }),
    [today],
  );

  const form = useForm<LookupFormValues>({
    resolver,
    defaultValues: { channel: 'email', from: '', to: today },
    mode: 'onSubmit',
  });
  const values = useWatch({ control: form.control });
  const from = values.from ?? '';
  const to = values.to ?? '';
  const check = from && to ? checkActivityWindowIso({ from, to, today }) : null;
  const splitCount = check && !check.ok && check.problem === 'too_long' ? windowsNeeded(from, to) : null;
  const splitTooLong = splitCount !== null && (periodDays(from, to) ?? 0) > MAX_PERIOD_DAYS;

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
            setAsking(new Set(inFlight.current));
            setLookup((current) =>
              current ? { ...current, windows: current.windows.map((x) => (x.id === windowId ? { ...x, state: 'pending' } : x)) } : current,
            );
            try {
              const result = await runWindowOverHttp(target.id, windowId);
              if (!result.ok) throw new Error(words(result.error.message));
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
                        x.id === windowId ? { ...x, state: 'failed', failureReason: error instanceof Error ? error.message : 'unreachable' } : x,
                      ),
                    }
                  : current,
              );
            } finally {
              inFlight.current.delete(windowId);
              setAsking(new Set(inFlight.current));
            }
          },
        );
      } finally {
        setRunning(false);
        // The case header and history (status, counts) are server-rendered.
        router.refresh();
      }
    },
    [router, updateWindow, words],
  );

  async function start(mode: 'single' | 'split') {
    setFormError(null);
    setStarting(true);
    try {
      const { channel, from, to } = form.getValues();
      const result = await startLookupAction({ caseId, channel, from, to, mode });
      if (!result.ok) {
        setFormError(words(result.error.message));
        for (const [field, messages] of Object.entries(result.error.fieldErrors ?? {})) {
          if (field === 'from' || field === 'to' || field === 'channel') form.setError(field, { type: 'server', message: words(messages[0]) });
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


  const rows = useMemo(() => (lookup ? mergeActivities(lookup.windows.map((w) => rowsByWindow.get(w.id) ?? [])) : []), [lookup, rowsByWindow]);
  const counts = useMemo(() => countActivities(rows), [rows]);
  const coverage = lookup ? coverageOf(lookup.windows, (id) => rowsByWindow.has(id)) : null;

  // A new initial lookup (client-side navigation back to the case): the rows this tab already holds for it.
  const [shownInitial, setShownInitial] = useState(initialLookup);
  if (shownInitial !== initialLookup) {
    setShownInitial(initialLookup);
    if (initialLookup) setRowsByWindow(new Map(lookupRows(initialLookup.id)));
  }

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
      toast('error', words(result.error.message));
      return;
    }
    const base = `${reference}-channel-activity`;
    // The person's language: the files are for them, whatever language the member of staff works in.
    const subjectT = createTranslator({ locale: subjectLocale, messages: { report: subjectMessages[subjectLocale] }, namespace: 'report' });
    if (format === 'csv') {
      const headers = csvHeaders === 'keys' ? 'keys' : (Object.fromEntries(CSV_COLUMNS.map((key) => [key, subjectT(`csv.${key}`)])) as Record<CsvColumn, string>);
      saveFile(activitiesToCsv(rows, timeZone, headers), `${base}.csv`, 'text/csv;charset=utf-8');
    } else {
      const doc = buildExportDocument({
        envelope: result.data,
        period: { from: lookup.from, to: lookup.to, channels: lookup.channels },
        windows: lookup.windows,
        hasRows: (id) => rowsByWindow.has(id),
        rows,
        profile: caseProfile(caseId) ?? null,
        words: coverageWords(subjectT),
      });
      saveFile(`${JSON.stringify(doc, null, 2)}\n`, `${base}.json`, 'application/json');
    }
    toast('success', t('downloaded', { format: format.toUpperCase() }));
  }

  function clearResults() {
    if (!lookup) return;
    forgetLookup(lookup.id);
    setRowsByWindow(new Map());
    toast('info', t('cleared'));
  }

  return (
    <div className="flex flex-col gap-6">
      <LookupForm
        form={form}
        today={today}
        formError={formError}
        starting={starting}
        running={running}
        splitCount={splitCount}
        splitTooLong={splitTooLong}
        onStart={(mode) => void start(mode)}
        check={check}
        days={from && to ? periodDays(from, to) : null}
      />
      {lookup ? (
        <WindowProgress
          lookup={lookup}
          rowsByWindow={rowsByWindow}
          inFlight={asking}
          running={running}
          coverage={coverage}
          onRun={(ids) => void runWindows(lookup, ids)}
        />
      ) : null}
      {lookup && rowsByWindow.size > 0 ? (
        <LookupResults
          caseId={caseId}
          channels={lookup.channels}
          rows={rows}
          counts={counts}
          timeZone={timeZone}
          canExport={canExport}
          running={running}
          onExport={(format) => void exportAs(format)}
          onClear={clearResults}
          subjectLocale={subjectLocale}
          onSubjectLocale={setSubjectLocale}
          csvHeaders={csvHeaders}
          onCsvHeaders={setCsvHeaders}
        />
      ) : null}
    </div>
  );
}
