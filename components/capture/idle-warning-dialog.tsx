'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

/**
 * "Still with the customer?": a modal alert dialog (fixed in the middle of the screen wherever the page is
 * scrolled, announced by screen readers, focus on its answer), so the question is never drawn off-screen.
 */
export function IdleWarning({ open, onStay }: { open: boolean; onStay: () => void }) {
  const t = useTranslations('capture.idle');
  return (
    <Dialog
      open={open}
      onClose={onStay}
      role="alertdialog"
      size="sm"
      testId="idle-warning"
      title={t('title')}
      description={t('description')}
    >
      <div className="mt-4 flex flex-wrap gap-3">
        <Button type="button" onClick={onStay}>
          {t('stay')}
        </Button>
      </div>
    </Dialog>
  );
}
