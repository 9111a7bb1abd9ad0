import { redirect } from 'next/navigation';
import { homeFor } from '@/lib/auth/home';
import { requireSession } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const session = await requireSession();
  // Each role's main desk (hostess → capture, manager → pipeline, support → privacy, admin → audit trail).
  const home = homeFor(session.roles);
  if (home !== '/') redirect(home);
  // Least privilege: a member of staff without a role sees this and nothing else.
  return (
    <section className="mx-auto mt-12 max-w-lg rounded-2xl bg-white p-8 text-center shadow-sm" aria-labelledby="no-role-title">
      <h1 id="no-role-title" className="text-2xl font-bold">
        You have no role in Storedesk yet
      </h1>
      <p className="mt-4 text-base text-slate-700">
        Your sign-in worked, but no role has been given to you. Ask an admin to assign you a role (hostess, manager, support or admin),
        then sign out and in again.
      </p>
    </section>
  );
}
