'use client';

import { signOutSession } from '@/components/auth/auth-client';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useTranslations } from 'next-intl';

// The warning before signing out with captures still waiting is fetched with the count, on the tap (not in
// every page's first load: issue 10, point 6).
const loadSignOutWarning = () => import('./signout-warning');
const SignOutWarning = lazy(() => loadSignOutWarning().then((m) => ({ default: m.SignOutWarning })));

/** How many of the signed-in member's captures still wait for Footprints (0 if unknown). */
async function waitingCaptures(): Promise<number> {
  try {
    const res = await fetch('/capture/pending', { cache: 'no-store' });
    if (!res.ok) return 0;
    const body = (await res.json()) as { waiting?: unknown };
    return typeof body.waiting === 'number' ? body.waiting : 0;
  } catch {
    return 0;
  }
}

/**
 * Ends the session, then loads the next page in full: nothing from the previous person (privacy rows,
 * the query cache, form state) stays in the tab's memory.
 */
async function endSessionAndLeave(to: string): Promise<void> {
  try {
    await signOutSession();
  } finally {
    window.location.assign(to);
  }
}

export function SignOutButton() {
  const t = useTranslations('shell');
  const [pending, setPending] = useState(false);
  // Captures of hers still waiting to sync: she is told before she leaves (they will still be sent).
  const [waiting, setWaiting] = useState<number | null>(null);
  // The button was busy (disabled) while the count was fetched, so it had lost focus: it gets it back.
  const buttonRef = useRef<HTMLButtonElement>(null);
  const signOutNow = async () => {
    setPending(true);
    await endSessionAndLeave('/login?ended=signed_out');
  };
  return (
    <>
      <Button
        ref={buttonRef}
        variant="secondary"
        pending={pending && !waiting}
        pendingLabel={t('signingOut')}
        onClick={async () => {
          setPending(true);
          void loadSignOutWarning().catch(() => undefined);
          const n = await waitingCaptures();
          if (n > 0) {
            setPending(false);
            setWaiting(n);
            return;
          }
          await signOutNow();
        }}
      >
        {t('signOut')}
      </Button>
      {waiting ? (
        // React.lazy, not next/dynamic: no loader machinery in every page's first load. Already fetched with the count.
        <Suspense fallback={null}>
          <SignOutWarning waiting={waiting} pending={pending} returnFocus={buttonRef} onSignOut={() => void signOutNow()} onStay={() => setWaiting(null)} />
        </Suspense>
      ) : null}
    </>
  );
}

/** Shared tablet: the tap ends the current hostess's session at once; the next hostess then enters her PIN. */
export function SwitchHostessButton() {
  const t = useTranslations('shell');
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      pending={pending}
      pendingLabel={t('switching')}
      onClick={() => {
        setPending(true);
        void endSessionAndLeave('/login?switch=1');
      }}
    >
      {t('switchHostess')}
    </Button>
  );
}

/**
 * Signs the screen out after the session kind's idle limit without touches or keys (hostess tablets and
 * desk staff each have theirs). The server enforces the same limit on its own (lib/auth/session-store.ts);
 * this makes the screen follow at once.
 */
export function IdleSignOut({ minutes }: { minutes: number }) {
  useEffect(() => {
    let last = Date.now();
    const mark = () => {
      last = Date.now();
    };
    const events = ['pointerdown', 'keydown', 'touchstart', 'scroll'] as const;
    events.forEach((e) => window.addEventListener(e, mark, { passive: true }));
    const timer = window.setInterval(async () => {
      if (Date.now() - last > minutes * 60_000) {
        window.clearInterval(timer);
        await endSessionAndLeave('/login?ended=idle');
      }
    }, 5_000);
    return () => {
      events.forEach((e) => window.removeEventListener(e, mark));
      window.clearInterval(timer);
    };
  }, [minutes]);
  return null;
}
