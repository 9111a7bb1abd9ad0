'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, type DialogProps } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { LOST_REASONS } from '@/lib/leads/status-labels';
import type { Contract, LostDetails } from '@/lib/leads/status-rules';
import { quickPdfCheck } from './client-helpers';

export interface SubmitProblem {
  message: string;
  fieldErrors?: Record<string, string[]>;
}

/** The contract schema (the action's own) and zod arrive with the first Save, not with the page (issue 10, point 6). */
async function loadContractSchema() {
  const [, { ContractSchema }] = await Promise.all([import('@/components/forms/zod-setup'), import('@/lib/leads/status-rules')]);
  return ContractSchema;
}

const first = (errors: Record<string, string[]> | undefined, key: string) => errors?.[key]?.[0];

/** What a lead needs to become a customer: the contract and at least one signed contract PDF. */
export function ContractDialog({
  leadName,
  onCancel,
  submit,
  returnFocus,
}: {
  leadName: string;
  onCancel: () => void;
  /** Where focus goes when the dialog closes (default: the control that opened it). */
  returnFocus?: DialogProps['returnFocus'];
  /** Uploads the files (when any) and moves the lead; a problem keeps the dialog open. */
  submit: (contract: Contract, files: File[]) => Promise<SubmitProblem | null>;
}) {
  const t = useTranslations('leads');
  const [values, setValues] = useState({ contractNumber: '', contractValue: '', contractDate: '', contractDescription: '' });
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const checking = useRef(false);
  useEffect(() => {
    void loadContractSchema().catch(() => undefined);
  }, []);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (pending) return;
    if (checking.current) return;
    setMessage(null);
    // Loaded when the dialog opened (the effect above): by the time she saves, the check is instant.
    checking.current = true;
    let ContractSchema: Awaited<ReturnType<typeof loadContractSchema>>;
    try {
      ContractSchema = await loadContractSchema();
    } catch {
      setMessage(t('contract.checkFailed'));
      return;
    } finally {
      checking.current = false;
    }
    const parsed = ContractSchema.safeParse(values);
    const fieldErrors: Record<string, string[]> = {};
    if (!parsed.success) for (const i of parsed.error.issues) (fieldErrors[`contract.${String(i.path[0])}`] ??= []).push(i.message);
    if (files.length) {
      const problems = await quickPdfCheck(files);
      if (problems.length) fieldErrors.files = problems;
    }
    setErrors(fieldErrors);
    if (!parsed.success || fieldErrors.files) {
      setMessage(fieldErrors.files ? fieldErrors.files.join(' ') : t('fieldsNeedAttention'));
      return;
    }
    setPending(true);
    const problem = await submit(parsed.data, files);
    setPending(false);
    if (problem) {
      setErrors(problem.fieldErrors ?? {});
      setMessage(problem.message);
    }
  }

  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));
  return (
    <Dialog
      open
      onClose={onCancel}
      dismissible={!pending}
      returnFocus={returnFocus}
      testId="contract-dialog"
      title={t('contract.title', { name: leadName })}
      description={t('contract.description')}
    >
      <form className="mt-4 flex flex-col gap-3" onSubmit={onSubmit} noValidate>
        <Field label={t('contract.number')} name="contractNumber" value={values.contractNumber} onChange={set('contractNumber')} error={first(errors, 'contract.contractNumber')} />
        <Field label={t('contract.value')} name="contractValue" inputMode="decimal" value={values.contractValue} onChange={set('contractValue')} error={first(errors, 'contract.contractValue')} />
        <Field label={t('contract.date')} name="contractDate" type="date" value={values.contractDate} onChange={set('contractDate')} error={first(errors, 'contract.contractDate')} />
        <Textarea id="contract-description" label={t('contract.descriptionLabel')} value={values.contractDescription} onChange={set('contractDescription')} error={first(errors, 'contract.contractDescription')} />
        <Field
          id="contract-files"
          label={t('contract.files')}
          type="file"
          accept="application/pdf,.pdf"
          multiple
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
          error={(errors.files ?? errors.contractPdf ?? []).join(' ') || undefined}
        />
        {message ? (
          <p role="alert" data-testid="dialog-error" className="rounded-lg bg-red-50 p-3 text-red-800">
            {message}
          </p>
        ) : null}
        <div className="mt-2 flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('cancel')}
          </Button>
          <Button type="submit" pending={pending} pendingLabel={t('saving')}>
            {t('contract.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** What a lead needs to be lost: one of the nine reasons, and a comment if there is one. */
export function LostDialog({
  leadName,
  onCancel,
  submit,
  returnFocus,
}: {
  leadName: string;
  onCancel: () => void;
  returnFocus?: DialogProps['returnFocus'];
  submit: (lost: LostDetails) => Promise<SubmitProblem | null>;
}) {
  const t = useTranslations('leads');
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (pending) return;
    if (!(LOST_REASONS as readonly string[]).includes(reason)) {
      setReasonError(t('lost.reasonRequired'));
      setMessage(t('lost.reasonRequired'));
      return;
    }
    setReasonError(undefined);
    setPending(true);
    const problem = await submit({ reasonLost: reason as LostDetails['reasonLost'], comment: comment.trim() || undefined });
    setPending(false);
    if (problem) setMessage(problem.message);
  }

  return (
    <Dialog open onClose={onCancel} dismissible={!pending} returnFocus={returnFocus} testId="lost-dialog" title={t('lost.title', { name: leadName })}>
      <form className="mt-4 flex flex-col gap-3" onSubmit={onSubmit} noValidate>
        <Select
          id="lost-reason"
          label={t('lost.reason')}
          required
          placeholder={t('lost.chooseReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          options={LOST_REASONS.map((r) => ({ value: r, label: t(`lostReasons.${r}`) }))}
          error={reasonError}
        />
        <Textarea id="lost-comment" label={t('comment')} value={comment} onChange={(e) => setComment(e.target.value)} />
        {message ? (
          <p role="alert" data-testid="dialog-error" className="rounded-lg bg-red-50 p-3 text-red-800">
            {message}
          </p>
        ) : null}
        <div className="mt-2 flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('cancel')}
          </Button>
          <Button type="submit" variant="danger" pending={pending} pendingLabel={t('saving')}>
            {t('lost.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
