'use client';

import { useRef, type RefObject } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useTranslations } from 'next-intl';

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
  const t = useTranslations('shell');
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
      title={t('waitingTitle', { count: waiting })}
      description={t('waitingText')}
    >
      <div className="mt-4 flex flex-wrap gap-3">
        <Button variant="danger" pending={pending} pendingLabel={t('signingOut')} onClick={onSignOut}>
          {t('signOutAnyway')}
        </Button>
        <Button ref={stayRef} variant="secondary" onClick={onStay}>
          {t('staySignedIn')}
        </Button>
      </div>
    </Dialog>
  );
}
