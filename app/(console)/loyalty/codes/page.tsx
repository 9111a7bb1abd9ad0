import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { CodeList } from '@/components/loyalty/code-list';
import { can } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('loyaltyCodes') };
}
export const dynamic = 'force-dynamic';

export default async function LoyaltyCodesPage() {
  const session = await requirePagePermission('loyalty.listCodes');
  const t = await getTranslations('loyaltyCodes');
  return (
    <section aria-labelledby="page-title" className="rounded-2xl bg-white p-6 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 id="page-title" className="text-2xl font-bold">
          {t('title')}
        </h1>
        <Link href="/loyalty" className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline">
          {t('back')}
        </Link>
      </div>
      <p className="mt-2 text-base text-slate-700">{t('intro')}</p>
      <div className="mt-4">
        <CodeList canExport={can(session.roles, 'loyalty.exportCodes')} />
      </div>
    </section>
  );
}
