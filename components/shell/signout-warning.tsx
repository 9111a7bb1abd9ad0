'use client';

import { useTranslations } from 'next-intl';
import { useRef, type RefObject } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

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
  const t = useTranslations('shell');
  const stayRef = useRef<HTMLButtonElement>(null);
  const title =
    waiting > 0 && onDevice > 0
      ? t('signoutWarning.titleBoth', { total: waiting + onDevice, onDevice })
      : onDevice > 0
        ? t('signoutWarning.titleDevice', { count: onDevice })
        : t('signoutWarning.titleWaiting', { count: waiting });
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
      title={title}
      description={
        <>
          {onDevice > 0 ? (
            <span className="block" data-testid="signout-warning-device">
              {t('signoutWarning.device', { count: onDevice })}
            </span>
          ) : null}
          {waiting > 0 ? (
            <span className="block">
              {t('signoutWarning.waiting')}
            </span>
          ) : null}
        </>
      }
    >
      <div className="mt-4 flex flex-wrap gap-3">
        <Button variant="danger" pending={pending} pendingLabel={t('signingOut')} onClick={onSignOut}>
          {switching ? t('signoutWarning.switchAnyway') : t('signoutWarning.signOutAnyway')}
        </Button>
        <Button ref={stayRef} variant="secondary" onClick={onStay}>
          {t('signoutWarning.stay')}
        </Button>
      </div>
    </Dialog>
  );
}
