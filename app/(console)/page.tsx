import { redirect } from 'next/navigation';
import { homeFor } from '@/lib/auth/home';
import { requireSession } from '@/lib/auth/session';
import { getTranslations } from 'next-intl/server';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const session = await requireSession();
  // Each role's main desk (hostess → capture, manager → pipeline, support → privacy, admin → audit trail).
  const home = homeFor(session.roles);
  if (home !== '/') redirect(home);
  const t = await getTranslations('noRole');
  // Least privilege: a member of staff without a role sees this and nothing else.
  return (
    <section className="mx-auto mt-12 max-w-lg rounded-2xl bg-white p-8 text-center shadow-sm" aria-labelledby="no-role-title">
      <h1 id="no-role-title" className="text-2xl font-bold">
        {t('title')}
      </h1>
      <p className="mt-4 text-base text-slate-700">
        {t('text')}
      </p>
    </section>
  );
}
