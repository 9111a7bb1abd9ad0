'use client';

import { useRef, type RefObject } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

function title(waiting: number, onDevice: number): string {
  if (waiting > 0 && onDevice > 0) return `${waiting + onDevice} leads are still waiting: ${onDevice} on this tablet`;
  if (onDevice > 0) return onDevice === 1 ? 'One capture is waiting on this tablet' : `${onDevice} captures are waiting on this tablet`;
  return waiting === 1 ? 'One of your leads is still waiting to sync' : `${waiting} of your leads are still waiting to sync`;
}

/** Signing out with captures still waiting to sync: she is told, and chooses (loaded on the Sign out tap). */
export function SignOutWarning({
  waiting,
  onDevice = 0,
  switching = false,
  pending,
  returnFocus,
  onSignOut,
  onStay,
}: {
  waiting: number;
  /** Captures saved on this tablet, not yet at the console (issue 14). */
  onDevice?: number;
  /** "Switch hostess" rather than "Sign out". */
  switching?: boolean;
  pending: boolean;
  returnFocus: RefObject<HTMLButtonElement | null>;
  onSignOut: () => void;
  onStay: () => void;
}) {
  const stayRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      open
      onClose={onStay}
      role="alertdialog"
      size="sm"
      dismissible={!pending}
      returnFocus={returnFocus}
      // The safe answer first.
      initialFocus={stayRef}
      testId="signout-warning"
      title={title(waiting, onDevice)}
      description={
        <>
          {onDevice > 0 ? (
            <span className="block" data-testid="signout-warning-device">
              {onDevice === 1 ? 'One capture is' : `${onDevice} captures are`} saved on this tablet and not yet sent: keep the tablet; the
              next session signed in on it sends {onDevice === 1 ? 'it' : 'them'} when the network is back, with the hostess who
              captured {onDevice === 1 ? 'it' : 'them'}.
            </span>
          ) : null}
          {waiting > 0 ? (
            <span className="block">
              They are saved and will be sent to Footprints automatically, also after you sign out. You can check them under &ldquo;My
              submissions today&rdquo;.
            </span>
          ) : null}
        </>
      }
    >
      <div className="mt-4 flex flex-wrap gap-3">
        <Button variant="danger" pending={pending} pendingLabel="Signing out…" onClick={onSignOut}>
          {switching ? 'Switch anyway' : 'Sign out anyway'}
        </Button>
        <Button ref={stayRef} variant="secondary" onClick={onStay}>
          Stay signed in
        </Button>
      </div>
    </Dialog>
  );
}
