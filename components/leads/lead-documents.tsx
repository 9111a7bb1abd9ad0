'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { useToast } from '@/components/ui/toast';
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, MAX_FILES_PER_UPLOAD, type DocumentKind } from '@/lib/leads/pdf';
import { quickPdfCheck, uploadLeadFiles } from './client-helpers';

const DOCUMENT_OPTIONS = DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }));

/** Upload up to five PDFs at a time (contracts, offers, consents). */
export function DocumentUpload({ leadId }: { leadId: string }) {
  const router = useRouter();
  const toast = useToast();
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
    toast('success', `Uploaded ${r.data.uploaded.join(', ')}.`);
    setFiles([]);
    setInputKey((k) => k + 1);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label="Upload documents">
      <Select id="doc-type" label="Document type" value={type} onChange={(e) => setType(e.target.value as DocumentKind)} options={DOCUMENT_OPTIONS} />
      <Field
        key={inputKey}
        id="doc-files"
        name="files"
        type="file"
        label={`PDF files (up to ${MAX_FILES_PER_UPLOAD}, 10 MB each)`}
        accept="application/pdf,.pdf"
        multiple
        onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
      />
      <Button type="submit" pending={pending} disabled={files.length === 0} pendingLabel="Uploading…">
        Upload
      </Button>
      {error ? (
        <p role="alert" data-testid="upload-error" className="w-full rounded-lg bg-red-50 p-3 text-red-800">
          {error}
        </p>
      ) : null}
    </form>
  );
}
