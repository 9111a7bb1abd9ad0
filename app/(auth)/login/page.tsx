import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginPanel } from '@/components/auth/login-panel';
import { KeepShellOnDevice } from '@/components/capture/keep-shell';
import { SandboxBanner } from '@/components/shell/sandbox-banner';
import { homeFor, safeNextPath } from '@/lib/auth/home';
import { getStaffSession } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitcher } from '@/components/i18n/language-switcher';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('signIn') };
}
export const dynamic = 'force-dynamic';

/** Why the last session ended (?ended=…): the messages login.ended.<reason>. */
const ENDED = ['idle', 'shift_limit', 'signed_out', 'replaced', 'access_changed'] as const;

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const switching = params.switch === '1';
  // Only paths on the console; anything else falls back to the role's main desk (via "/" after sign-in).
  const next = safeNextPath(params.next) ?? safeNextPath(params.callbackUrl);
  const session = await getStaffSession();
  // "Switch hostess" signs out before it comes here: with a live session, nobody signs in on top of it.
  if (session) redirect(next ?? homeFor(session.roles));
  const t = await getTranslations('login');
  const reason = ENDED.find((r) => r === params.ended);
  const ended = reason ? t(`ended.${reason}`) : undefined;
  return (
    <div className="flex min-h-screen flex-col">
      {getConfig().sandbox ? <SandboxBanner /> : null}
      <main className="flex flex-1 flex-col items-center justify-center gap-6 p-4">
        <h1 className="text-3xl font-bold">Storedesk</h1>
        {/* The tablet's choice at once; the person's when they sign in (the sign-in sends it). */}
        <LanguageSwitcher saveForPerson="at-sign-in" />
        {ended ? (
          <p role="status" className="max-w-md rounded-lg bg-blue-50 p-3 text-center text-base text-blue-900">
            {ended}
          </p>
        ) : null}
        <LoginPanel switching={switching} next={next ?? '/'} />
        <KeepShellOnDevice page="/login" />
      </main>
    </div>
  );
}
