import Link from 'next/link';
import type { ReactNode } from 'react';
import { DeviceQueueStatus } from '@/components/capture/device-queue-sync';
import { Nav } from '@/components/shell/nav';
import { SandboxBanner } from '@/components/shell/sandbox-banner';
import { IdleSignOut, SignOutButton, SwitchHostessButton } from '@/components/shell/session-controls';
import { can, navFor } from '@/lib/auth/permissions';
import { requireSession } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitcher } from '@/components/i18n/language-switcher';

export const dynamic = 'force-dynamic';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  const config = getConfig();
  const t = await getTranslations();
  const items = navFor(session.roles).map(({ href, key }) => ({ href, label: t(`nav.${key}`) }));
  const isHostess = session.kind === 'hostess';
  return (
    <div className="flex min-h-screen flex-col">
      {config.sandbox ? <SandboxBanner /> : null}
      {config.insecureHttp && session.roles.includes('admin') ? (
        <p role="alert" data-testid="insecure-banner" className="bg-red-700 px-4 py-2 text-center text-base font-semibold text-white">
          {t('shell.insecureBanner')}
        </p>
      ) : null}
      {/*
        Fits a 768 px portrait tablet and 1024 px for every role, with long names and long (translated) labels:
        the brand and the person on the first line (the person's part wraps under the brand if it must), the
        menu on its own full-width line whose items wrap; nothing scrolls sideways or is cut (e2e/header-fit).
      */}
      <header className="border-b border-slate-200 bg-white" data-testid="header">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2">
          <Link href="/" className="shrink-0 text-xl font-bold text-blue-800">
            Storedesk
          </Link>
          <div className="ml-auto flex min-w-0 max-w-full flex-wrap items-center justify-end gap-2">
            <p className="min-w-0 max-w-full text-right text-sm break-words text-slate-700" data-testid="whoami">
              <span className="font-semibold">{session.displayName}</span>
              {session.roles.length ? t('shell.whoamiRoles', { roles: session.roles.map((r) => t(`roles.${r}`)).join(', ') }) : t('shell.noRole')}
            </p>
            <LanguageSwitcher saveForPerson={session.roles.length > 0} />
            {/* Captures saved on this tablet while offline, and their sending when the network is back (issue 14). */}
            {can(session.roles, 'capture.create') ? <DeviceQueueStatus /> : null}
            {isHostess ? <SwitchHostessButton /> : null}
            <SignOutButton />
          </div>
          {items.length ? (
            <div className="min-w-0 basis-full">
              <Nav items={items} label={t('nav.label')} />
            </div>
          ) : null}
        </div>
      </header>
      <IdleSignOut minutes={isHostess ? config.auth.hostessIdleMinutes : config.auth.staffIdleMinutes} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 p-4">
        {children}
      </main>
    </div>
  );
}
