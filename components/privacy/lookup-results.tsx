'use client';

import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { RowHeader, Table, Td, Tr, type TableColumn } from '@/components/ui/table';
import { formatInstant } from '@/lib/dates';
import type { PrivacyChannel } from '@/lib/privacy/constants';
import { LOCALE_NAMES, LOCALES, type Locale } from '@/lib/i18n/locales';
import { Select } from '@/components/ui/select';
import type { ActivityRow, countActivities } from '@/lib/privacy/results';

/** The rows this tab holds: counts per channel and type, the exports, and every activity. */
export function LookupResults({
  caseId,
  channels,
  rows,
  counts,
  timeZone,
  canExport,
  running,
  onExport,
  onClear,
  subjectLocale,
  onSubjectLocale,
  csvHeaders,
  onCsvHeaders,
}: {
  caseId: string;
  channels: readonly PrivacyChannel[];
  rows: ActivityRow[];
  counts: ReturnType<typeof countActivities>;
  timeZone: string;
  canExport: boolean;
  running: boolean;
  onExport: (format: 'csv' | 'json') => void;
  onClear: () => void;
  /** The language the person gets the report and the files in (default: the staff member's). */
  subjectLocale: Locale;
  onSubjectLocale: (locale: Locale) => void;
  csvHeaders: 'language' | 'keys';
  onCsvHeaders: (choice: 'language' | 'keys') => void;
}) {
  const t = useTranslations('privacyCase.results');
  const tc = useTranslations('report.channels');
  // No language in the report's address when it is the staff member's own (the report's default).
  const staffLocale = useLocale();
  const reportHref = subjectLocale === staffLocale ? `/privacy/${caseId}/report` : `/privacy/${caseId}/report?lang=${subjectLocale}`;
  const channelColumns: TableColumn[] = [
    { key: 'channel', label: t('channel') },
    { key: 'n', label: t('activities'), className: 'text-right' },
  ];
  const typeColumns: TableColumn[] = [
    { key: 'type', label: t('type') },
    { key: 'n', label: t('activities'), className: 'text-right' },
  ];
  const activityColumns: TableColumn[] = (['channel', 'type', 'message', 'time', 'raw', 'ip', 'device', 'os', 'browser', 'link'] as const).map((key) => ({
    key,
    label: t(`columns.${key}`),
  }));
  return (
    <section aria-labelledby="results-title" className="rounded-2xl bg-white p-6 shadow-sm">
      <h2 id="results-title" className="text-xl font-bold">
        {t('title')}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t('intro')}</p>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <Table testId="counts-by-channel" caption={t('perChannel')} columns={channelColumns} rowCount={channels.length + 1}>
          {channels.map((c) => (
            <Tr key={c}>
              <RowHeader className="font-normal">{tc(c)}</RowHeader>
              <Td className="text-right">{counts.byChannel[c] ?? 0}</Td>
            </Tr>
          ))}
          <Tr>
            <RowHeader>{t('total')}</RowHeader>
            <Td className="text-right font-semibold" data-testid="total-count">
              {counts.total}
            </Td>
          </Tr>
        </Table>
        <Table testId="counts-by-type" caption={t('perType')} columns={typeColumns} rowCount={Object.keys(counts.byType).length} empty={t('noActivities')}>
          {Object.entries(counts.byType)
            .sort(([x], [y]) => x.localeCompare(y))
            .map(([type, n]) => (
              <Tr key={type}>
                <RowHeader className="font-normal">{type}</RowHeader>
                <Td className="text-right">{n}</Td>
              </Tr>
            ))}
        </Table>
      </div>
      {canExport ? (
        <div className="mt-4 flex flex-wrap items-end gap-3">
          <Select
            id="subject-locale"
            label={t('subjectLanguage')}
            value={subjectLocale}
            onChange={(e) => onSubjectLocale(e.target.value as Locale)}
            options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
          />
          <Select
            id="csv-headers"
            label={t('csvHeaders')}
            value={csvHeaders}
            onChange={(e) => onCsvHeaders(e.target.value === 'keys' ? 'keys' : 'language')}
            options={[
              { value: 'language', label: t('csvInLanguage') },
              { value: 'keys', label: t('csvKeys') },
            ]}
          />
        </div>
      ) : null}
      <div className="mt-4 flex flex-wrap gap-3">
        {canExport ? (
          <>
            <Button type="button" onClick={() => onExport('csv')} disabled={running}>
              {t('downloadCsv')}
            </Button>
            <Button type="button" onClick={() => onExport('json')} disabled={running}>
              {t('downloadJson')}
            </Button>
            <Link
              href={reportHref}
              className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-50"
            >
              {t('printable')}
            </Link>
          </>
        ) : null}
        <Button type="button" variant="ghost" onClick={onClear} disabled={running}>
          {t('clear')}
        </Button>
      </div>
      <div className="mt-4">
        <Table testId="activity-table" caption={t('caption')} captionHidden columns={activityColumns} rowCount={rows.length} empty={t('empty')}>
          {rows.map((r, i) => (
            <Tr key={i} data-testid="activity-row" className="border-slate-100">
              <Td>{r.channel}</Td>
              <Td>{r.activity}</Td>
              <Td>
                <span data-testid="message-id">{r.messageId ?? ''}</span>
                {r.messageName ? <span className="block text-slate-700">{r.messageName}</span> : null}
              </Td>
              <Td className="whitespace-nowrap" data-testid="time-store">
                {formatInstant(r.at, timeZone, 'isoMinute', '')}
              </Td>
              <Td className="whitespace-nowrap text-slate-700" data-testid="time-raw">
                {r.rawDate}
              </Td>
              <Td>{r.ip ?? ''}</Td>
              <Td>{r.device ?? ''}</Td>
              <Td>{r.os ?? ''}</Td>
              <Td>{r.browser ?? ''}</Td>
              <Td className="break-all">{r.link ?? ''}</Td>
            </Tr>
          ))}
        </Table>
      </div>
    </section>
  );
}
