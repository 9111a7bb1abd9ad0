import type { Metadata } from 'next';
import { QueueTable } from '@/components/admin/queue-table';
import { requirePagePermission } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';

export const metadata: Metadata = { title: 'Sync queue' };
export const dynamic = 'force-dynamic';

export default async function QueuePage() {
  await requirePagePermission('admin.queue');
  return (
    <section aria-labelledby="page-title" className="rounded-2xl bg-white p-6 shadow-sm">
      <h1 id="page-title" className="text-2xl font-bold">Sync queue</h1>
      <p className="mt-2 text-base text-slate-700">
        Work waiting to reach a vendor. A job that fails is tried again with growing pauses; one that cannot succeed, or fails too often,
        becomes dead and waits here for an admin to retry it. A captured lead whose answer from Footprints was lost, and that the console
        could not find in Footprints&apos; list, waits under “Needs a person”: say which lead it is, or send it again.
      </p>
      <div className="mt-4">
        <QueueTable timeZone={getConfig().storeTimezone} />
      </div>
    </section>
  );
}
