'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { formatInstant } from '@/lib/dates';
import type { CaptureCheckView } from '@/lib/admin/queries';
import { isLocale } from '@/lib/i18n/locales';

const MATCHES = ['key', 'email', 'phone', 'time'] as const;

export interface CaptureCheckPanelProps {
  jobId: string;
  check: CaptureCheckView;
  timeZone: string;
  pending: boolean;
  onResolve: (decision: { choice: 'adopt'; leadId: string } | { choice: 'resend' }) => void;
}

/**
 * A capture waiting for a person (issue 13): the capture, the leads at Footprints that could be it, and the two
 * ways out — "It's this one" (the capture becomes that lead; nothing is sent again) or "Send it again".
 */
export function CaptureCheckPanel({ jobId, check, timeZone, pending, onResolve }: CaptureCheckPanelProps) {
  const [leadId, setLeadId] = useState('');
  const { capture } = check;
  const t = useTranslations('admin.check');
  const current = useLocale();
  const locale = isLocale(current) ? current : 'en';
  const match = (m: string) => ((MATCHES as readonly string[]).includes(m) ? t(`match.${m as (typeof MATCHES)[number]}`) : m);
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 p-3" data-testid="capture-check" data-job-id={jobId}>
      <p className="font-semibold">{t('title')}</p>
      <p className="mt-1 text-sm text-slate-800">{t(`why.${check.why}`)}</p>
      <p className="mt-2 text-sm" data-testid="capture-check-capture">
        {t.rich('capture', {
          name: capture.name,
          by: capture.capturedBy,
          time: formatInstant(capture.capturedAt, timeZone, 'dayTimeSeconds', '—', locale),
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
        {capture.maskedEmail ? ` · ${capture.maskedEmail}` : ''}
        {capture.maskedPhone ? ` · ${capture.maskedPhone}` : ''}
      </p>
      {check.candidates.length > 0 ? (
        <ul className="mt-2 divide-y divide-amber-200" aria-label={t('candidatesLabel')}>
          {check.candidates.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="capture-check-candidate">
              <span className="text-sm">
                <strong>{c.name}</strong> · {t('lead', { id: c.id })}
                {c.createdAt ? ` · ${formatInstant(c.createdAt, timeZone, 'dayTimeSeconds', '—', locale)}` : ''}
                {c.maskedEmail ? ` · ${c.maskedEmail}` : ''}
                {c.maskedPhone ? ` · ${c.maskedPhone}` : ''} · {t('same', { what: c.matchedOn.map(match).join(', ') })}
              </span>
              <Button variant="secondary" disabled={pending} onClick={() => onResolve({ choice: 'adopt', leadId: c.id })}>
                {t('thisOne')}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-slate-700">{t('none')}</p>
      )}
      <form
        className="mt-2 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (leadId.trim()) onResolve({ choice: 'adopt', leadId: leadId.trim() });
        }}
      >
        <Field label={t('leadId')} name={`lead-id-${jobId}`} value={leadId} onChange={(e) => setLeadId(e.target.value)} maxLength={100} />
        <Button type="submit" variant="secondary" disabled={pending || !leadId.trim()}>
          {t('thisOne')}
        </Button>
        <Button type="button" disabled={pending} onClick={() => onResolve({ choice: 'resend' })}>
          {t('resend')}
        </Button>
      </form>
    </div>
  );
}
