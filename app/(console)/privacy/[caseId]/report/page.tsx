import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ReportView } from '@/components/privacy/report-view';
import { requirePagePermission } from '@/lib/auth/session';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import { getReportPage } from '@/lib/privacy/queries';
import { PRIVACY_ERRORS, type PrivacyErrorName } from '@/lib/privacy/errors';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('privacyReport') };
}
export const dynamic = 'force-dynamic';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Search = Record<string, string | string[] | undefined>;

/**
 * The printable answer: rendered in the browser from the rows this tab holds (the server has none), with
 * one page per channel. Producing it is an audited export.
 *
 * It is written in the language chosen for the data subject (`?lang=ro|en`, chosen on the case page; default
 * the staff member's): the report gets its own provider with that language's "report" messages, while the
 * staff's controls around it (print, back, the language links) stay in the staff member's language.
 */
export default async function ReportPage({ params, searchParams }: { params: Promise<{ caseId: string }>; searchParams: Promise<Search> }) {
  await requirePagePermission('privacy.export');
  const { caseId } = await params;
  if (!UUID.test(caseId)) notFound();
  const report = await getReportPage(caseId);
  if (!report) notFound();
  const [staffLocale, asked, t, te] = await Promise.all([
    getLocale(),
    searchParams.then((s) => s.lang),
    getTranslations('privacyCase.reportPage'),
    getTranslations('privacyCase.errors'),
  ]);
  const lang: Locale = isLocale(asked) ? asked : isLocale(staffLocale) ? staffLocale : 'en';
  const messages = await loadMessages(lang);
  const staff = {
    back: t('back', { reference: report.reference }),
    print: t('print'),
    emptyTitle: t('emptyTitle', { reference: report.reference }),
    empty: t('empty'),
    producing: t('producing'),
    language: t('language'),
    errors: Object.fromEntries((Object.keys(PRIVACY_ERRORS) as PrivacyErrorName[]).map((name) => [name, te(name)])) as Record<PrivacyErrorName, string>,
  };
  return (
    <NextIntlClientProvider locale={lang} messages={{ report: messages.report }}>
      <ReportView caseId={caseId} lookup={report.lookup} staff={staff} />
    </NextIntlClientProvider>
  );
}
