'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useConsoleLocale } from '@/components/i18n/use-console-locale';
import { Button } from '@/components/ui/button';
import { formatInstant } from '@/lib/dates';
import { ActionForm, type TimelineEntryView } from './lead-action-form';

export type { TimelineEntryView };

/** The lead's actions from Footprints, newest first, each editable, and the form to add one. */
export function ActionTimeline({
  leadId,
  entries,
  types,
  timeZone,
  error,
}: {
  leadId: string;
  entries: TimelineEntryView[];
  types: { id: string; name: string }[];
  timeZone: string;
  error: string | null;
}) {
  const router = useRouter();
  const t = useTranslations('leadDetail.timeline');
  const locale = useConsoleLocale();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-3">
      {error ? (
        <p role="alert" className="rounded-lg bg-amber-50 p-3 text-amber-900">
          {error}
        </p>
      ) : null}
      <ol className="flex flex-col gap-2" data-testid="timeline">
        {entries.length === 0 && !error ? <li className="text-slate-600">{t('none')}</li> : null}
        {entries.map((e) => (
          <li key={e.id} className="rounded-lg border border-slate-200 p-3" data-testid="timeline-entry">
            {editing === e.id ? (
              <ActionForm
                leadId={leadId}
                types={types}
                entry={e}
                onCancel={() => setEditing(null)}
                onDone={() => {
                  setEditing(null);
                  router.refresh();
                }}
              />
            ) : (
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <p className="font-semibold">
                    {e.typeName} · <span className="font-normal text-slate-700">{formatInstant(e.date, timeZone, 'dayTimeSeconds', '—', locale)}</span>
                  </p>
                  <p>{e.detail}</p>
                  {e.attachments.length ? <p className="text-sm text-slate-700">{t('attached', { files: e.attachments.join(', ') })}</p> : null}
                </div>
                <Button variant="secondary" onClick={() => setEditing(e.id)} aria-label={t('editLabel', { what: e.detail || e.typeName })}>
                  {t('edit')}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {types.length ? <ActionForm leadId={leadId} types={types} onDone={() => router.refresh()} /> : null}
    </div>
  );
}
