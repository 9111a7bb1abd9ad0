'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { updateCaseAction } from '@/app/(console)/privacy/actions';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { useToast } from '@/components/ui/toast';
import { lazyResolver, loadZodResolver } from '@/components/forms/lazy-resolver';
import type { UpdateCaseInput } from '@/lib/privacy/inputs';
import { useErrorWords } from './use-error-words';

const updateCaseResolver = lazyResolver<UpdateCaseInput>(async () => {
  const [zodResolver, { updateCaseSchema }] = await Promise.all([loadZodResolver(), import('@/lib/privacy/inputs')]);
  return zodResolver(updateCaseSchema);
});
import { PRIVACY_CASE_STATUSES, type PrivacyCaseStatus } from '@/lib/privacy/constants';


export function CaseEditor({ caseId, status, notes }: { caseId: string; status: PrivacyCaseStatus; notes: string }) {
  const toast = useToast();
  const router = useRouter();
  const t = useTranslations('privacyCase.editor');
  const words = useErrorWords();
  const tp = useTranslations('privacy.statuses');
  const statusOptions = PRIVACY_CASE_STATUSES.map((s) => ({ value: s, label: tp(s) }));
  const form = useForm<UpdateCaseInput>({ resolver: updateCaseResolver, defaultValues: { caseId, status, notes } });
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await updateCaseAction(values);
    if (!result.ok) {
      toast('error', words(result.error.message));
      return;
    }
    toast('success', t('saved'));
    form.reset(values);
    router.refresh();
  });
  return (
    <form noValidate onSubmit={onSubmit} aria-label={t('label')} className="flex flex-col gap-3">
      <input type="hidden" {...form.register('caseId')} />
      <Select id="case-status" label={t('status')} options={statusOptions} registration={form.register('status')} />
      <Textarea id="case-notes" label={t('notes')} error={words(form.formState.errors.notes?.message)} registration={form.register('notes')} />
      <div>
        <Button type="submit" variant="secondary" pending={form.formState.isSubmitting} disabled={!form.formState.isDirty}>
          {t('save')}
        </Button>
      </div>
    </form>
  );
}
