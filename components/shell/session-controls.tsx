'use client';

import { useRouter } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';

export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      pending={pending}
      pendingLabel="Signing out…"
      onClick={async () => {
        setPending(true);
        await signOut({ redirect: false });
        router.replace('/login?ended=signed_out');
        router.refresh();
      }}
    >
      Sign out
    </Button>
  );
}

/** Shared tablet: the next hostess taps this, then enters her PIN. */
export function SwitchHostessButton() {
  const router = useRouter();
  return (
    <Button variant="secondary" onClick={() => router.push('/login?switch=1')}>
      Switch hostess
    </Button>
  );
}

/**
 * Signs a hostess tablet out after a period without touches or keys. The server enforces the same
 * limit on its own (lib/auth/session-store.ts); this makes the screen follow at once.
 */
export function IdleSignOut({ minutes }: { minutes: number }) {
  const router = useRouter();
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
        await signOut({ redirect: false });
        router.replace('/login?ended=idle');
      }
    }, 5_000);
    return () => {
      events.forEach((e) => window.removeEventListener(e, mark));
      window.clearInterval(timer);
    };
  }, [minutes, router]);
  return null;
}
