import type { Metadata } from 'next';
import { LockoutList, type LockoutRow } from '@/components/admin/lockout-list';
import { requirePagePermission } from '@/lib/auth/session';
import { getSecurityOverview } from '@/lib/auth/security-overview';
import { getConfig } from '@/lib/config';
import { formatInstant } from '@/lib/dates';

export const metadata: Metadata = { title: 'Security' };
export const dynamic = 'force-dynamic';

const VENDOR_LABELS = { footprints: 'Footprints', netcore: 'Netcore', loyalty: 'Loyalty engine' } as const;

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
        <table className="mt-3 w-full text-left text-base" data-testid="vendor-state">
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-2">Vendor</th>
              <th scope="col" className="py-2">Last success</th>
              <th scope="col" className="py-2">Last failure</th>
              <th scope="col" className="py-2">Recent error rate</th>
            </tr>
          </thead>
          <tbody>
            {overview.vendors.map((v) => (
              <tr key={v.vendor} className="border-b border-slate-100" data-testid={`vendor-${v.vendor}`}>
                <th scope="row" className="py-2 font-medium">{VENDOR_LABELS[v.vendor]}</th>
                <td className="py-2">{v.lastSuccessAt ? formatInstant(v.lastSuccessAt, tz) : 'none yet'}</td>
                <td className="py-2">
                  {v.lastFailureAt && v.lastFailure
                    ? `${formatInstant(v.lastFailureAt, tz)} (${v.lastFailure.operation}: ${v.lastFailure.status ? `HTTP ${v.lastFailure.status}` : v.lastFailure.kind})`
                    : 'none'}
                </td>
                <td className="py-2">
                  {v.errorRate === null ? 'no calls yet' : `${Math.round(v.errorRate * 100)} % of the last ${v.recentCalls} calls`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
