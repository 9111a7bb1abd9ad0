'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { createCaseAction } from '@/app/(console)/privacy/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { lazyResolver, loadZodResolver } from '@/components/forms/lazy-resolver';
import type { CreateCaseData, CreateCaseInput } from '@/lib/privacy/inputs';
import { useErrorWords } from './use-error-words';

export function NewCaseForm({ today }: { today: string }) {
  const router = useRouter();
  const t = useTranslations('privacy');
  const words = useErrorWords();
  const resolver = useMemo(
    () =>
      lazyResolver<CreateCaseInput, unknown, CreateCaseData>(async () => {
        const [zodResolver, { createCaseSchema }] = await Promise.all([loadZodResolver(), import('@/lib/privacy/inputs')]);
        return zodResolver(createCaseSchema(() => today));
      }),
    [today],
  );
  const [error, setError] = useState<string | null>(null);
  const form = useForm<CreateCaseInput, unknown, CreateCaseData>({
    resolver,
    defaultValues: { subjectEmail: '', subjectPhone: '', receivedOn: today, notes: '' },
  });
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit(async () => {
    setError(null);
    // The action parses the raw input with the same schema.
    const result = await createCaseAction(form.getValues());
    if (!result.ok) {
      setError(result.error.message);
      for (const [field, messages] of Object.entries(result.error.fieldErrors ?? {})) {
        if (['subjectEmail', 'subjectPhone', 'receivedOn', 'notes'].includes(field)) {
          form.setError(field as keyof CreateCaseInput, { type: 'server', message: messages[0] });
        }
      }
      return;
    }
    router.push(`/privacy/${result.data.id}`);
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-label={t('newTitle')} className="grid gap-4 md:grid-cols-2">
      <Field label={t('form.email')} type="email" autoComplete="off" error={words(errors.subjectEmail?.message)} {...form.register('subjectEmail')} />
      <Field label={t('form.phone')} type="tel" inputMode="tel" autoComplete="off" error={words(errors.subjectPhone?.message)} {...form.register('subjectPhone')} />
      <Field label={t('form.received')} type="date" max={today} error={words(errors.receivedOn?.message)} {...form.register('receivedOn')} />
      <Textarea id="new-case-notes" label={t('form.notes')} rows={2} error={words(errors.notes?.message)} registration={form.register('notes')} />
      {error ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800 md:col-span-2">
          {words(error)}
        </p>
      ) : null}
      <div className="md:col-span-2">
        <Button type="submit" pending={form.formState.isSubmitting} pendingLabel={t('form.opening')}>
          {t('form.open')}
        </Button>
      </div>
    </form>
  );
}
