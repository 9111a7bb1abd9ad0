import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CaseEditor } from '@/components/privacy/case-editor';
import { LookupDesk } from '@/components/privacy/lookup-desk';
import { ProfilePanel } from '@/components/privacy/profile-panel';
import { RevealSubject } from '@/components/privacy/reveal-subject';
import { can } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { formatInstant } from '@/lib/dates';
import { isLocale, LOCALES } from '@/lib/i18n/locales';
import { loadMessages, type Messages } from '@/lib/i18n/messages';
import { getCasePage, storeToday } from '@/lib/privacy/queries';
import { Table, Td, Tr, type TableColumn } from '@/components/ui/table';


export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('privacyCase') };
}
export const dynamic = 'force-dynamic';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function CasePage({ params }: { params: Promise<{ caseId: string }> }) {
  const session = await requirePagePermission('privacy.view');
  const { caseId } = await params;
  if (!UUID.test(caseId)) notFound();
  const found = await getCasePage(caseId);
  if (!found) notFound();
  const { kase, lookups } = found;
  const tz = getConfig().storeTimezone;
  const today = storeToday();
  const [t, tp, tr, locale] = await Promise.all([getTranslations('privacyCase'), getTranslations('privacy'), getTranslations('report'), getLocale()]);
  const historyColumns: TableColumn[] = (['asked', 'by', 'period', 'channels', 'windows', 'activities', 'exported'] as const).map((key) => ({
    key,
    label: t(`history.columns.${key}`),
  }));
  const daysLeft = (days: number | null) => (days === null ? '—' : days < 0 ? tp('overdue', { days: -days }) : days === 0 ? tp('dueToday') : tp('daysLeft', { days }));
  // The person's report and files may be in another language than the staff member's: each language's "report" words.
  const lang = isLocale(locale) ? locale : 'en';
  const subjectMessages = Object.fromEntries(await Promise.all(LOCALES.map(async (l) => [l, (await loadMessages(l)).report] as const))) as Record<
    (typeof LOCALES)[number],
    Messages['report']
  >;

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="page-title" className="rounded-2xl bg-white p-6 shadow-sm">
        <p className="text-sm">
          <Link href="/privacy" className="text-blue-800 underline">
            {tp('caseLink')}
          </Link>
        </p>
        <h1 id="page-title" className="mt-1 text-2xl font-bold">
          {t.rich('title', { reference: kase.reference, ref: (chunks) => <span data-testid="case-reference">{chunks}</span> })}
        </h1>
        <div className="mt-4 grid gap-6 md:grid-cols-2">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-base">
            <dt className="font-medium">{t('details.subject')}</dt>
            <dd>
              {can(session.roles, 'privacy.reveal') ? (
                <RevealSubject caseId={kase.id} reference={kase.reference} maskedEmail={kase.maskedEmail} maskedPhone={kase.maskedPhone} />
              ) : (
                tp('subjectLine', { email: kase.maskedEmail ?? '—', phone: kase.maskedPhone ?? '' })
              )}
            </dd>
            <dt className="font-medium">{t('details.received')}</dt>
            <dd>{kase.receivedOn}</dd>
            <dt className="font-medium">{t('details.due')}</dt>
            <dd>
              {kase.dueOn} <span data-testid="days-left">({daysLeft(kase.daysLeft)})</span>
            </dd>
            <dt className="font-medium">{t('details.status')}</dt>
            <dd data-testid="case-status">{tp(`statuses.${kase.status}`)}</dd>
            <dt className="font-medium">{t('details.openedBy')}</dt>
            <dd>{kase.createdByName}</dd>
          </dl>
          {can(session.roles, 'privacy.manage') ? <CaseEditor caseId={kase.id} status={kase.status} notes={kase.notes} /> : null}
        </div>
      </section>

      {can(session.roles, 'privacy.lookup') ? (
        <LookupDesk
          caseId={kase.id}
          reference={kase.reference}
          timeZone={tz}
          today={today}
          initialLookup={lookups[0] ?? null}
          canExport={can(session.roles, 'privacy.export')}
          subjectMessages={subjectMessages}
        />
      ) : null}

      {can(session.roles, 'privacy.lookup') ? <ProfilePanel caseId={kase.id} canLookUp={kase.hasEmail && kase.hasPhone} /> : null}

      <section aria-labelledby="history-title" className="rounded-2xl bg-white p-6 shadow-sm">
        <h2 id="history-title" className="text-xl font-bold">
          {t('history.title')}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t('history.intro')}</p>
        <div className="mt-3">
          <Table testId="lookup-history" caption={t('history.caption')} captionHidden columns={historyColumns} rowCount={lookups.length} empty={t('history.empty')}>
            {lookups.map((l) => {
              const answered = l.windows.filter((w) => w.state === 'answered');
              const failed = l.windows.filter((w) => w.state === 'failed').length;
              return (
                <Tr key={l.id} className="border-slate-100">
                  <Td>{formatInstant(l.createdAt, tz, 'dayTimeSeconds', '—', lang)}</Td>
                  <Td>{l.requestedByName}</Td>
                  <Td>{t('history.period', { from: l.from, to: l.to })}</Td>
                  <Td>{l.channels.map((c) => tr(`channels.${c}`)).join(', ')}</Td>
                  <Td>
                    {failed
                      ? t('history.windowsFailed', { answered: answered.length, total: l.windows.length, failed })
                      : t('history.windows', { answered: answered.length, total: l.windows.length })}
                  </Td>
                  <Td>{answered.reduce((n, w) => n + (w.activityCount ?? 0), 0)}</Td>
                  <Td>{formatInstant(l.exportedAt, tz, 'dayTimeSeconds', '—', lang)}</Td>
                </Tr>
              );
            })}
          </Table>
        </div>
      </section>
    </div>
  );
}
