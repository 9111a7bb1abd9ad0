import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ReportView } from '@/components/privacy/report-view';
import { requirePagePermission } from '@/lib/auth/session';
import { getReportPage } from '@/lib/privacy/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('privacyReport') };
}
export const dynamic = 'force-dynamic';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The printable answer: rendered in the browser from the rows this tab holds (the server has none), with
 * one page per channel. Producing it is an audited export.
 */
export default async function ReportPage({ params }: { params: Promise<{ caseId: string }> }) {
  await requirePagePermission('privacy.export');
  const { caseId } = await params;
  if (!UUID.test(caseId)) notFound();
  const report = await getReportPage(caseId);
  if (!report) notFound();
  return <ReportView caseId={caseId} reference={report.reference} lookup={report.lookup} />;
}
