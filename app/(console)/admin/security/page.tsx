import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LockoutList, type LockoutRow } from '@/components/admin/lockout-list';
import { RowHeader, Table, Td, Tr, type TableColumn } from '@/components/ui/table';
import { requirePagePermission } from '@/lib/auth/session';
import { getSecurityOverview } from '@/lib/auth/security-overview';
import { getConfig } from '@/lib/config';
import { formatInstant } from '@/lib/dates';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('adminSecurity') };
}
export const dynamic = 'force-dynamic';

const VENDOR_LABELS = { footprints: 'Footprints', netcore: 'Netcore', loyalty: 'Loyalty engine' } as const;

const VENDOR_COLUMNS: TableColumn[] = [
  { key: 'vendor', label: 'Vendor' },
  { key: 'success', label: 'Last success' },
  { key: 'failure', label: 'Last failure' },
  { key: 'rate', label: 'Recent error rate' },
];

function labelOf(key: string): string {
  const [kind, ...rest] = key.split(':');
  const value = rest.join(':');
  if (kind === 'ip') return `Address ${value}`;
  if (kind === 'device') return `Device ${value.slice(0, 8)}…`;
  if (kind === 'user') return `Username ${value}`;
  return key;
}

export default async function SecurityPage() {
  await requirePagePermission('admin.security');
  const overview = await getSecurityOverview();
  const tz = getConfig().storeTimezone;
  const rows: LockoutRow[] = overview.lockouts.map((l) => ({
    key: l.key,
    label: labelOf(l.key),
    failures: l.failures,
    until: formatInstant(l.blockedUntil, tz),
    locked: l.lockedAt !== null,
  }));
  return (
    <section aria-labelledby="page-title" className="flex flex-col gap-6 rounded-2xl bg-white p-6 shadow-sm">
      <h1 id="page-title" className="text-2xl font-bold">Security</h1>
      {overview.insecureHttp ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-base font-medium text-red-900">
          This console runs on plain http (ALLOW_INSECURE_HTTP=1): anyone on the network can read sign-ins and customer data. Put it behind https.
        </p>
      ) : null}

      <div>
        <h2 className="text-xl font-semibold">Sign-in lockouts</h2>
        <p className="mt-1 text-base text-slate-700">
          After repeated wrong PINs or passwords, an address, a device or a username waits before the next try. Lift one when you know who it is.
          Every lockout is in the audit trail (action auth.lockout).
        </p>
        <div className="mt-3">
          <LockoutList rows={rows} />
        </div>
      </div>

      <div>
        <h2 className="text-xl font-semibold">Vendors, as this console instance sees them</h2>
        <p className="mt-1 text-base text-slate-700">From the console&apos;s own calls since it started; nothing is sent to a vendor to find out.</p>
        <div className="mt-3">
          <Table testId="vendor-state" caption="Vendors, as this console instance sees them" captionHidden columns={VENDOR_COLUMNS} rowCount={overview.vendors.length} textSize="base">
            {overview.vendors.map((v) => (
              <Tr key={v.vendor} className="border-slate-100" data-testid={`vendor-${v.vendor}`}>
                <RowHeader className="font-medium">{VENDOR_LABELS[v.vendor]}</RowHeader>
                <Td>{v.lastSuccessAt ? formatInstant(v.lastSuccessAt, tz) : 'none yet'}</Td>
                <Td>
                  {v.lastFailureAt && v.lastFailure
                    ? `${formatInstant(v.lastFailureAt, tz)} (${v.lastFailure.operation}: ${v.lastFailure.status ? `HTTP ${v.lastFailure.status}` : v.lastFailure.kind})`
                    : 'none'}
                </Td>
                <Td>{v.errorRate === null ? 'no calls yet' : `${Math.round(v.errorRate * 100)} % of the last ${v.recentCalls} calls`}</Td>
              </Tr>
            ))}
          </Table>
        </div>
      </div>
    </section>
  );
}
