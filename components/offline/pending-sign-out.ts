/**
 * A sign-out tapped without a network (issue 14, shared tablet): the screen leaves for the sign-in page at once,
 * but the console has not heard of it, so the session would still be open when the network is back. The tablet
 * remembers it and ends the session as soon as it can: on the sign-in page or any console page, when it loads
 * online or when the network returns.
 */
import { useEffect } from 'react';
import { signOutSession } from '@/components/auth/auth-client';

export const SIGN_OUT_PENDING_KEY = 'storedesk.signOutPending';

export function markSignOutPending(): void {
  try {
    window.localStorage.setItem(SIGN_OUT_PENDING_KEY, new Date().toISOString());
  } catch {
    /* private mode */
  }
}

function pending(): boolean {
  try {
    return Boolean(window.localStorage.getItem(SIGN_OUT_PENDING_KEY));
  } catch {
    return false;
  }
}

/** Ends the session a sign-out left open offline; true when it did. */
export async function finishPendingSignOut(end: () => Promise<void> = signOutSession): Promise<boolean> {
  if (!pending() || !navigator.onLine) return false;
  try {
    await end();
  } catch {
    return false;
  }
  try {
    window.localStorage.removeItem(SIGN_OUT_PENDING_KEY);
  } catch {
    /* nothing kept */
  }
  return true;
}

/** Finishes a pending sign-out now and whenever the network comes back; `onDone` after it did. */
export function useFinishPendingSignOut(onDone?: () => void): void {
  useEffect(() => {
    const run = () => void finishPendingSignOut().then((done) => done && onDone?.());
    run();
    window.addEventListener('online', run);
    return () => window.removeEventListener('online', run);
  }, [onDone]);
}
