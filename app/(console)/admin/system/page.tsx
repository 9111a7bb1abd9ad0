import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AutoRefresh } from '@/components/admin/auto-refresh';
import { RowHeader, Table, Td, Tr, type TableColumn } from '@/components/ui/table';
import { requirePagePermission } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { formatInstant } from '@/lib/dates';
import { formatNumber } from '@/lib/i18n/format';
import { isLocale } from '@/lib/i18n/locales';
import { getSystemOverview } from '@/lib/system/queries';
import { durationInWords } from '@/lib/system/vendor-state';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('adminSystem') };
}
export const dynamic = 'force-dynamic';

const REFRESH_SECONDS = 15;

function Facts({ items, testId }: { items: [string, string][]; testId: string }) {
  return (
    <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-base" data-testid={testId}>
      {items.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-medium text-slate-700">{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export default async function SystemPage() {
  await requirePagePermission('admin.system');
  const view = await getSystemOverview();
  const tLeads = await getTranslations('leads');
  const tz = getConfig().storeTimezone;
  const [t, tv, current] = await Promise.all([getTranslations('admin.system'), getTranslations('admin.vendors'), getLocale()]);
  const locale = isLocale(current) ? current : 'en';
  const at = (iso: string | null, empty = t('never')) => formatInstant(iso, tz, 'dayTime', empty, locale);
  const instanceColumns: TableColumn[] = (['host', 'version', 'started', 'seen'] as const).map((key) => ({ key, label: t(`instanceColumns.${key}`) }));
  const vendorColumns: TableColumn[] = (['vendor', 'calls', 'rate', 'p95', 'success', 'failure'] as const).map((key) => ({ key, label: t(`vendorColumns.${key}`) }));
  const migrations = view.database.migrations;
  return (
    <section aria-labelledby="page-title" className="flex flex-col gap-6 rounded-2xl bg-white p-6 shadow-sm">
      <div>
        <h1 id="page-title" className="text-2xl font-bold">{t('title')}</h1>
        <AutoRefresh seconds={REFRESH_SECONDS} updatedLabel={formatInstant(view.generatedAt, tz, 'dayTime', '—', locale)} generatedAt={view.generatedAt} />
      </div>

      <div>
        <h2 className="text-xl font-semibold">{t('thisInstance')}</h2>
        <Facts
          testId="system-this-instance"
          items={[
            [t('version'), view.thisInstance.version],
            [t('commit'), view.thisInstance.commit],
            [t('upFor'), durationInWords(view.thisInstance.uptimeSeconds)],
            [t('started'), at(view.thisInstance.startedAt)],
          ]}
        />
      </div>

      <div>
        <h2 className="text-xl font-semibold">{t('instances')}</h2>
        <p className="mt-1 text-base text-slate-700">{t('instancesIntro', { minutes: view.instanceWindowMinutes })}</p>
        <div className="mt-3">
          <Table testId="system-instances" caption={t('instances')} captionHidden columns={instanceColumns} rowCount={view.instances.length} textSize="base" empty={t('instancesEmpty')}>
            {view.instances.map((i) => (
              <Tr key={i.id} className="border-slate-100" data-testid="system-instance">
                <RowHeader className="font-medium">
                  {i.current ? t('thisOne', { instance: t('instance', { host: i.hostname, pid: i.pid }) }) : t('instance', { host: i.hostname, pid: i.pid })}
                </RowHeader>
                <Td>{t('versionCommit', { version: i.version, commit: i.commit })}</Td>
                <Td>{at(i.startedAt)}</Td>
                <Td>{at(i.lastSeenAt)}</Td>
              </Tr>
            ))}
          </Table>
        </div>
      </div>

      <div>
        <h2 className="text-xl font-semibold">{t('database')}</h2>
        <Facts
          testId="system-database"
          items={[
            [t('engine'), t(`engines.${view.database.engine}`)],
            [
              t('migrations'),
              migrations.latest
                ? t('migrationsLatest', { applied: migrations.applied, known: migrations.known, latest: migrations.latest })
                : t('migrationsApplied', { applied: migrations.applied, known: migrations.known }),
            ],
          ]}
        />
      </div>

      <div>
        <h2 className="text-xl font-semibold">{t('vendors')}</h2>
        <p className="mt-1 text-base text-slate-700">{t('vendorsIntro')}</p>
        <div className="mt-3">
          <Table testId="system-vendors" caption={t('vendors')} captionHidden columns={vendorColumns} rowCount={view.vendors.length} textSize="base">
            {view.vendors.map((v) => (
              <Tr key={v.vendor} className="border-slate-100" data-testid={`system-vendor-${v.vendor}`}>
                <RowHeader className="font-medium">{tv(v.vendor)}</RowHeader>
                <Td>{formatNumber(v.calls, locale)}</Td>
                <Td>{v.errorRate === null ? t('noCalls') : t('rate', { percent: formatNumber(Math.round(v.errorRate * 100), locale), failures: v.failures })}</Td>
                <Td>{v.p95Ms === null ? '—' : t('ms', { ms: formatNumber(v.p95Ms, locale) })}</Td>
                <Td>{at(v.lastSuccessAt, t('noneSeen'))}</Td>
                <Td>{v.lastFailureAt ? t('failureAt', { time: at(v.lastFailureAt), reason: v.lastFailureReason ?? '' }) : t('noneSeen')}</Td>
              </Tr>
            ))}
          </Table>
        </div>
      </div>

      <div>
        <h2 className="text-xl font-semibold">{t('queue')}</h2>
        <Facts
          testId="system-queue"
          items={[
            [t('waiting'), formatNumber(view.queue.depth, locale)],
            [
              t('oldest'),
              view.queue.oldestDueAt
                ? t('dueSince', { time: at(view.queue.oldestDueAt), duration: durationInWords((Date.parse(view.generatedAt) - Date.parse(view.queue.oldestDueAt)) / 1000) })
                : t('noneDue'),
            ],
            [t('dead'), formatNumber(view.queue.byStatus.dead ?? 0, locale)],
          ]}
        />
        <p className="mt-2 text-base">
          <Link href="/admin/queue" className="font-medium text-blue-800 underline">
            {t('openQueue')}
          </Link>
        </p>
      </div>

      <div>
        <h2 className="text-xl font-semibold">{t('leadSync')}</h2>
        <Facts
          testId="system-lead-sync"
          items={[
            [t('lastSuccess'), at(view.leadSync.lastSuccessAt)],
            [t('lastStarted'), at(view.leadSync.lastStartedAt)],
            [t('problem'), view.leadSync.lastError ? tLeads(`syncFailed.${view.leadSync.lastError}`) : t('none')],
          ]}
        />
      </div>
    </section>
  );
}
