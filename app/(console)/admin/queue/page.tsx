import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { QueueTable } from '@/components/admin/queue-table';
import { requirePagePermission } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('adminQueue') };
}
export const dynamic = 'force-dynamic';

export default async function QueuePage() {
  await requirePagePermission('admin.queue');
  const t = await getTranslations('admin.queue');
  return (
    <section aria-labelledby="page-title" className="rounded-2xl bg-white p-6 shadow-sm">
      <h1 id="page-title" className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-base text-slate-700">{t('intro')}</p>
      <div className="mt-4">
        <QueueTable timeZone={getConfig().storeTimezone} />
      </div>
    </section>
  );
}
