'use client';

import { useRef, type RefObject } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

/** Signing out with captures still waiting to sync: she is told, and chooses (loaded on the Sign out tap). */
export function SignOutWarning({
  waiting,
  pending,
  returnFocus,
  onSignOut,
  onStay,
}: {
  waiting: number;
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
      title={waiting === 1 ? 'One of your leads is still waiting to sync' : `${waiting} of your leads are still waiting to sync`}
      description={
        <>
          They are saved and will be sent to Footprints automatically, also after you sign out. You can check them under &ldquo;My
          submissions today&rdquo;.
        </>
      }
    >
      <div className="mt-4 flex flex-wrap gap-3">
        <Button variant="danger" pending={pending} pendingLabel="Signing out…" onClick={onSignOut}>
          Sign out anyway
        </Button>
        <Button ref={stayRef} variant="secondary" onClick={onStay}>
          Stay signed in
        </Button>
      </div>
    </Dialog>
  );
}
