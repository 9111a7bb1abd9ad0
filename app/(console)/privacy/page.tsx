import type { Metadata } from 'next';
import Link from 'next/link';
import { NewCaseForm } from '@/components/privacy/new-case-form';
import { RevealSubject } from '@/components/privacy/reveal-subject';
import { can } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/auth/session';
import { CASE_STATUS_LABELS, describeDaysLeft } from '@/lib/privacy/case-rules';
import { listCasesPage, storeToday } from '@/lib/privacy/queries';
import { PRIVACY_CASE_STATUSES, type PrivacyCaseStatus } from '@/lib/privacy/constants';

export const metadata: Metadata = { title: 'Privacy desk' };
export const dynamic = 'force-dynamic';

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim() : '');

export default async function PrivacyPage({ searchParams }: { searchParams: Promise<Search> }) {
  const session = await requirePagePermission('privacy.view');
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
          Privacy desk
        </h1>
        <p className="mt-2 text-base text-slate-700">
          Access requests (GDPR Art. 15) are answered within one month of receipt. Open a case for each request, look up the person&apos;s e-mail and
          SMS activity at Netcore, and export it for the reply.
        </p>
      </section>

      {can(session.roles, 'privacy.manage') ? (
        <section aria-labelledby="new-case-title" className="rounded-2xl bg-white p-6 shadow-sm">
          <h2 id="new-case-title" className="mb-3 text-xl font-bold">
            New access request
          </h2>
          <NewCaseForm today={today} />
        </section>
      ) : null}

      <section aria-labelledby="cases-title" className="rounded-2xl bg-white p-6 shadow-sm">
        <h2 id="cases-title" className="text-xl font-bold">
          Requests
        </h2>
        <form method="get" action="/privacy" className="mt-3 flex flex-wrap items-end gap-3" aria-label="Filter requests">
          <div className="flex flex-col gap-1">
            <label htmlFor="filter-status" className="text-sm font-medium text-slate-800">
              Status
            </label>
            <select id="filter-status" name="status" defaultValue={status ?? ''} className="min-h-11 rounded-lg border border-slate-300 px-3">
              <option value="">All</option>
              {PRIVACY_CASE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {CASE_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="filter-reference" className="text-sm font-medium text-slate-800">
              Reference
            </label>
            <input id="filter-reference" name="q" defaultValue={reference} className="min-h-11 rounded-lg border border-slate-300 px-3" />
          </div>
          <button type="submit" className="min-h-11 rounded-lg bg-blue-700 px-4 font-semibold text-white hover:bg-blue-800">
            Filter
          </button>
        </form>
        <p className="mt-3 text-sm text-slate-700" role="status">
          {result.total} request{result.total === 1 ? '' : 's'}
        </p>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="case-table">
            <caption className="sr-only">Access requests, earliest due first</caption>
            <thead className="bg-slate-50">
              <tr>
                {['Reference', 'Data subject', 'Received', 'Due', 'Status'].map((h) => (
                  <th key={h} scope="col" className="px-2 py-2">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.rows.map((c) => (
                <tr key={c.id} data-testid="case-row" className="border-t border-slate-100 align-top">
                  <td className="px-2 py-2">
                    <Link href={`/privacy/${c.id}`} className="font-semibold text-blue-800 underline">
                      {c.reference}
                    </Link>
                  </td>
                  <td className="px-2 py-2">
                    {can(session.roles, 'privacy.reveal') ? (
                      <RevealSubject caseId={c.id} reference={c.reference} maskedEmail={c.maskedEmail} maskedPhone={c.maskedPhone} />
                    ) : (
                      <span>
                        {c.maskedEmail ?? '—'} {c.maskedPhone ?? ''}
                      </span>
                    )}
                  </td>
                  <td className="px-2 py-2 whitespace-nowrap">{c.receivedOn}</td>
                  <td className="px-2 py-2 whitespace-nowrap">
                    {c.dueOn}
                    <span className={`block ${c.daysLeft !== null && c.daysLeft < 0 ? 'font-semibold text-red-800' : 'text-slate-700'}`}>
                      {c.status === 'answered' || c.status === 'closed' ? '' : describeDaysLeft(c.daysLeft)}
                    </span>
                  </td>
                  <td className="px-2 py-2">{CASE_STATUS_LABELS[c.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {pages > 1 ? (
          <nav aria-label="Pages" className="mt-3 flex gap-3">
            {page > 1 ? <Link href={query(page - 1)}>Previous page</Link> : null}
            <span>
              Page {page} of {pages}
            </span>
            {page < pages ? <Link href={query(page + 1)}>Next page</Link> : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
