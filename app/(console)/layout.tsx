import Link from 'next/link';
import type { ReactNode } from 'react';
import { Nav } from '@/components/shell/nav';
import { SandboxBanner } from '@/components/shell/sandbox-banner';
import { IdleSignOut, SignOutButton, SwitchHostessButton } from '@/components/shell/session-controls';
import { navFor } from '@/lib/auth/permissions';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { requireSession } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';

export const dynamic = 'force-dynamic';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  const config = getConfig();
  const items = navFor(session.roles).map(({ href, label }) => ({ href, label }));
  const isHostess = session.kind === 'hostess';
  return (
    <div className="flex min-h-screen flex-col">
      {config.sandbox ? <SandboxBanner /> : null}
      {config.insecureHttp && session.roles.includes('admin') ? (
        <p role="alert" data-testid="insecure-banner" className="bg-red-700 px-4 py-2 text-center text-base font-semibold text-white">
          Plain http (ALLOW_INSECURE_HTTP=1): sign-ins and customer data cross the network unencrypted. See Security.
        </p>
      ) : null}
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-2">
          <Link href="/" className="mr-2 text-xl font-bold text-blue-800">
            Storedesk
          </Link>
          <div className="min-w-0 flex-1">{items.length ? <Nav items={items} /> : null}</div>
          <p className="text-sm text-slate-700" data-testid="whoami">
            <span className="font-semibold">{session.displayName}</span>
            {session.roles.length ? ` · ${session.roles.map((r) => ROLE_LABELS[r]).join(', ')}` : ' · no role'}
          </p>
          {isHostess ? <SwitchHostessButton /> : null}
          <SignOutButton />
        </div>
      </header>
      <IdleSignOut minutes={isHostess ? config.auth.hostessIdleMinutes : config.auth.staffIdleMinutes} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 p-4">
        {children}
      </main>
    </div>
  );
}
