import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { StaffEditor } from '@/components/admin/staff-editor';
import { staffPage } from '@/lib/admin/queries';
import { requirePagePermission } from '@/lib/auth/session';
import { describeScope } from '@/lib/auth/stores';
import { getConfig } from '@/lib/config';
import { formatInstant } from '@/lib/dates';
import { isLocale } from '@/lib/i18n/locales';
import { getLocale } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('adminStaff') };
}
export const dynamic = 'force-dynamic';

export default async function StaffPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const session = await requirePagePermission('admin.roles');
  const tz = getConfig().storeTimezone;
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 200) ?? '';
  const { rows, stores, footprintsAnswered } = await staffPage(session.accessToken, query);
  const t = await getTranslations('admin.staff');
  const current = await getLocale();
  const locale = isLocale(current) ? current : 'en';
  return (
    <section aria-labelledby="page-title" className="rounded-2xl bg-white p-6 shadow-sm">
      <h1 id="page-title" className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-base text-slate-700">{t('intro')}</p>
      {footprintsAnswered ? null : (
        <p role="status" className="mt-3 rounded-lg bg-amber-50 p-3 text-base text-amber-900" data-testid="footprints-missing">
          {t('footprintsMissing')}
        </p>
      )}
      <div className="mt-4">
        <StaffEditor
          me={session.subject}
          query={query}
          stores={stores}
          rows={rows.map((s) => ({
            subject: s.subject,
            displayName: s.displayName,
            username: s.username,
            email: s.email,
            kind: s.kind,
            role: s.role,
            inherent: s.inherent ? t(`inherent.${s.inherent}`) : null,
            inherentAdmin: s.inherent === 'admin_config',
            lastSignIn: formatInstant(s.lastSignInAt, tz, 'dayTimeSeconds', t('never'), locale),
            assigned:
              s.assignedBy && s.assignedAt
                ? t('assigned', {
                    name: s.assignedBy === 'sandbox-seed' ? t('sandboxSetup') : (s.assignedByName ?? s.assignedBy),
                    time: formatInstant(s.assignedAt, tz, 'dayTimeSeconds', '—', locale),
                  })
                : '',
            assignedById: s.assignedBy,
            newPerson: s.lastSignInAt === null && s.subject.startsWith('user:'),
            fromFootprints: s.source === 'footprints',
            storeOverride: s.storeOverride ? describeScope(s.storeOverride) : null,
            footprintsStores: s.footprintsStores,
          }))}
        />
      </div>
    </section>
  );
}
