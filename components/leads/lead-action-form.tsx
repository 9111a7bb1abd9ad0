'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState, type FormEvent } from 'react';
import { addLeadActionAction, editLeadActionAction } from '@/app/(console)/leads/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { useToast } from '@/components/ui/toast';
import type { ActionFormInput } from '@/lib/leads/inputs';

type FormErrorsOf = (input: ActionFormInput) => Record<string, string[]>;

/** The form's zod check, loaded with the first submit rather than with the page (issue 10, point 6). */
async function loadActionFormErrors(): Promise<FormErrorsOf> {
  const [, inputs] = await Promise.all([import('@/components/forms/zod-resolver'), import('@/lib/leads/inputs')]);
  return inputs.actionFormErrors;
}
import { DOCUMENT_KINDS, type DocumentKind } from '@/lib/leads/pdf';
import { quickPdfCheck, useUploadLeadFiles } from './client-helpers';

export interface TimelineEntryView {
  id: string;
  typeId: string;
  typeName: string;
  detail: string;
  date: string | null;
  localDate: string;
  attachments: string[];
}

type FieldKey = 'typeId' | 'detail' | 'date';


/**
 * Add or edit one action of the timeline (Footprints lead actions), with an optional PDF. Errors are said
 * beside their fields and go as soon as they no longer apply (the field is fixed, or the action is saved).
 */
export function ActionForm({
  leadId,
  types,
  entry,
  onDone,
  onCancel,
}: {
  leadId: string;
  types: { id: string; name: string }[];
  entry?: TimelineEntryView;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const toast = useToast();
  const t = useTranslations('leadDetail');
  const tl = useTranslations('leads');
  const uploadLeadFiles = useUploadLeadFiles();
  const [values, setValues] = useState({ typeId: entry?.typeId ?? '', detail: entry?.detail ?? '', date: entry?.localDate.replace(' ', 'T') ?? '' });
  const [files, setFiles] = useState<File[]>([]);
  const [docType, setDocType] = useState<DocumentKind>('offers');
  const [errors, setErrors] = useState<Partial<Record<FieldKey, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const check = useRef<FormErrorsOf | null>(null);
  const prefix = entry ? `edit-${entry.id}` : 'new-action';
  const input = (v = values): ActionFormInput => ({ leadId, typeId: v.typeId, detail: v.detail, date: v.date || undefined });

  const firstErrors = (all: Record<string, string[]>) =>
    Object.fromEntries((['typeId', 'detail', 'date'] as const).filter((k) => all[k]?.length).map((k) => [k, all[k][0]])) as Partial<Record<FieldKey, string>>;

  const change = (key: FieldKey) => (value: string) => {
    const next = { ...values, [key]: value };
    setValues(next);
    // Only errors already shown are re-checked: typing does not raise new ones.
    if (errors[key] && check.current) {
      const still = firstErrors(check.current(input(next)))[key];
      setErrors((e) => ({ ...e, [key]: still }));
      if (!still && Object.values({ ...errors, [key]: undefined }).every((m) => !m)) setMessage(null);
    }
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (pending) return;
    setMessage(null);
    check.current ??= await loadActionFormErrors();
    const local = firstErrors(check.current(input()));
    setErrors(local);
    if (Object.keys(local).length) return setMessage(tl('fieldsNeedAttention'));
    if (files.length) {
      const problems = await quickPdfCheck(files);
      if (problems.length) return setMessage(problems.join(' '));
    }
    setPending(true);
    const r = entry ? await editLeadActionAction({ ...input(), actionId: entry.id }) : await addLeadActionAction(input());
    if (!r.ok) {
      setPending(false);
      setErrors(firstErrors(r.error.fieldErrors ?? {}));
      return setMessage(r.error.message);
    }
    setErrors({});
    if (files.length) {
      const up = await uploadLeadFiles(leadId, docType, files, r.data.id);
      if (!up.ok) {
        setPending(false);
        toast('error', t('action.documentFailed', { message: up.error.message }));
        onDone();
        return;
      }
    }
    setPending(false);
    toast('success', entry ? t('action.updated') : t('action.added'));
    if (!entry) {
      setValues((v) => ({ ...v, detail: '', date: '' }));
      setFiles([]);
    }
    onDone();
  }

  return (
    <form onSubmit={submit} noValidate className="grid grid-cols-1 gap-2 rounded-lg border border-slate-200 p-3 md:grid-cols-2" aria-label={entry ? t('action.editForm') : t('action.addForm')}>
      <Select id={`${prefix}-type`} label={t('action.type')} placeholder={t('action.chooseType')} value={values.typeId} onChange={(e) => change('typeId')(e.target.value)} error={errors.typeId} options={types.map((type) => ({ value: type.id, label: type.name }))} />
      <Field id={`${prefix}-date`} name="date" type="datetime-local" label={t('action.date')} value={values.date} onChange={(e) => change('date')(e.target.value)} error={errors.date} />
      <Textarea id={`${prefix}-detail`} name="detail" label={t('action.detail')} frameClassName="md:col-span-2" value={values.detail} onChange={(e) => change('detail')(e.target.value)} error={errors.detail} />
      <Field
        id={`${prefix}-file`}
        name="file"
        type="file"
        label={t('action.file')}
        accept="application/pdf,.pdf"
        onChange={(e) => setFiles(Array.from(e.target.files ?? []).slice(0, 1))}
      />
      <Select id={`${prefix}-doctype`} label={t('action.docType')}
        value={docType}
        onChange={(e) => setDocType(e.target.value as DocumentKind)}
        options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
      />
      {message ? (
        <p role="alert" data-testid="action-form-error" className="rounded-lg bg-red-50 p-3 text-red-800 md:col-span-2">
          {message}
        </p>
      ) : null}
      <div className="flex gap-2 md:col-span-2">
        <Button type="submit" pending={pending} pendingLabel={tl('saving')}>
          {entry ? t('action.save') : t('action.add')}
        </Button>
        {onCancel ? (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {tl('cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
