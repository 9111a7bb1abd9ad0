'use client';

import { useTranslations } from 'next-intl';
import type { UseFormReturn } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { RadioGroup } from '@/components/ui/radio-group';
import type { LookupFormValues } from '@/lib/privacy/inputs';
import { MAX_PERIOD_DAYS } from '@/lib/privacy/windows';
import { useErrorWords } from './use-error-words';
import { MAX_WINDOW_DAYS, type WindowCheck } from '@/lib/privacy/lookup-rules';


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
  check,
  days,
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
  /** The seven-day rule's verdict on the dates typed (its problem is put into the staff's words). */
  check: WindowCheck | null;
  /** Calendar days of the period typed. */
  days: number | null;
}) {
  const t = useTranslations('privacyCase.lookup');
  const tr = useTranslations('report.channels');
  const tRule = useTranslations('privacyCase.rules');
  const words = useErrorWords();
  // The rule's sentence (from the browser's check or the action's) in the staff's language; any other as it is.
  const fieldError = (name: 'from' | 'to') => {
    const message = form.formState.errors[name]?.message;
    if (message && check && !check.ok && message === check.message) return tRule(check.problem, { days: days ?? 0, max: MAX_WINDOW_DAYS });
    return words(message);
  };
  const channels = [
    { value: 'email', label: tr('email') },
    { value: 'sms', label: tr('sms') },
    { value: 'both', label: t('both') },
  ];
  return (
      <section aria-labelledby="lookup-title" className="rounded-2xl bg-white p-6 shadow-sm">
        <h2 id="lookup-title" className="text-xl font-bold">
          {t('title')}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t('intro', { max: MAX_PERIOD_DAYS })}</p>
        <form
          noValidate
          className="mt-4 flex flex-col gap-4"
          aria-label={t('title')}
          onSubmit={form.handleSubmit(() => onStart('single'))}
        >
          <RadioGroup label={t('channel')} layout="inline" legendClassName="mb-1 text-sm font-medium text-slate-800" options={channels} registration={form.register('channel')} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t('from')} type="date" max={today} error={fieldError('from')} {...form.register('from')} />
            <Field label={t('to')} type="date" max={today} error={fieldError('to')} {...form.register('to')} />
          </div>
          {formError ? (
            <p role="alert" data-testid="lookup-error" className="rounded-lg bg-red-50 p-3 text-red-800">
              {formError}
            </p>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" pending={starting} disabled={running}>
              {t('submit')}
            </Button>
            {splitCount !== null && form.formState.errors.to ? (
              <Button type="button" variant="secondary" disabled={running || starting || splitTooLong} onClick={() => onStart('split')}>
                {t('split', { count: splitCount })}
              </Button>
            ) : null}
          </div>
        </form>
      </section>
  );
}
