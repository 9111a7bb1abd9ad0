import type { Metadata } from 'next';
import { requirePagePermission } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Loyalty desk' };
export const dynamic = 'force-dynamic';

// The desk itself is not built yet; the page exists so that navigation and permissions hold today.
export default async function Page() {
  await requirePagePermission('loyalty.check');
  return (
    <section aria-labelledby="page-title" className="rounded-2xl bg-white p-6 shadow-sm">
      <h1 id="page-title" className="text-2xl font-bold">
        Loyalty desk
      </h1>
      <p className="mt-3 text-base text-slate-700">This desk is not available yet in this version of Storedesk.</p>
    </section>
  );
}
