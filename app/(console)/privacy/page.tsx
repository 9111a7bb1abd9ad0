import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { NewCaseForm } from '@/components/privacy/new-case-form';
import { RevealSubject } from '@/components/privacy/reveal-subject';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { Table, Td, Tr, type TableColumn } from '@/components/ui/table';
import { can } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/auth/session';
import { listCasesPage, storeToday } from '@/lib/privacy/queries';
import { PRIVACY_CASE_STATUSES, type PrivacyCaseStatus } from '@/lib/privacy/constants';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('privacy') };
}
export const dynamic = 'force-dynamic';


type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim() : '');

export default async function PrivacyPage({ searchParams }: { searchParams: Promise<Search> }) {
  const session = await requirePagePermission('privacy.view');
  const t = await getTranslations('privacy');
  const columns: TableColumn[] = (['reference', 'subject', 'received', 'due', 'status'] as const).map((key) => ({ key, label: t(`columns.${key}`) }));
  const daysLeft = (days: number | null) => (days === null ? '—' : days < 0 ? t('overdue', { days: -days }) : days === 0 ? t('dueToday') : t('daysLeft', { days }));
  const params = await searchParams;
  const statusParam = one(params.status);
  const status = (PRIVACY_CASE_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as PrivacyCaseStatus) : undefined;
  const reference = one(params.q).slice(0, 60);
  const asked = Math.max(1, Number.parseInt(one(params.page) || '1', 10) || 1);
  const today = storeToday();
  const result = await listCasesPage({ status, reference, page: asked });
  // The list clamps a page past the last: show the page it is.
  const page = result.page;
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const query = (p: number) => `/privacy?${new URLSearchParams({ ...(status ? { status } : {}), ...(reference ? { q: reference } : {}), page: String(p) })}`;

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="page-title" className="rounded-2xl bg-white p-6 shadow-sm">
        <h1 id="page-title" className="text-2xl font-bold">
          {t('pageTitle')}
        </h1>
        <p className="mt-2 text-base text-slate-700">
          {t('intro')}
        </p>
      </section>

      {can(session.roles, 'privacy.manage') ? (
        <section aria-labelledby="new-case-title" className="rounded-2xl bg-white p-6 shadow-sm">
          <h2 id="new-case-title" className="mb-3 text-xl font-bold">
            {t('newTitle')}
          </h2>
          <NewCaseForm today={today} />
        </section>
      ) : null}

      <section aria-labelledby="cases-title" className="rounded-2xl bg-white p-6 shadow-sm">
        <h2 id="cases-title" className="text-xl font-bold">
          {t('requests')}
        </h2>
        <form method="get" action="/privacy" className="mt-3 flex flex-wrap items-end gap-3" aria-label={t('filterLabel')}>
          <Select id="filter-status" name="status" label={t('status')} defaultValue={status ?? ''} placeholder={t('all')} options={PRIVACY_CASE_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} />
          <Field id="filter-reference" name="q" label={t('reference')} defaultValue={reference} />
          <button type="submit" className="min-h-11 rounded-lg bg-blue-700 px-4 font-semibold text-white hover:bg-blue-800">
            {t('filter')}
          </button>
        </form>
        <p className="mt-3 text-sm text-slate-700" role="status">
          {t('count', { count: result.total })}
        </p>
        <div className="mt-2">
          <Table testId="case-table" caption={t('caption')} captionHidden columns={columns} rowCount={result.rows.length} empty={t('empty')}>
            {result.rows.map((c) => (
              <Tr key={c.id} data-testid="case-row" className="border-slate-100">
                <Td>
                  <Link href={`/privacy/${c.id}`} className="font-semibold text-blue-800 underline">
                    {c.reference}
                  </Link>
                </Td>
                <Td>
                  {can(session.roles, 'privacy.reveal') ? (
                    <RevealSubject caseId={c.id} reference={c.reference} maskedEmail={c.maskedEmail} maskedPhone={c.maskedPhone} />
                  ) : (
                    <span>
                      {c.maskedEmail ?? '—'} {c.maskedPhone ?? ''}
                    </span>
                  )}
                </Td>
                <Td className="whitespace-nowrap">{c.receivedOn}</Td>
                <Td className="whitespace-nowrap">
                  {c.dueOn}
                  <span className={`block ${c.daysLeft !== null && c.daysLeft < 0 ? 'font-semibold text-red-800' : 'text-slate-700'}`}>
                    {c.status === 'answered' || c.status === 'closed' ? '' : daysLeft(c.daysLeft)}
                  </span>
                </Td>
                <Td>{t(`statuses.${c.status}`)}</Td>
              </Tr>
            ))}
          </Table>
        </div>
        {pages > 1 ? (
          <nav aria-label={t('pages')} className="mt-3 flex gap-3">
            {page > 1 ? <Link href={query(page - 1)}>{t('previous')}</Link> : null}
            <span>{t('pageOf', { page, pages })}</span>
            {page < pages ? <Link href={query(page + 1)}>{t('next')}</Link> : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
