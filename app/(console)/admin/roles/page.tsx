import type { Metadata } from 'next';
import { RoleEditor } from '@/components/admin/role-editor';
import { INHERENT_ROLE_LABELS, listStaffPage } from '@/lib/admin/queries';
import { requirePagePermission } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { formatInstant } from '@/lib/dates';

export const metadata: Metadata = { title: 'Roles' };
export const dynamic = 'force-dynamic';

export default async function RolesPage() {
  const session = await requirePagePermission('admin.roles');
  const tz = getConfig().storeTimezone;
  const staff = await listStaffPage();
  return (
    <section aria-labelledby="page-title" className="rounded-2xl bg-white p-6 shadow-sm">
      <h1 id="page-title" className="text-2xl font-bold">Roles</h1>
      <p className="mt-2 text-base text-slate-700">
        Everyone who has signed in, and the console role each holds. Hostesses signing in with a PIN are hostesses through Footprints,
        and the admins named in the console&apos;s configuration are admins whatever is chosen here; a role given here adds to that.
        Changes take effect at the person&apos;s next sign-in. The console always keeps at least one admin.
      </p>
      <div className="mt-4">
        <RoleEditor
          me={session.subject}
          rows={staff.map((s) => ({
            subject: s.subject,
            displayName: s.displayName,
            username: s.username,
            kind: s.kind,
            role: s.role,
            inherent: s.inherent ? INHERENT_ROLE_LABELS[s.inherent] : null,
            lastSignIn: s.lastSignInAt ? formatInstant(s.lastSignInAt, tz, 'dayTimeSeconds') : 'never',
            assigned: s.assignedBy ? `set by ${s.assignedByName ?? s.assignedBy} on ${formatInstant(s.assignedAt, tz, 'dayTimeSeconds')}` : '',
            assignedById: s.assignedBy,
          }))}
        />
      </div>
    </section>
  );
}
