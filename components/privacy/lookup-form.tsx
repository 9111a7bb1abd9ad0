'use client';

import type { UseFormReturn } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { RadioGroup } from '@/components/ui/radio-group';
import type { LookupFormValues } from '@/lib/privacy/inputs';
import { MAX_PERIOD_DAYS } from '@/lib/privacy/windows';

const CHANNELS = [
  { value: 'email', label: 'E-mail' },
  { value: 'sms', label: 'SMS' },
  { value: 'both', label: 'Both' },
] as const;

/** What to look up: the channel and the period, with the split offered when the period is longer than Netcore serves. */
export function LookupForm({
  form,
  today,
  formError,
  starting,
  running,
  splitCount,
  splitTooLong,
  onStart,
}: {
  form: UseFormReturn<LookupFormValues>;
  today: string;
  formError: string | null;
  starting: boolean;
  running: boolean;
  /** The number of 7-day windows the period needs, when it is too long for one request. */
  splitCount: number | null;
  splitTooLong: boolean;
  onStart: (mode: 'single' | 'split') => void;
}) {
  return (
      <section aria-labelledby="lookup-title" className="rounded-2xl bg-white p-6 shadow-sm">
        <h2 id="lookup-title" className="text-xl font-bold">
          Channel activity lookup
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          Netcore serves at most 7 days per request (both dates included), never the future. A longer period is split into 7-day windows, up to{' '}
          {MAX_PERIOD_DAYS} days.
        </p>
        <form
          noValidate
          className="mt-4 flex flex-col gap-4"
          aria-label="Channel activity lookup"
          onSubmit={form.handleSubmit(() => onStart('single'))}
        >
          <RadioGroup label="Channel" layout="inline" legendClassName="mb-1 text-sm font-medium text-slate-800" options={CHANNELS} registration={form.register('channel')} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="From" type="date" max={today} error={form.formState.errors.from?.message} {...form.register('from')} />
            <Field label="To" type="date" max={today} error={form.formState.errors.to?.message} {...form.register('to')} />
          </div>
          {formError ? (
            <p role="alert" data-testid="lookup-error" className="rounded-lg bg-red-50 p-3 text-red-800">
              {formError}
            </p>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" pending={starting} disabled={running}>
              Look up
            </Button>
            {splitCount !== null && form.formState.errors.to ? (
              <Button type="button" variant="secondary" disabled={running || starting || splitTooLong} onClick={() => onStart('split')}>
                Split into {splitCount} windows
              </Button>
            ) : null}
          </div>
        </form>
      </section>
  );
}
