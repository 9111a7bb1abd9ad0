import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { LoyaltyDesk } from '@/components/loyalty/loyalty-desk';
import { can } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('loyalty') };
}
export const dynamic = 'force-dynamic';

export default async function LoyaltyPage() {
  const session = await requirePagePermission('loyalty.check');
  const isManager = can(session.roles, 'loyalty.listCodes');
  const t = await getTranslations('loyalty');
  return (
    <section aria-labelledby="page-title" className="rounded-2xl bg-white p-6 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 id="page-title" className="text-2xl font-bold">
          {t('pageTitle')}
        </h1>
        {isManager ? (
          <Link href="/loyalty/codes" className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline">
            {t('allCodes')}
          </Link>
        ) : null}
      </div>
      <p className="mt-2 text-base text-slate-700">
        {t('intro')}
      </p>
      <div className="mt-4">
        <LoyaltyDesk timeZone={getConfig().storeTimezone} canBrowseAll={isManager} />
      </div>
    </section>
  );
}
