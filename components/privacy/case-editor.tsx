'use client';

import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { updateCaseAction } from '@/app/(console)/privacy/actions';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { useToast } from '@/components/ui/toast';
import { CASE_STATUS_LABELS } from '@/lib/privacy/case-rules';
import { lazyResolver, loadZodResolver } from '@/components/forms/lazy-resolver';
import type { UpdateCaseInput } from '@/lib/privacy/inputs';

const updateCaseResolver = lazyResolver<UpdateCaseInput>(async () => {
  const [zodResolver, { updateCaseSchema }] = await Promise.all([loadZodResolver(), import('@/lib/privacy/inputs')]);
  return zodResolver(updateCaseSchema);
});
import { PRIVACY_CASE_STATUSES, type PrivacyCaseStatus } from '@/lib/privacy/constants';

const STATUS_OPTIONS = PRIVACY_CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }));

export function CaseEditor({ caseId, status, notes }: { caseId: string; status: PrivacyCaseStatus; notes: string }) {
  const toast = useToast();
  const router = useRouter();
  const form = useForm<UpdateCaseInput>({ resolver: updateCaseResolver, defaultValues: { caseId, status, notes } });
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await updateCaseAction(values);
    if (!result.ok) {
      toast('error', result.error.message);
      return;
    }
    toast('success', 'The case is saved.');
    form.reset(values);
    router.refresh();
  });
  return (
    <form noValidate onSubmit={onSubmit} aria-label="Case status and notes" className="flex flex-col gap-3">
      <input type="hidden" {...form.register('caseId')} />
      <Select id="case-status" label="Status" options={STATUS_OPTIONS} registration={form.register('status')} />
      <Textarea id="case-notes" label="Internal notes" error={form.formState.errors.notes?.message} registration={form.register('notes')} />
      <div>
        <Button type="submit" variant="secondary" pending={form.formState.isSubmitting} disabled={!form.formState.isDirty}>
          Save case
        </Button>
      </div>
    </form>
  );
}
