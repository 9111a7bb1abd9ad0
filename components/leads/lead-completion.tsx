'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { completeLeadAction } from '@/app/(console)/leads/actions';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import type { CompletionOptions } from '@/lib/leads/complete-lead';
import type { MissingPart } from '@/lib/leads/read-model';
import { missingWords } from './incomplete-note';

type Key = 'locationId' | 'offerCategoryId' | 'offerId' | 'consultantId';

function Choice({ id, label, value, onChange, options, error }: { id: string; label: string; value: string; onChange: (v: string) => void; options: { id: string; name: string }[]; error?: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="min-h-11 rounded-lg border border-slate-300 px-2"
      >
        <option value="">Choose…</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
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
    toast('success', 'Completed in Footprints: it now lists this lead.');
    router.refresh();
  }

  return (
    <div className="rounded-xl border border-amber-300 bg-amber-50 p-3" data-testid="complete-lead">
      <p className="font-semibold text-amber-900">Incomplete in Footprints — add {missingWords(missing)}</p>
      <p className="mt-1 text-sm text-amber-900">Footprints lists a lead only with its store, offer category, offer and consultant. Until then it is only here.</p>
      {optionsError ? (
        <p role="alert" className="mt-2 rounded-lg bg-red-50 p-3 text-red-800">
          {optionsError}
        </p>
      ) : null}
      {options ? (
        <form onSubmit={submit} noValidate aria-label="Complete in Footprints" className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Choice id="complete-location" label="Store" value={values.locationId} onChange={set('locationId')} options={options.locations} error={errors.locationId} />
          <Choice id="complete-consultant" label="Consultant" value={values.consultantId} onChange={set('consultantId')} options={options.consultants} error={errors.consultantId} />
          <Choice id="complete-category" label="Offer category" value={values.offerCategoryId} onChange={set('offerCategoryId')} options={options.categories} error={errors.offerCategoryId} />
          <Choice
            id="complete-offer"
            label="Offer"
            value={values.offerId}
            onChange={set('offerId')}
            options={options.offers.filter((o) => !values.offerCategoryId || o.categoryId === values.offerCategoryId)}
            error={errors.offerId}
          />
          {message ? (
            <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800 sm:col-span-2">
              {message}
            </p>
          ) : null}
          <div className="sm:col-span-2">
            <Button type="submit" pending={pending} pendingLabel="Saving…">
              Complete in Footprints
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
