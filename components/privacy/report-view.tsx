'use client';

import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { recordExportAction } from '@/app/(console)/privacy/actions';
import { Button } from '@/components/ui/button';
import { Table, Td, Tr, type TableColumn } from '@/components/ui/table';
import type { LookupView } from '@/lib/privacy/lookup-records';
import { formatCalendarDay, formatInstant } from '@/lib/dates';
import { formatNumber } from '@/lib/i18n/format';
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '@/lib/i18n/locales';
import { coverageWords } from '@/lib/privacy/coverage-words';
import { privacyErrorName, type PrivacyErrorName } from '@/lib/privacy/errors';
import { buildExportDocument, coverageStatement, mergeActivities, type ExportDocument } from '@/lib/privacy/results';
import { caseProfile, lookupRows } from './results-store';

/** The staff member's words around the report (in their language; the report itself is in the person's). */
export interface ReportStaffWords {
  back: string;
  print: string;
  emptyTitle: string;
  empty: string;
  producing: string;
  language: string;
  /** The privacy refusals (lib/privacy/errors.ts) in the staff's words. */
  errors: Record<PrivacyErrorName, string>;
}

// The rows live in this tab's memory only: nothing to subscribe to, and the server never has them.
const noSubscription = () => () => {};

export function ReportView({ caseId, lookup, staff }: { caseId: string; lookup: LookupView | null; staff: ReportStaffWords }) {
  // The report's language (the provider around this component: the person's language, see the page).
  const t = useTranslations('report');
  const current = useLocale();
  const lang: Locale = isLocale(current) ? current : 'en';
  const day = (ymd: string) => formatCalendarDay(ymd, lang);
  const words = useMemo(() => coverageWords(t, (ymd) => formatCalendarDay(ymd, lang)), [t, lang]);

  const [doc, setDoc] = useState<ExportDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const produced = useRef(false);
  // Whether this tab holds rows of the lookup: null on the server (and while hydrating), then read from the tab.
  const inTab = useSyncExternalStore(
    noSubscription,
    () => (lookup ? lookupRows(lookup.id).size > 0 : false),
    () => null,
  );
  const empty = inTab === false;

  useEffect(() => {
    if (!lookup || !inTab || produced.current) return;
    const rowsByWindow = lookupRows(lookup.id);
    produced.current = true;
    const rows = mergeActivities(lookup.windows.map((w) => rowsByWindow.get(w.id) ?? []));
    const hasRows = (id: string) => rowsByWindow.has(id);
    const answered = lookup.windows.filter((w) => w.state === 'answered' && hasRows(w.id)).length;
    const failed = lookup.windows.filter((w) => w.state === 'failed').length;
    void recordExportAction({
      lookupId: lookup.id,
      format: 'report',
      rowCount: rows.length,
      windowsAnswered: answered,
      windowsFailed: failed,
      windowsNeverAsked: lookup.windows.length - answered - failed,
    }).then((result) => {
      if (!result.ok) {
        const name = privacyErrorName(result.error.message);
        setError(name ? staff.errors[name] : result.error.message);
        return;
      }
      setDoc(
        buildExportDocument({
          envelope: result.data,
          period: { from: lookup.from, to: lookup.to, channels: lookup.channels },
          windows: lookup.windows,
          hasRows,
          rows,
          profile: caseProfile(caseId) ?? null,
          words,
        }),
      );
    });
  }, [caseId, lookup, inTab, words, staff.errors]);

  const back = (
    <Link href={`/privacy/${caseId}`} className="text-blue-800 underline">
      {staff.back}
    </Link>
  );
  if (!lookup || empty) {
    return (
      <section className="rounded-2xl bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold">{staff.emptyTitle}</h1>
        <p className="mt-3">{staff.empty}</p>
        <p className="mt-3">{back}</p>
      </section>
    );
  }
  if (error) {
    return (
      <section className="rounded-2xl bg-white p-6 shadow-sm">
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">
          {error}
        </p>
        <p className="mt-3">{back}</p>
      </section>
    );
  }
  if (!doc) return <p role="status">{staff.producing}</p>;
  const producedText = formatInstant(doc.producedAt, doc.timeZone, 'dayTime', '', lang);
  const columns: TableColumn[] = (['time', 'raw', 'type', 'message', 'ip', 'device', 'link'] as const).map((key) => ({ key, label: t(`columns.${key}`) }));
  const statement = coverageStatement(
    { answered: doc.coverage.windows.answered, failed: doc.coverage.windows.failed, notAsked: doc.coverage.windows.neverAsked, complete: false },
    words,
  );

  return (
    <article className="bg-white p-6 text-slate-900" data-testid="privacy-report" lang={lang}>
      <div className="no-print mb-4 flex flex-wrap items-center gap-3">
        <Button type="button" onClick={() => window.print()}>
          {staff.print}
        </Button>
        {back}
        <nav aria-label={staff.language} className="flex gap-3">
          {LOCALES.map((l) => (
            <Link
              key={l}
              href={`/privacy/${caseId}/report?lang=${l}`}
              lang={l}
              aria-current={l === lang ? 'true' : undefined}
              className={l === lang ? 'font-semibold text-slate-900' : 'text-blue-800 underline'}
            >
              {LOCALE_NAMES[l]}
            </Link>
          ))}
        </nav>
      </div>
      <header className="report-head">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 text-sm">
          <dt className="font-medium">{t('reference')}</dt>
          <dd data-testid="report-reference">{doc.reference}</dd>
          <dt className="font-medium">{t('received')}</dt>
          <dd data-testid="report-received">{day(doc.receivedOn)}</dd>
          <dt className="font-medium">{t('produced')}</dt>
          <dd data-testid="report-produced">{t('producedAt', { time: producedText, zone: doc.timeZone })}</dd>
          <dt className="font-medium">{t('subject')}</dt>
          <dd>{[doc.subject.email, doc.subject.phone].filter(Boolean).join(', ')}</dd>
          <dt className="font-medium">{t('period')}</dt>
          <dd data-testid="report-period">{t('periodRange', { from: day(doc.period.from), to: day(doc.period.to) })}</dd>
        </dl>
        <h2 className="mt-4 text-lg font-bold">{t('coverageTitle')}</h2>
        <p className="text-sm" data-testid="report-coverage">
          {statement}
        </p>
      </header>
      {doc.period.channels.map((channel) => {
        const rows = doc.activities.filter((r) => r.channel === channel);
        const types = doc.counts.byChannelAndType[channel] ?? {};
        return (
          <section key={channel} className="report-channel mt-6" data-testid={`report-channel-${channel}`} aria-labelledby={`report-${channel}`}>
            <h2 id={`report-${channel}`} className="text-xl font-bold">
              {t('channelHeading', { channel: t(`channels.${channel}`), count: rows.length })}
            </h2>
            <p className="text-sm">
              {Object.entries(types)
                .map(([type, n]) => t('typeCount', { type, count: formatNumber(n, lang) }))
                .join(' · ') || t('noActivity')}
            </p>
            <p className="text-xs text-slate-700">{t('pageFoot', { reference: doc.reference, time: producedText })}</p>
            {rows.length ? (
              <div className="mt-2">
                <Table caption={t('tableCaption', { channel: t(`channelInText.${channel}`) })} captionHidden columns={columns} rowCount={rows.length} textSize="xs">
                  {rows.map((r, i) => (
                    <Tr key={i} className="border-slate-100">
                      <Td className="whitespace-nowrap">{formatInstant(r.at, doc.timeZone, 'dayTime', '', lang)}</Td>
                      <Td className="whitespace-nowrap">{r.rawDate}</Td>
                      <Td>{r.activity}</Td>
                      <Td>
                        {r.messageId} {r.messageName}
                      </Td>
                      <Td>{r.ip}</Td>
                      <Td>{[r.device, r.os, r.browser].filter(Boolean).join(' / ')}</Td>
                      <Td className="break-all">{r.link}</Td>
                    </Tr>
                  ))}
                </Table>
              </div>
            ) : null}
          </section>
        );
      })}
      {doc.footprintsProfile ? (
        <section className="report-channel mt-6" aria-labelledby="report-profile">
          <h2 id="report-profile" className="text-xl font-bold">
            {t('profileTitle')}
          </h2>
          {doc.footprintsProfile.found ? (
            <pre className="mt-2 text-xs whitespace-pre-wrap">{JSON.stringify(doc.footprintsProfile.record, null, 2)}</pre>
          ) : (
            <p>{t('profileNone')}</p>
          )}
        </section>
      ) : null}
    </article>
  );
}
