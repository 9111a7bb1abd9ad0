import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { Table, Td, Tr, type TableColumn } from '@/components/ui/table';
import { auditPage } from '@/lib/admin/queries';
import { AUDIT_OUTCOMES, type AuditOutcome } from '@/lib/audit';
import { requirePagePermission } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { dayRangeErrors } from '@/lib/date-range';
import { formatInstant } from '@/lib/dates';
import { clampPage, lastPageOf } from '@/lib/paging';
import { isLocale } from '@/lib/i18n/locales';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('adminAudit') };
}
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
  const [t, tp, current] = await Promise.all([getTranslations('admin.audit'), getTranslations('admin.pager'), getLocale()]);
  const locale = isLocale(current) ? current : 'en';
  const columns: TableColumn[] = (['who', 'action', 'target', 'outcome', 'detail'] as const).map((key) => ({ key, label: t(`columns.${key}`) }));
  // An audit event's name in words (messages "admin.audit.events", its code with "_" for "."); the code stays beside it.
  const eventLabel = (action: string) => {
    const key = `events.${action.replace(/\./g, '_')}`;
    return /^[a-zA-Z_]+$/.test(action.replace(/\./g, '_')) && t.has(key as Parameters<typeof t.has>[0]) ? t(key as Parameters<typeof t>[0]) : action;
  };
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
      <h1 id="page-title" className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-base text-slate-700">{t('intro')}</p>
      <form method="get" className="mt-4 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-6" role="search" aria-label={t('filterLabel')}>
        <Field id="q" name="q" label={t('search')} defaultValue={filters.text} placeholder={t('searchPlaceholder')} frameClassName="lg:col-span-2" />
        <Select id="action" name="action" label={t('action')} defaultValue={filters.action} placeholder={t('allActions')} options={actions.map((a) => ({ value: a, label: eventLabel(a) === a ? a : `${eventLabel(a)} (${a})` }))} />
        <Select id="outcome" name="outcome" label={t('outcome')} defaultValue={filters.outcome} placeholder={t('allOutcomes')} options={AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))} />
        <Field id="from" name="from" type="date" label={t('from')} defaultValue={filters.from} error={dateErrors.from ? t('notApplied', { error: dateErrors.from }) : undefined} />
        <Field id="to" name="to" type="date" label={t('to')} defaultValue={filters.to} error={dateErrors.to ? t('notApplied', { error: dateErrors.to }) : undefined} />
        <div className="flex items-end gap-2 lg:col-span-6">
          <button type="submit" className="min-h-11 rounded-lg bg-blue-700 px-4 font-semibold text-white">{t('filter')}</button>
          <Link href="/admin/audit" className="inline-flex min-h-11 items-center rounded-lg px-4 font-medium text-slate-700 hover:bg-slate-100">{t('clear')}</Link>
        </div>
      </form>
      <p className="mt-4 text-sm text-slate-600" role="status">{t('count', { count: result.total })}</p>
      <div className="mt-2">
        <Table
          testId="audit-table"
          caption={t('caption')}
          captionHidden
          columns={[{ key: 'when', label: t('when', { zone: tz }) }, ...columns]}
          rowCount={result.rows.length}
          empty={t('empty')}
          minWidthClass="min-w-[760px]"
        >
          {result.rows.map((row) => (
            <Tr key={String(row.id)} className="border-slate-100">
              <Td className="whitespace-nowrap">{formatInstant(row.at, tz, 'dayTimeSeconds', '—', locale)}</Td>
              <Td>
                <span className="font-medium" title={row.actorId}>
                  {row.actorName}
                </span>
                <span className="block text-xs text-slate-500">{row.actorRole}</span>
              </Td>
              <Td className="text-xs">
                {eventLabel(row.action) === row.action ? null : <span className="block text-sm font-medium">{eventLabel(row.action)}</span>}
                <span className="font-mono">{row.action}</span>
              </Td>
              <Td className="text-xs">
                {row.targetType === 'staff' ? (
                  <span title={row.targetId}>{t('staffTarget', { name: names.get(row.targetId) ?? row.targetId })}</span>
                ) : (
                  t('target', { type: row.targetType, id: row.targetId })
                )}
              </Td>
              <Td>
                <Badge size="xs" tone={row.outcome === 'success' ? 'success' : row.outcome === 'refused' ? 'warning' : 'danger'}>
                  {(AUDIT_OUTCOMES as readonly string[]).includes(row.outcome) ? t(`outcomes.${row.outcome as AuditOutcome}`) : row.outcome}
                </Badge>
              </Td>
              <Td className="font-mono text-xs break-all">{row.detail ? JSON.stringify(row.detail) : ''}</Td>
            </Tr>
          ))}
        </Table>
      </div>
      <nav aria-label={t('pages')} className="mt-4 flex items-center gap-3">
        {page > 1 ? <Link className="min-h-11 inline-flex items-center rounded-lg px-3 hover:bg-slate-100" href={linkTo(page - 1)}>{tp('newer')}</Link> : null}
        <span className="text-sm text-slate-600">{tp('pageOf', { page, pages })}</span>
        {page < pages ? <Link className="min-h-11 inline-flex items-center rounded-lg px-3 hover:bg-slate-100" href={linkTo(page + 1)}>{tp('older')}</Link> : null}
      </nav>
    </section>
  );
}
