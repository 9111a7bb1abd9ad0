'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { useToast } from '@/components/ui/toast';
import { DOCUMENT_KINDS, MAX_FILES_PER_UPLOAD, type DocumentKind } from '@/lib/leads/pdf';
import { quickPdfCheck, useUploadLeadFiles } from './client-helpers';

/** Upload up to five PDFs at a time (contracts, offers, consents). */
export function DocumentUpload({ leadId }: { leadId: string }) {
  const router = useRouter();
  const toast = useToast();
  const t = useTranslations('leadDetail.documents');
  const uploadLeadFiles = useUploadLeadFiles();
  const [type, setType] = useState<DocumentKind>('contracts');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [inputKey, setInputKey] = useState(0);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const problems = await quickPdfCheck(files);
    if (problems.length) return setError(problems.join(' '));
    setPending(true);
    const r = await uploadLeadFiles(leadId, type, files);
    setPending(false);
    if (!r.ok) return setError(r.error.message);
    toast('success', t('uploaded', { files: r.data.uploaded.join(', ') }));
    setFiles([]);
    setInputKey((k) => k + 1);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label={t('form')}>
      <Select
        id="doc-type"
        label={t('type')}
        value={type}
        onChange={(e) => setType(e.target.value as DocumentKind)}
        options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
      />
      <Field
        key={inputKey}
        id="doc-files"
        name="files"
        type="file"
        label={t('files', { max: MAX_FILES_PER_UPLOAD })}
        accept="application/pdf,.pdf"
        multiple
        onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
      />
      <Button type="submit" pending={pending} disabled={files.length === 0} pendingLabel={t('uploading')}>
        {t('upload')}
      </Button>
      {error ? (
        <p role="alert" data-testid="upload-error" className="w-full rounded-lg bg-red-50 p-3 text-red-800">
          {error}
        </p>
      ) : null}
    </form>
  );
}
