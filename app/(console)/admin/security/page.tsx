import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { LockoutList, type LockoutRow } from '@/components/admin/lockout-list';
import { RowHeader, Table, Td, Tr, type TableColumn } from '@/components/ui/table';
import { requirePagePermission } from '@/lib/auth/session';
import { getSecurityOverview } from '@/lib/auth/security-overview';
import { getConfig } from '@/lib/config';
import { formatInstant } from '@/lib/dates';
import { formatNumber } from '@/lib/i18n/format';
import { isLocale } from '@/lib/i18n/locales';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('adminSecurity') };
}
export const dynamic = 'force-dynamic';

type SecurityT = Awaited<ReturnType<typeof getTranslations<'admin.security'>>>;

function labelOf(key: string, t: SecurityT): string {
  const [kind, ...rest] = key.split(':');
  const value = rest.join(':');
  if (kind === 'ip') return t('who.ip', { value });
  if (kind === 'device') return t('who.device', { value: value.slice(0, 8) });
  if (kind === 'user') return t('who.user', { value });
  return key;
}

export default async function SecurityPage() {
  await requirePagePermission('admin.security');
  const overview = await getSecurityOverview();
  const tz = getConfig().storeTimezone;
  const [t, tv, current] = await Promise.all([getTranslations('admin.security'), getTranslations('admin.vendors'), getLocale()]);
  const locale = isLocale(current) ? current : 'en';
  const vendorColumns: TableColumn[] = (['vendor', 'success', 'failure', 'rate'] as const).map((key) => ({ key, label: t(`vendorColumns.${key}`) }));
  const rows: LockoutRow[] = overview.lockouts.map((l) => ({
    key: l.key,
    label: labelOf(l.key, t),
    failures: l.failures,
    until: formatInstant(l.blockedUntil, tz, 'dayTime', '—', locale),
    locked: l.lockedAt !== null,
  }));
  return (
    <section aria-labelledby="page-title" className="flex flex-col gap-6 rounded-2xl bg-white p-6 shadow-sm">
      <h1 id="page-title" className="text-2xl font-bold">{t('title')}</h1>
      {overview.insecureHttp ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-base font-medium text-red-900">
          {t('insecure')}
        </p>
      ) : null}

      <div>
        <h2 className="text-xl font-semibold">{t('lockoutsTitle')}</h2>
        <p className="mt-1 text-base text-slate-700">{t('lockoutsIntro')}</p>
        <div className="mt-3">
          <LockoutList rows={rows} />
        </div>
      </div>

      <div>
        <h2 className="text-xl font-semibold">{t('vendorsTitle')}</h2>
        <p className="mt-1 text-base text-slate-700">{t('vendorsIntro')}</p>
        <div className="mt-3">
          <Table testId="vendor-state" caption={t('vendorsTitle')} captionHidden columns={vendorColumns} rowCount={overview.vendors.length} textSize="base">
            {overview.vendors.map((v) => (
              <Tr key={v.vendor} className="border-slate-100" data-testid={`vendor-${v.vendor}`}>
                <RowHeader className="font-medium">{tv(v.vendor)}</RowHeader>
                <Td>{formatInstant(v.lastSuccessAt, tz, 'dayTime', t('noneYet'), locale)}</Td>
                <Td>
                  {v.lastFailureAt && v.lastFailure
                    ? t('failure', {
                        time: formatInstant(v.lastFailureAt, tz, 'dayTime', '—', locale),
                        operation: v.lastFailure.operation,
                        what: v.lastFailure.status ? t('http', { status: v.lastFailure.status }) : v.lastFailure.kind,
                      })
                    : t('none')}
                </Td>
                <Td>{v.errorRate === null ? t('noCalls') : t('rate', { percent: formatNumber(Math.round(v.errorRate * 100), locale), calls: v.recentCalls })}</Td>
              </Tr>
            ))}
          </Table>
        </div>
      </div>
    </section>
  );
}
