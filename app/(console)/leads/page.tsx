import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Pipeline } from '@/components/leads/pipeline';
import { requirePagePermission } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { filtersFromParams } from '@/lib/leads/filters';
import { pipelinePage } from '@/lib/leads/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('pipeline') };
}
export const dynamic = 'force-dynamic';

type Search = Record<string, string | string[] | undefined>;

export default async function LeadsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const session = await requirePagePermission('leads.view');
  const params = await searchParams;
  const timeZone = getConfig().storeTimezone;
  const filters = filtersFromParams(params, new Date(), timeZone);
  // The first visit ever fills the read model (later ones read it; a periodic sync keeps it fresh).
  const { pipeline, sync, options, loadError } = await pipelinePage(session, filters, timeZone);
  const t = await getTranslations('leads');
  return (
    <section aria-labelledby="page-title" className="flex flex-col gap-4">
      <div className="rounded-2xl bg-white p-4 shadow-sm">
        <h1 id="page-title" className="text-2xl font-bold">
          {t('pageTitle')}
        </h1>
        <p className="mt-1 text-base text-slate-700">{t('pageIntro')}</p>
      </div>
      <Pipeline initialFilters={filters} initialData={{ ...pipeline, sync }} options={options} timeZone={timeZone} loadError={loadError ? t('loadFailed') : null} />
    </section>
  );
}
