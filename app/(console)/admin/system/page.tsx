import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AutoRefresh } from '@/components/admin/auto-refresh';
import { RowHeader, Table, Td, Tr, type TableColumn } from '@/components/ui/table';
import { requirePagePermission } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { formatInstant } from '@/lib/dates';
import { getSystemOverview } from '@/lib/system/queries';
import { durationInWords } from '@/lib/system/vendor-state';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('adminSystem') };
}
export const dynamic = 'force-dynamic';

const REFRESH_SECONDS = 15;
const VENDOR_LABELS = { footprints: 'Footprints', netcore: 'Netcore', loyalty: 'Loyalty engine' } as const;
const ENGINE_LABELS = { postgres: 'PostgreSQL', pglite: 'Embedded (PGlite)', unknown: 'Unknown' } as const;

const INSTANCE_COLUMNS: TableColumn[] = [
  { key: 'host', label: 'Instance' },
  { key: 'version', label: 'Version' },
  { key: 'started', label: 'Started' },
  { key: 'seen', label: 'Last heartbeat' },
];

const VENDOR_COLUMNS: TableColumn[] = [
  { key: 'vendor', label: 'Vendor' },
  { key: 'calls', label: 'Calls' },
  { key: 'rate', label: 'Error rate' },
  { key: 'p95', label: 'p95 latency' },
  { key: 'success', label: 'Last success' },
  { key: 'failure', label: 'Last failure' },
];

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
  const at = (iso: string | null, empty = 'never') => (iso ? formatInstant(iso, tz) : empty);
  const migrations = view.database.migrations;
  return (
    <section aria-labelledby="page-title" className="flex flex-col gap-6 rounded-2xl bg-white p-6 shadow-sm">
      <div>
        <h1 id="page-title" className="text-2xl font-bold">System</h1>
        <AutoRefresh seconds={REFRESH_SECONDS} updatedLabel={formatInstant(view.generatedAt, tz, 'dayTime')} generatedAt={view.generatedAt} />
      </div>

      <div>
        <h2 className="text-xl font-semibold">This instance</h2>
        <Facts
          testId="system-this-instance"
          items={[
            ['Version', view.thisInstance.version],
            ['Commit', view.thisInstance.commit],
            ['Up for', durationInWords(view.thisInstance.uptimeSeconds)],
            ['Started', at(view.thisInstance.startedAt)],
          ]}
        />
      </div>

      <div>
        <h2 className="text-xl font-semibold">Instances</h2>
        <p className="mt-1 text-base text-slate-700">
          Every console instance writes a heartbeat to the database every few seconds; listed are those heard from in the last {view.instanceWindowMinutes} minutes.
        </p>
        <div className="mt-3">
          <Table testId="system-instances" caption="Instances" captionHidden columns={INSTANCE_COLUMNS} rowCount={view.instances.length} textSize="base" empty="No instance has written a heartbeat yet.">
            {view.instances.map((i) => (
              <Tr key={i.id} className="border-slate-100" data-testid="system-instance">
                <RowHeader className="font-medium">
                  {i.hostname} (process {i.pid}){i.current ? ' — this one' : ''}
                </RowHeader>
                <Td>
                  {i.version} ({i.commit})
                </Td>
                <Td>{at(i.startedAt)}</Td>
                <Td>{at(i.lastSeenAt)}</Td>
              </Tr>
            ))}
          </Table>
        </div>
      </div>

      <div>
        <h2 className="text-xl font-semibold">Database</h2>
        <Facts
          testId="system-database"
          items={[
            ['Engine', ENGINE_LABELS[view.database.engine]],
            ['Migrations', `${migrations.applied} of ${migrations.known} applied${migrations.latest ? `, latest ${migrations.latest}` : ''}`],
          ]}
        />
      </div>

      <div>
        <h2 className="text-xl font-semibold">Vendors, last 15 minutes</h2>
        <p className="mt-1 text-base text-slate-700">
          From the console&apos;s own calls, added up over every instance listed above; nothing is sent to a vendor to find out. A vendor&apos;s refusal of
          one request is an answer, not a failure: failures are timeouts, unreachable vendors, their own errors and unreadable answers.
        </p>
        <div className="mt-3">
          <Table testId="system-vendors" caption="Vendors, last 15 minutes" captionHidden columns={VENDOR_COLUMNS} rowCount={view.vendors.length} textSize="base">
            {view.vendors.map((v) => (
              <Tr key={v.vendor} className="border-slate-100" data-testid={`system-vendor-${v.vendor}`}>
                <RowHeader className="font-medium">{VENDOR_LABELS[v.vendor]}</RowHeader>
                <Td>{v.calls}</Td>
                <Td>{v.errorRate === null ? 'no calls' : `${Math.round(v.errorRate * 100)} % (${v.failures} failed)`}</Td>
                <Td>{v.p95Ms === null ? '—' : `${v.p95Ms} ms`}</Td>
                <Td>{at(v.lastSuccessAt, 'none seen')}</Td>
                <Td>{v.lastFailureAt ? `${at(v.lastFailureAt)}: ${v.lastFailureReason}` : 'none seen'}</Td>
              </Tr>
            ))}
          </Table>
        </div>
      </div>

      <div>
        <h2 className="text-xl font-semibold">Sync queue</h2>
        <Facts
          testId="system-queue"
          items={[
            ['Waiting to reach a vendor', String(view.queue.depth)],
            ['Oldest due job', view.queue.oldestDueAt ? `due since ${at(view.queue.oldestDueAt)} (${durationInWords((Date.parse(view.generatedAt) - Date.parse(view.queue.oldestDueAt)) / 1000)})` : 'none due'],
            ['Dead, waiting for an admin', String(view.queue.byStatus.dead ?? 0)],
          ]}
        />
        <p className="mt-2 text-base">
          <Link href="/admin/queue" className="font-medium text-blue-800 underline">
            Open the sync queue
          </Link>
        </p>
      </div>

      <div>
        <h2 className="text-xl font-semibold">Lead sync</h2>
        <Facts
          testId="system-lead-sync"
          items={[
            ['Last success', at(view.leadSync.lastSuccessAt)],
            ['Last started', at(view.leadSync.lastStartedAt)],
            ['Problem', view.leadSync.lastError ? tLeads(`syncFailed.${view.leadSync.lastError}`) : 'none'],
          ]}
        />
      </div>
    </section>
  );
}
