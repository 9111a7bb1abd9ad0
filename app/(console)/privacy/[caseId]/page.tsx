import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
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
import { CASE_STATUS_LABELS, describeDaysLeft } from '@/lib/privacy/case-rules';
import { CHANNEL_LABELS } from '@/lib/privacy/lookup-rules';
import { getCasePage, storeToday } from '@/lib/privacy/queries';
import { Table, Td, Tr, type TableColumn } from '@/components/ui/table';

const HISTORY_COLUMNS: TableColumn[] = ['Asked', 'By', 'Period', 'Channels', 'Windows', 'Activities', 'Exported'].map((h) => ({ key: h, label: h }));

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

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="page-title" className="rounded-2xl bg-white p-6 shadow-sm">
        <p className="text-sm">
          <Link href="/privacy" className="text-blue-800 underline">
            Privacy desk
          </Link>
        </p>
        <h1 id="page-title" className="mt-1 text-2xl font-bold">
          Access request <span data-testid="case-reference">{kase.reference}</span>
        </h1>
        <div className="mt-4 grid gap-6 md:grid-cols-2">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-base">
            <dt className="font-medium">Data subject</dt>
            <dd>
              {can(session.roles, 'privacy.reveal') ? (
                <RevealSubject caseId={kase.id} reference={kase.reference} maskedEmail={kase.maskedEmail} maskedPhone={kase.maskedPhone} />
              ) : (
                `${kase.maskedEmail ?? '—'} ${kase.maskedPhone ?? ''}`
              )}
            </dd>
            <dt className="font-medium">Received</dt>
            <dd>{kase.receivedOn}</dd>
            <dt className="font-medium">Due</dt>
            <dd>
              {kase.dueOn} <span data-testid="days-left">({describeDaysLeft(kase.daysLeft)})</span>
            </dd>
            <dt className="font-medium">Status</dt>
            <dd data-testid="case-status">{CASE_STATUS_LABELS[kase.status]}</dd>
            <dt className="font-medium">Opened by</dt>
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
        />
      ) : null}

      {can(session.roles, 'privacy.lookup') ? <ProfilePanel caseId={kase.id} canLookUp={kase.hasEmail && kase.hasPhone} /> : null}

      <section aria-labelledby="history-title" className="rounded-2xl bg-white p-6 shadow-sm">
        <h2 id="history-title" className="text-xl font-bold">
          Lookups on this case
        </h2>
        <p className="mt-1 text-sm text-slate-700">What was asked, when, by whom, and the counts. The activity rows are not kept.</p>
        <div className="mt-3">
          <Table testId="lookup-history" caption="Lookups on this case, newest first" captionHidden columns={HISTORY_COLUMNS} rowCount={lookups.length} empty="No lookup yet.">
            {lookups.map((l) => {
              const answered = l.windows.filter((w) => w.state === 'answered');
              const failed = l.windows.filter((w) => w.state === 'failed').length;
              return (
                <Tr key={l.id} className="border-slate-100">
                  <Td>{formatInstant(l.createdAt, tz, 'dayTimeSeconds')}</Td>
                  <Td>{l.requestedByName}</Td>
                  <Td>
                    {l.from} to {l.to}
                  </Td>
                  <Td>{l.channels.map((c) => CHANNEL_LABELS[c]).join(', ')}</Td>
                  <Td>
                    {answered.length} of {l.windows.length} answered{failed ? `, ${failed} failed` : ''}
                  </Td>
                  <Td>{answered.reduce((n, w) => n + (w.activityCount ?? 0), 0)}</Td>
                  <Td>{l.exportedAt ? formatInstant(l.exportedAt, tz, 'dayTimeSeconds') : '—'}</Td>
                </Tr>
              );
            })}
          </Table>
        </div>
      </section>
    </div>
  );
}
