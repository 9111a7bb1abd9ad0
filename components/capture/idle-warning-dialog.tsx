'use client';

import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

/**
 * "Still with the customer?": a modal alert dialog (fixed in the middle of the screen wherever the page is
 * scrolled, announced by screen readers, focus on its answer), so the question is never drawn off-screen.
 */
export function IdleWarning({ open, onStay }: { open: boolean; onStay: () => void }) {
  return (
    <Dialog
      open={open}
      onClose={onStay}
      role="alertdialog"
      size="sm"
      testId="idle-warning"
      title="Still with the customer?"
      description="This form has been left for two minutes. It will be cleared in 30 seconds so the next customer's data stays private."
    >
      <div className="mt-4 flex flex-wrap gap-3">
        <Button type="button" onClick={onStay}>
          Stay and keep editing
        </Button>
      </div>
    </Dialog>
  );
}
