'use client';

import { useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { PossibleDuplicate } from '@/lib/capture/find-possible-duplicates';
import { formatInstant } from '@/lib/dates';

/**
 * Before saving: people captured in the last 90 days with the same e-mail or phone. A modal choice (the form
 * waits for it): "Save anyway" sends, Cancel or Escape goes back to the form with everything kept.
 */
export function DuplicatesDialog({
  duplicates,
  timeZone,
  onSave,
  onCancel,
}: {
  duplicates: PossibleDuplicate[] | null;
  timeZone: string;
  onSave: () => void;
  onCancel: () => void;
}) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      open={duplicates !== null}
      onClose={onCancel}
      title="Possible duplicates"
      description="Captured in the last 90 days with the same e-mail or phone. Is this the same person?"
      initialFocus={cancelRef}
      // The Save button was busy (disabled) when this opened: back to the form's first field, everything kept.
      returnFocus={() => document.getElementById('capture-firstName')}
      testId="duplicates-dialog"
    >
      <ul className="mt-3 flex flex-col gap-2">
        {(duplicates ?? []).map((d, i) => (
          <li key={i} className="rounded-lg bg-slate-50 p-2" data-testid="duplicate">
            <span className="font-semibold">{d.displayName}</span> · {[d.maskedEmail, d.maskedPhone].filter(Boolean).join(' · ')} · captured{' '}
            {formatInstant(d.capturedAt, timeZone, 'dayTimeSeconds')} by {d.capturedBy}
          </li>
        ))}
      </ul>
      <div className="mt-4 flex flex-wrap gap-3">
        <Button type="button" onClick={onSave}>
          Save anyway
        </Button>
        <Button ref={cancelRef} type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </Dialog>
  );
}
