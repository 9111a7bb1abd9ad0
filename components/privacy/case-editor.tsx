'use client';

import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { updateCaseAction } from '@/app/(console)/privacy/actions';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { CASE_STATUS_LABELS } from '@/lib/privacy/case-rules';
import { lazyResolver, loadZodResolver } from '@/components/forms/lazy-resolver';
import type { UpdateCaseInput } from '@/lib/privacy/inputs';

const updateCaseResolver = lazyResolver<UpdateCaseInput>(async () => {
  const [zodResolver, { updateCaseSchema }] = await Promise.all([loadZodResolver(), import('@/lib/privacy/inputs')]);
  return zodResolver(updateCaseSchema);
});
import { PRIVACY_CASE_STATUSES, type PrivacyCaseStatus } from '@/lib/privacy/constants';

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
      <div className="flex flex-col gap-1">
        <label htmlFor="case-status" className="text-sm font-medium text-slate-800">
          Status
        </label>
        <select id="case-status" className="min-h-11 rounded-lg border border-slate-300 px-3" {...form.register('status')}>
          {PRIVACY_CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {CASE_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="case-notes" className="text-sm font-medium text-slate-800">
          Internal notes
        </label>
        <textarea id="case-notes" rows={3} className="rounded-lg border border-slate-300 px-3 py-2" {...form.register('notes')} />
        {form.formState.errors.notes ? <p className="text-sm text-red-700">{form.formState.errors.notes.message}</p> : null}
      </div>
      <div>
        <Button type="submit" variant="secondary" pending={form.formState.isSubmitting} disabled={!form.formState.isDirty}>
          Save case
        </Button>
      </div>
    </form>
  );
}
