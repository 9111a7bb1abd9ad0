'use client';

import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { ContractSchema, LOST_REASON_LABELS, LOST_REASONS, type Contract, type LostDetails } from '@/lib/leads/status-rules';
import { quickPdfCheck } from './client-helpers';

export interface SubmitProblem {
  message: string;
  fieldErrors?: Record<string, string[]>;
}

function Modal({ title, onCancel, children }: { title: string; onCancel: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onCancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);
  return (
    <div className="fixed inset-0 z-40 flex items-center justify-center bg-slate-900/50 p-4">
      <div ref={ref} role="dialog" aria-modal="true" aria-labelledby="move-dialog-title" className="max-h-[90vh] w-full max-w-lg overflow-y-auto rounded-2xl bg-white p-6 shadow-xl">
        <h2 id="move-dialog-title" className="text-xl font-bold">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}

const first = (errors: Record<string, string[]> | undefined, key: string) => errors?.[key]?.[0];

/** What a lead needs to become a customer: the contract and at least one signed contract PDF. */
export function ContractDialog({
  leadName,
  onCancel,
  submit,
}: {
  leadName: string;
  onCancel: () => void;
  /** Uploads the files (when any) and moves the lead; a problem keeps the dialog open. */
  submit: (contract: Contract, files: File[]) => Promise<SubmitProblem | null>;
}) {
  const [values, setValues] = useState({ contractNumber: '', contractValue: '', contractDate: '', contractDescription: '' });
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (pending) return;
    setMessage(null);
    const parsed = ContractSchema.safeParse(values);
    const fieldErrors: Record<string, string[]> = {};
    if (!parsed.success) for (const i of parsed.error.issues) (fieldErrors[`contract.${String(i.path[0])}`] ??= []).push(i.message);
    if (files.length) {
      const problems = await quickPdfCheck(files);
      if (problems.length) fieldErrors.files = problems;
    }
    setErrors(fieldErrors);
    if (!parsed.success || fieldErrors.files) {
      setMessage(fieldErrors.files ? fieldErrors.files.join(' ') : 'Some fields need attention.');
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
    <Modal title={`Move ${leadName} to customer`} onCancel={onCancel}>
      <p className="mt-2 text-sm text-slate-700">A customer needs the signed contract: its number, value, date and description, and at least one contract PDF (10 MB at most each).</p>
      <form className="mt-4 flex flex-col gap-3" onSubmit={onSubmit} noValidate>
        <Field label="Contract number" name="contractNumber" value={values.contractNumber} onChange={set('contractNumber')} error={first(errors, 'contract.contractNumber')} />
        <Field label="Contract value" name="contractValue" inputMode="decimal" value={values.contractValue} onChange={set('contractValue')} error={first(errors, 'contract.contractValue')} />
        <Field label="Contract date" name="contractDate" type="date" value={values.contractDate} onChange={set('contractDate')} error={first(errors, 'contract.contractDate')} />
        <div className="flex flex-col gap-1">
          <label htmlFor="contract-description" className="text-sm font-medium text-slate-800">
            Contract description
          </label>
          <textarea
            id="contract-description"
            value={values.contractDescription}
            onChange={set('contractDescription')}
            aria-invalid={first(errors, 'contract.contractDescription') ? true : undefined}
            aria-describedby={first(errors, 'contract.contractDescription') ? 'contract-description-error' : undefined}
            className="min-h-20 rounded-lg border border-slate-300 px-3 py-2"
          />
          {first(errors, 'contract.contractDescription') ? (
            <p id="contract-description-error" className="text-sm font-medium text-red-700">
              {first(errors, 'contract.contractDescription')}
            </p>
          ) : null}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="contract-files" className="text-sm font-medium text-slate-800">
            Signed contract (PDF, up to 5 files)
          </label>
          <input
            id="contract-files"
            type="file"
            accept="application/pdf,.pdf"
            multiple
            onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
            aria-invalid={errors.files || errors.contractPdf ? true : undefined}
            className="min-h-11"
          />
          {(errors.files ?? errors.contractPdf ?? []).map((m) => (
            <p key={m} className="text-sm font-medium text-red-700">
              {m}
            </p>
          ))}
        </div>
        {message ? (
          <p role="alert" data-testid="dialog-error" className="rounded-lg bg-red-50 p-3 text-red-800">
            {message}
          </p>
        ) : null}
        <div className="mt-2 flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" pending={pending} pendingLabel="Saving…">
            Move to customer
          </Button>
        </div>
      </form>
    </Modal>
  );
}

/** What a lead needs to be lost: one of the nine reasons, and a comment if there is one. */
export function LostDialog({
  leadName,
  onCancel,
  submit,
}: {
  leadName: string;
  onCancel: () => void;
  submit: (lost: LostDetails) => Promise<SubmitProblem | null>;
}) {
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (pending) return;
    if (!(LOST_REASONS as readonly string[]).includes(reason)) {
      setMessage('Choose one of the reasons.');
      return;
    }
    setPending(true);
    const problem = await submit({ reasonLost: reason as LostDetails['reasonLost'], comment: comment.trim() || undefined });
    setPending(false);
    if (problem) setMessage(problem.message);
  }

  return (
    <Modal title={`Move ${leadName} to lost`} onCancel={onCancel}>
      <form className="mt-4 flex flex-col gap-3" onSubmit={onSubmit} noValidate>
        <div className="flex flex-col gap-1">
          <label htmlFor="lost-reason" className="text-sm font-medium text-slate-800">
            Why was it lost?
          </label>
          <select id="lost-reason" value={reason} onChange={(e) => setReason(e.target.value)} className="min-h-11 rounded-lg border border-slate-300 px-3">
            <option value="">Choose a reason…</option>
            {LOST_REASONS.map((r) => (
              <option key={r} value={r}>
                {LOST_REASON_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="lost-comment" className="text-sm font-medium text-slate-800">
            Comment (optional)
          </label>
          <textarea id="lost-comment" value={comment} onChange={(e) => setComment(e.target.value)} className="min-h-20 rounded-lg border border-slate-300 px-3 py-2" />
        </div>
        {message ? (
          <p role="alert" data-testid="dialog-error" className="rounded-lg bg-red-50 p-3 text-red-800">
            {message}
          </p>
        ) : null}
        <div className="mt-2 flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" pending={pending} pendingLabel="Saving…">
            Move to lost
          </Button>
        </div>
      </form>
    </Modal>
  );
}
