'use client';

import { signOutSession } from '@/components/auth/auth-client';
import { deviceQueueCounts } from '@/components/offline/device-queue';
import { forgetDeskOnDevice } from '@/components/offline/offline-shell';
import { markSignOutPending, useFinishPendingSignOut } from '@/components/offline/pending-sign-out';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

// The warning before signing out with captures still waiting is fetched with the count, on the tap (not in
// every page's first load: issue 10, point 6).
const loadSignOutWarning = () => import('./signout-warning');
const SignOutWarning = lazy(() => loadSignOutWarning().then((m) => ({ default: m.SignOutWarning })));

/** Captures saved on this tablet, not yet at the console (any hostess's: they wait for the next session). */
async function onDevice(): Promise<number> {
  const { waiting, attention } = await deviceQueueCounts();
  return waiting + attention;
}

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
  } catch {
    // No network: the session is ended as soon as the tablet is online again (pending-sign-out.ts).
    markSignOutPending();
  } finally {
    // The signed-in desk the service worker kept is not left for the next person (captures waiting stay).
    await forgetDeskOnDevice();
    window.location.assign(to);
  }
}

export function SignOutButton() {
  const t = useTranslations('shell');
  const [pending, setPending] = useState(false);
  // Captures of hers still waiting to sync: she is told before she leaves (they will still be sent).
  const [waiting, setWaiting] = useState<{ server: number; device: number } | null>(null);
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
          const [server, device] = await Promise.all([waitingCaptures(), onDevice()]);
          if (server > 0 || device > 0) {
            setPending(false);
            setWaiting({ server, device });
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
          <SignOutWarning
            waiting={waiting.server}
            onDevice={waiting.device}
            pending={pending}
            returnFocus={buttonRef}
            onSignOut={() => void signOutNow()}
            onStay={() => setWaiting(null)}
          />
        </Suspense>
      ) : null}
    </>
  );
}

/** Shared tablet: the tap ends the current hostess's session at once; the next hostess then enters her PIN. */
export function SwitchHostessButton() {
  const t = useTranslations('shell');
  const [pending, setPending] = useState(false);
  // Captures saved on this tablet: she is told before she hands it over (the next hostess's session sends them).
  const [device, setDevice] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const switchNow = () => {
    setPending(true);
    void endSessionAndLeave('/login?switch=1');
  };
  return (
    <>
      <Button
        ref={buttonRef}
        variant="secondary"
        pending={pending && !device}
        pendingLabel={t('switching')}
        onClick={async () => {
          setPending(true);
          void loadSignOutWarning().catch(() => undefined);
          const n = await onDevice();
          if (n > 0) {
            setPending(false);
            setDevice(n);
            return;
          }
          switchNow();
        }}
      >
        {t('switchHostess')}
      </Button>
      {device ? (
        <Suspense fallback={null}>
          <SignOutWarning
            waiting={0}
            onDevice={device}
            switching
            pending={pending}
            returnFocus={buttonRef}
            onSignOut={switchNow}
            onStay={() => setDevice(0)}
          />
        </Suspense>
      ) : null}
    </>
  );
}

/**
 * Signs the screen out after the session kind's idle limit without touches or keys (hostess tablets and
 * desk staff each have theirs). The server enforces the same limit on its own (lib/auth/session-store.ts);
 * this makes the screen follow at once.
 */
/** Where a finished sign-out leaves the screen. */
const SIGNED_OUT_PAGE = '/login?ended=signed_out';
const leave = (to: string) => window.location.assign(to);
const toSignedOut = () => leave(SIGNED_OUT_PAGE);

export function IdleSignOut({ minutes }: { minutes: number }) {
  // A sign-out tapped offline on this tablet is finished first (the page then leaves for the sign-in page).
  useFinishPendingSignOut(toSignedOut);
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
