import type { Metadata } from 'next';
import Link from 'next/link';
import { auditPage } from '@/lib/admin/queries';
import { AUDIT_OUTCOMES, type AuditOutcome } from '@/lib/audit';
import { requirePagePermission } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { dayRangeErrors } from '@/lib/date-range';
import { formatInstant } from '@/lib/dates';
import { clampPage, lastPageOf } from '@/lib/paging';

export const metadata: Metadata = { title: 'Audit trail' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 50;

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim() : '');

function dayBound(value: string, end: boolean): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const d = new Date(`${value}T${end ? '23:59:59.999' : '00:00:00.000'}Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePagePermission('admin.audit');
  const params = await searchParams;
  const filters = {
    text: one(params.q),
    action: one(params.action),
    outcome: one(params.outcome),
    from: one(params.from),
    to: one(params.to),
  };
  const asked = Math.max(1, Number.parseInt(one(params.page) || '1', 10) || 1);
  const tz = getConfig().storeTimezone;
  // A wrong range is said beside its field and not applied (an empty day is no bound here).
  const dateErrors = dayRangeErrors(filters, { required: false });
  const rangeOk = Object.keys(dateErrors).length === 0;
  const query = (p: number) =>
    auditPage({
      text: filters.text || undefined,
      action: filters.action || undefined,
      outcome: (AUDIT_OUTCOMES as readonly string[]).includes(filters.outcome) ? (filters.outcome as AuditOutcome) : undefined,
      from: rangeOk ? dayBound(filters.from, false) : undefined,
      to: rangeOk ? dayBound(filters.to, true) : undefined,
      limit: PAGE_SIZE,
      offset: (p - 1) * PAGE_SIZE,
    });
  // staffTargets: people by name (their ids on hover), the staff a change was made to.
  let { result, actions, staffTargets: names } = await query(asked);
  // A page past the last (an old link, entries filtered away) shows the last page.
  const page = clampPage(asked, result.total, PAGE_SIZE);
  if (page !== asked) ({ result, actions, staffTargets: names } = await query(page));
  const pages = lastPageOf(result.total, PAGE_SIZE);
  const linkTo = (p: number) => {
    const qs = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
    qs.set('page', String(p));
    return `/admin/audit?${qs.toString()}`;
  };

  return (
    <section aria-labelledby="page-title" className="rounded-2xl bg-white p-6 shadow-sm">
      <h1 id="page-title" className="text-2xl font-bold">Audit trail</h1>
      <p className="mt-2 text-base text-slate-700">Every change made by staff: who, when, what, on what, and the outcome. Entries cannot be edited or deleted.</p>
      <form method="get" className="mt-4 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-6" role="search" aria-label="Filter the audit trail">
        <div className="flex flex-col gap-1 lg:col-span-2">
          <label htmlFor="q" className="text-sm font-medium">Search</label>
          <input id="q" name="q" defaultValue={filters.text} placeholder="person, target, detail" className="min-h-11 rounded-lg border border-slate-300 px-3" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="action" className="text-sm font-medium">Action</label>
          <select id="action" name="action" defaultValue={filters.action} className="min-h-11 rounded-lg border border-slate-300 bg-white px-2">
            <option value="">All actions</option>
            {actions.map((a) => (
              <option key={a} value={a}>{a}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="outcome" className="text-sm font-medium">Outcome</label>
          <select id="outcome" name="outcome" defaultValue={filters.outcome} className="min-h-11 rounded-lg border border-slate-300 bg-white px-2">
            <option value="">All outcomes</option>
            {AUDIT_OUTCOMES.map((o) => (
              <option key={o} value={o}>{o}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="from" className="text-sm font-medium">From (UTC day)</label>
          <input id="from" name="from" type="date" defaultValue={filters.from} aria-invalid={dateErrors.from ? true : undefined} aria-describedby={dateErrors.from ? 'from-error' : undefined} className="min-h-11 rounded-lg border border-slate-300 px-2" />
          {dateErrors.from ? <p id="from-error" className="text-sm font-medium text-red-700">{dateErrors.from} (not applied)</p> : null}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="to" className="text-sm font-medium">To (UTC day)</label>
          <input id="to" name="to" type="date" defaultValue={filters.to} aria-invalid={dateErrors.to ? true : undefined} aria-describedby={dateErrors.to ? 'to-error' : undefined} className="min-h-11 rounded-lg border border-slate-300 px-2" />
          {dateErrors.to ? <p id="to-error" className="text-sm font-medium text-red-700">{dateErrors.to} (not applied)</p> : null}
        </div>
        <div className="flex items-end gap-2 lg:col-span-6">
          <button type="submit" className="min-h-11 rounded-lg bg-blue-700 px-4 font-semibold text-white">Filter</button>
          <Link href="/admin/audit" className="inline-flex min-h-11 items-center rounded-lg px-4 font-medium text-slate-700 hover:bg-slate-100">Clear</Link>
        </div>
      </form>
      <p className="mt-4 text-sm text-slate-600" role="status">{result.total} entries</p>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full min-w-[760px] text-left text-sm" data-testid="audit-table">
          <caption className="sr-only">Audit entries, newest first</caption>
          <thead className="border-b border-slate-300 text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-3">When ({tz})</th>
              <th scope="col" className="py-2 pr-3">Who</th>
              <th scope="col" className="py-2 pr-3">Action</th>
              <th scope="col" className="py-2 pr-3">Target</th>
              <th scope="col" className="py-2 pr-3">Outcome</th>
              <th scope="col" className="py-2">Detail</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row) => (
              <tr key={String(row.id)} className="border-b border-slate-100 align-top">
                <td className="py-2 pr-3 whitespace-nowrap">{formatInstant(row.at, tz, 'dayTimeSeconds')}</td>
                <td className="py-2 pr-3">
                  <span className="font-medium" title={row.actorId}>
                    {row.actorName}
                  </span>
                  <span className="block text-xs text-slate-500">{row.actorRole}</span>
                </td>
                <td className="py-2 pr-3 font-mono text-xs">{row.action}</td>
                <td className="py-2 pr-3 text-xs">
                  {row.targetType === 'staff' ? (
                    <span title={row.targetId}>staff: {names.get(row.targetId) ?? row.targetId}</span>
                  ) : (
                    `${row.targetType}: ${row.targetId}`
                  )}
                </td>
                <td className="py-2 pr-3">
                  <span className={row.outcome === 'success' ? 'text-green-800' : row.outcome === 'refused' ? 'text-amber-800' : 'text-red-800'}>{row.outcome}</span>
                </td>
                <td className="py-2 font-mono text-xs break-all">{row.detail ? JSON.stringify(row.detail) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Audit pages" className="mt-4 flex items-center gap-3">
        {page > 1 ? <Link className="min-h-11 inline-flex items-center rounded-lg px-3 hover:bg-slate-100" href={linkTo(page - 1)}>Newer</Link> : null}
        <span className="text-sm text-slate-600">Page {page} of {pages}</span>
        {page < pages ? <Link className="min-h-11 inline-flex items-center rounded-lg px-3 hover:bg-slate-100" href={linkTo(page + 1)}>Older</Link> : null}
      </nav>
    </section>
  );
}
