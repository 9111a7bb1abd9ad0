'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { fetchProfileAction } from '@/app/(console)/privacy/actions';
import { Button } from '@/components/ui/button';
import type { SubjectProfile } from '@/lib/privacy/results';
import { caseProfile, putCaseProfile } from './results-store';
import { useErrorWords } from './use-error-words';

const SHOWN = ['userFirstName', 'userLastName', 'userEmail', 'userPhone', 'userExternalId', 'type', 'createdAt'] as const;

function text(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The subject's Footprints client record (GET /api/client), kept in this tab for the export. */
export function ProfilePanel({ caseId, canLookUp }: { caseId: string; canLookUp: boolean }) {
  const [profile, setProfile] = useState<SubjectProfile | undefined>(() => caseProfile(caseId));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const t = useTranslations('privacyCase.profile');
  const words = useErrorWords();
  return (
    <section aria-labelledby="profile-title" className="rounded-2xl bg-white p-6 shadow-sm">
      <h2 id="profile-title" className="text-xl font-bold">
        {t('title')}
      </h2>
      {!canLookUp ? (
        <p className="mt-1 text-sm text-slate-700">{t('needsBoth')}</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-700">{t('included')}</p>
          <Button
            type="button"
            variant="secondary"
            className="mt-3"
            pending={pending}
            onClick={async () => {
              setPending(true);
              setError(null);
              const result = await fetchProfileAction({ caseId });
              setPending(false);
              if (!result.ok) {
                setError(words(result.error.message));
                return;
              }
              putCaseProfile(caseId, result.data);
              setProfile(result.data);
            }}
          >
            {profile ? t('fetchAgain') : t('fetch')}
          </Button>
          {error ? (
            <p role="alert" className="mt-3 rounded-lg bg-red-50 p-3 text-red-800">
              {error}
            </p>
          ) : null}
          {profile ? (
            profile.found && profile.record ? (
              <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid="footprints-profile">
                {SHOWN.map((key) => (
                  <div key={key} className="contents">
                    <dt className="font-medium">{t(`fields.${key}`)}</dt>
                    <dd>{text(profile.record?.[key])}</dd>
                  </div>
                ))}
                <dt className="font-medium">{t('fields.leads')}</dt>
                <dd>{Array.isArray(profile.record.leads) ? profile.record.leads.length : 0}</dd>
              </dl>
            ) : (
              <p className="mt-3 text-sm" data-testid="footprints-profile">
                {t('none')}
              </p>
            )
          ) : null}
        </>
      )}
    </section>
  );
}
