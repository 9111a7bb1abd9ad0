'use client';

import { useLocale, useTranslations } from 'next-intl';
import { mySubmissionsTodayAction } from '@/app/(console)/capture/actions';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { useRemoteData } from '@/components/data/use-remote-data';
import { formatInstant } from '@/lib/dates';
import { isLocale } from '@/lib/i18n/locales';

export const MY_SUBMISSIONS_KEY = 'capture/my-submissions';

async function mySubmissionsToday() {
  const result = await mySubmissionsTodayAction({});
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

const STATE_TONE: Record<'sent' | 'waiting' | 'failed' | 'checking', BadgeTone> = { sent: 'success', waiting: 'warning', failed: 'danger', checking: 'warning' };

/** Today's captures by this hostess and their sync state; refreshes by itself. */
export function MySubmissionsPanel({ timeZone }: { timeZone: string }) {
  // Refreshes every 4 s while the tab is visible (not in the background).
  const query = useRemoteData(MY_SUBMISSIONS_KEY, mySubmissionsToday, { refetchInterval: 4_000 });
  const t = useTranslations('capture.mine');
  const pageLocale = useLocale();
  const locale = isLocale(pageLocale) ? pageLocale : 'en';
  return (
    <section aria-labelledby="my-submissions-title" className="rounded-2xl bg-white p-4 shadow-sm" data-testid="my-submissions">
      <h2 id="my-submissions-title" className="text-lg font-bold">
        {t('title')}
      </h2>
      {query.isPending ? <p className="mt-2 text-slate-700">{t('loading')}</p> : null}
      {query.isError ? (
        <p className="mt-2 text-red-800" role="status">
          {t('refreshFailed', { message: query.error.message })}
        </p>
      ) : null}
      {query.data && query.data.length === 0 ? <p className="mt-2 text-slate-700">{t('none')}</p> : null}
      {query.data && query.data.length > 0 ? (
        <ul className="mt-2 divide-y divide-slate-200">
          {query.data.map((s) => (
            <li key={s.id} className="flex flex-col gap-1 py-2" data-testid="my-submission" data-state={s.state}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-semibold">{s.displayName}</span>
                <Badge tone={STATE_TONE[s.state]}>{t(`states.${s.state}`)}</Badge>
              </div>
              <span className="text-sm text-slate-700">
                {formatInstant(s.capturedAt, timeZone, 'dayTimeSeconds', '—', locale)}
                {s.footprintsLeadId ? ` · ${t('lead', { leadId: s.footprintsLeadId })}` : null}
              </span>
              {s.note ? (
                <span className="text-sm text-slate-800" data-testid="my-submission-note">
                  {t(`notes.${s.note}`)}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
