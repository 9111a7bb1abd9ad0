'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { PossibleDuplicate } from '@/lib/capture/find-possible-duplicates';
import { formatInstant } from '@/lib/dates';
import { isLocale } from '@/lib/i18n/locales';

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
  const t = useTranslations('capture.duplicates');
  const locale = useLocale();
  return (
    <Dialog
      open={duplicates !== null}
      onClose={onCancel}
      title={t('title')}
      description={t('description')}
      initialFocus={cancelRef}
      // The Save button was busy (disabled) when this opened: back to the form's first field, everything kept.
      returnFocus={() => document.getElementById('capture-firstName')}
      testId="duplicates-dialog"
    >
      <ul className="mt-3 flex flex-col gap-2">
        {(duplicates ?? []).map((d, i) => (
          <li key={i} className="rounded-lg bg-slate-50 p-2" data-testid="duplicate">
            {t.rich('line', {
              b: (chunks) => <span className="font-semibold">{chunks}</span>,
              name: d.displayName,
              contacts: [d.maskedEmail, d.maskedPhone].filter(Boolean).join(' · '),
              when: formatInstant(d.capturedAt, timeZone, 'dayTimeSeconds', '—', isLocale(locale) ? locale : 'en'),
              by: d.capturedBy,
            })}
          </li>
        ))}
      </ul>
      <div className="mt-4 flex flex-wrap gap-3">
        <Button type="button" onClick={onSave}>
          {t('saveAnyway')}
        </Button>
        <Button ref={cancelRef} type="button" variant="secondary" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </Dialog>
  );
}
