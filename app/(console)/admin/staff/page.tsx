import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { StaffEditor } from '@/components/admin/staff-editor';
import { INHERENT_ROLE_LABELS, staffPage } from '@/lib/admin/queries';
import { requirePagePermission } from '@/lib/auth/session';
import { describeScope } from '@/lib/auth/stores';
import { getConfig } from '@/lib/config';
import { formatInstant } from '@/lib/dates';

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
  return (
    <section aria-labelledby="page-title" className="rounded-2xl bg-white p-6 shadow-sm">
      <h1 id="page-title" className="text-2xl font-bold">Staff</h1>
      <p className="mt-2 text-base text-slate-700">
        Everyone who has signed in, everyone set up here before their first sign-in, and Footprints&apos; business users: the console
        role and the stores each holds. Hostesses signing in with a PIN are hostesses through Footprints, and the admins named in the
        console&apos;s configuration are admins whatever is chosen here. A store choice made here wins over the stores Footprints lists;
        admins always see every store. A change takes effect at once: the person&apos;s open sessions end. The console always keeps at least one admin.
      </p>
      {footprintsAnswered ? null : (
        <p role="status" className="mt-3 rounded-lg bg-amber-50 p-3 text-base text-amber-900" data-testid="footprints-missing">
          Footprints did not answer: its business users and the store names are missing from this page. Reload to try again.
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
            inherent: s.inherent ? INHERENT_ROLE_LABELS[s.inherent] : null,
            lastSignIn: s.lastSignInAt ? formatInstant(s.lastSignInAt, tz, 'dayTimeSeconds') : 'never',
            assigned: s.assignedBy && s.assignedAt ? `set by ${s.assignedByName ?? s.assignedBy} on ${formatInstant(s.assignedAt, tz, 'dayTimeSeconds')}` : '',
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
