'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { completeLeadAction } from '@/app/(console)/leads/actions';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { useToast } from '@/components/ui/toast';
import type { CompletionOptions } from '@/lib/leads/complete-lead';
import type { MissingPart } from '@/lib/leads/read-model';
import { useMissingWords } from './incomplete-note';

type Key = 'locationId' | 'offerCategoryId' | 'offerId' | 'consultantId';

function Choice({ id, label, value, onChange, items, error }: { id: string; label: string; value: string; onChange: (v: string) => void; items: { id: string; name: string }[]; error?: string }) {
  const t = useTranslations('leadDetail.complete');
  return <Select id={id} label={label} placeholder={t('choose')} value={value} onChange={(e) => onChange(e.target.value)} options={items.map((o) => ({ value: o.id, label: o.name }))} error={error} />;
}

/**
 * A captured lead Footprints does not list yet: the manager adds what it lacks (store, offer category, offer,
 * consultant), which goes to Footprints with Update Lead; from then on Footprints lists it.
 */
export function CompleteLeadForm({
  leadId,
  missing,
  current,
  options,
  optionsError,
}: {
  leadId: string;
  missing: MissingPart[];
  current: Record<Key, string | null>;
  options: CompletionOptions | null;
  optionsError: string | null;
}) {
  const router = useRouter();
  const toast = useToast();
  const t = useTranslations('leadDetail.complete');
  const tl = useTranslations('leads');
  const missingWords = useMissingWords();
  const [values, setValues] = useState<Record<Key, string>>({
    locationId: current.locationId ?? '',
    offerCategoryId: current.offerCategoryId ?? '',
    offerId: current.offerId ?? '',
    consultantId: current.consultantId ?? '',
  });
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const set = (key: Key) => (value: string) => {
    setValues((v) => ({ ...v, [key]: value, ...(key === 'offerCategoryId' ? { offerId: '' } : {}) }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (pending) return;
    setMessage(null);
    setPending(true);
    const r = await completeLeadAction({ leadId, ...values });
    setPending(false);
    if (!r.ok) {
      setErrors(Object.fromEntries(Object.entries(r.error.fieldErrors ?? {}).map(([k, v]) => [k, v[0]])));
      return setMessage(r.error.message);
    }
    toast('success', t('done'));
    router.refresh();
  }

  return (
    <div className="rounded-xl border border-amber-300 bg-amber-50 p-3" data-testid="complete-lead">
      <p className="font-semibold text-amber-900">{tl('incomplete', { parts: missingWords(missing) })}</p>
      <p className="mt-1 text-sm text-amber-900">{t('lead')}</p>
      {optionsError ? (
        <p role="alert" className="mt-2 rounded-lg bg-red-50 p-3 text-red-800">
          {optionsError}
        </p>
      ) : null}
      {options ? (
        <form onSubmit={submit} noValidate aria-label={t('form')} className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Choice id="complete-location" label={t('store')} value={values.locationId} onChange={set('locationId')} items={options.locations} error={errors.locationId} />
          <Choice id="complete-consultant" label={t('consultant')} value={values.consultantId} onChange={set('consultantId')} items={options.consultants} error={errors.consultantId} />
          <Choice id="complete-category" label={t('category')} value={values.offerCategoryId} onChange={set('offerCategoryId')} items={options.categories} error={errors.offerCategoryId} />
          <Choice
            id="complete-offer"
            label={t('offer')}
            value={values.offerId}
            onChange={set('offerId')}
            items={options.offers.filter((o) => !values.offerCategoryId || o.categoryId === values.offerCategoryId)}
            error={errors.offerId}
          />
          {message ? (
            <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800 sm:col-span-2">
              {message}
            </p>
          ) : null}
          <div className="sm:col-span-2">
            <Button type="submit" pending={pending} pendingLabel={tl('saving')}>
              {t('submit')}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
