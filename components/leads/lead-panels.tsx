'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { addLeadActionAction, editLeadActionAction, moveLeadAction, recordNpsAction } from '@/app/(console)/leads/actions';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { useToast } from '@/components/ui/toast';
import { formatInstant } from '@/lib/dates';
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, MAX_FILES_PER_UPLOAD, type DocumentKind } from '@/lib/leads/pdf';
import { LEAD_STATUSES, requirementFor, STATUS_LABELS, type LeadStatus } from '@/lib/leads/status-rules';
import { quickPdfCheck, uploadLeadFiles } from './client-helpers';
import { ContractDialog, LostDialog } from './move-dialogs';

/** The detail page's status control: the same rule and dialogs as the board. */
export function StatusPanel({ leadId, leadName, status }: { leadId: string; leadName: string; status: LeadStatus }) {
  const router = useRouter();
  const toast = useToast();
  const [to, setTo] = useState<LeadStatus | ''>('');
  const [dialog, setDialog] = useState<'contract' | 'lost' | null>(null);
  const [pending, setPending] = useState(false);

  async function move(e: FormEvent) {
    e.preventDefault();
    if (!to) return;
    const need = requirementFor(to);
    if (need === 'contract') return openDialog('contract');
    if (need === 'lostReason') return openDialog('lost');
    setPending(true);
    const result = await moveLeadAction({ leadId, to });
    setPending(false);
    if (!result.ok) toast('error', result.error.message);
    else {
      toast('success', `Moved to ${STATUS_LABELS[to]}.`);
      router.refresh();
    }
  }
  // After a move the Move button is disabled (nothing chosen): focus goes back to the status choice.
  const statusRef = useRef<HTMLSelectElement>(null);
  const moved = useRef(false);
  const done = () => {
    moved.current = true;
    setDialog(null);
    setTo('');
    toast('success', `Moved to ${to ? STATUS_LABELS[to] : ''}.`);
    router.refresh();
  };
  const focusAfterDialog = () => (moved.current ? statusRef.current : null);
  const openDialog = (kind: 'contract' | 'lost') => {
    moved.current = false;
    setDialog(kind);
  };

  return (
    <form onSubmit={move} className="flex flex-wrap items-end gap-2">
      <Select
        ref={statusRef}
        id="detail-status"
        label="Move to"
        placeholder="Choose a status…"
        value={to}
        onChange={(e) => setTo(e.target.value as LeadStatus | '')}
        options={LEAD_STATUSES.filter((s) => s !== status).map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
      />
      <Button type="submit" pending={pending} disabled={!to}>
        Move
      </Button>
      {dialog === 'contract' ? (
        <ContractDialog
          leadName={leadName}
          onCancel={() => setDialog(null)}
          returnFocus={focusAfterDialog}
          submit={async (contract, files) => {
            if (files.length) {
              const up = await uploadLeadFiles(leadId, 'contracts', files);
              if (!up.ok) return { message: up.error.message, fieldErrors: up.error.fieldErrors };
            }
            const r = await moveLeadAction({ leadId, to: 'customer', contract });
            if (!r.ok) return { message: r.error.message, fieldErrors: r.error.fieldErrors };
            done();
            return null;
          }}
        />
      ) : null}
      {dialog === 'lost' ? (
        <LostDialog
          leadName={leadName}
          onCancel={() => setDialog(null)}
          returnFocus={focusAfterDialog}
          submit={async (lost) => {
            const r = await moveLeadAction({ leadId, to: 'lost', lost });
            if (!r.ok) return { message: r.error.message };
            done();
            return null;
          }}
        />
      ) : null}
    </form>
  );
}

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
      <div className="flex flex-col gap-1">
        <label htmlFor="doc-type" className="text-sm font-medium">
          Document type
        </label>
        <select id="doc-type" value={type} onChange={(e) => setType(e.target.value as DocumentKind)} className="min-h-11 rounded-lg border border-slate-300 px-2">
          {DOCUMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {DOCUMENT_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="doc-files" className="text-sm font-medium">
          PDF files (up to {MAX_FILES_PER_UPLOAD}, 10 MB each)
        </label>
        <input key={inputKey} id="doc-files" type="file" accept="application/pdf,.pdf" multiple onChange={(e) => setFiles(Array.from(e.target.files ?? []))} className="min-h-11" />
      </div>
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

export interface TimelineEntryView {
  id: string;
  typeId: string;
  typeName: string;
  detail: string;
  date: string | null;
  localDate: string;
  attachments: string[];
}

function ActionForm({
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
  const [typeId, setTypeId] = useState(entry?.typeId ?? '');
  const [detail, setDetail] = useState(entry?.detail ?? '');
  const [date, setDate] = useState(entry?.localDate.replace(' ', 'T') ?? '');
  const [files, setFiles] = useState<File[]>([]);
  const [docType, setDocType] = useState<DocumentKind>('offers');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const prefix = entry ? `edit-${entry.id}` : 'new-action';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    if (files.length) {
      const problems = await quickPdfCheck(files);
      if (problems.length) return setMessage(problems.join(' '));
    }
    setPending(true);
    const input = { leadId, typeId, detail, date: date || undefined };
    const r = entry ? await editLeadActionAction({ ...input, actionId: entry.id }) : await addLeadActionAction(input);
    if (!r.ok) {
      setPending(false);
      setErrors(r.error.fieldErrors ?? {});
      return setMessage(r.error.message);
    }
    if (files.length) {
      const up = await uploadLeadFiles(leadId, docType, files, r.data.id);
      if (!up.ok) {
        setPending(false);
        toast('error', `The action was saved, but the document was not: ${up.error.message}`);
        onDone();
        return;
      }
    }
    setPending(false);
    toast('success', entry ? 'Action updated.' : 'Action added to the timeline.');
    if (!entry) {
      setDetail('');
      setFiles([]);
    }
    onDone();
  }

  return (
    <form onSubmit={submit} className="grid grid-cols-1 gap-2 rounded-lg border border-slate-200 p-3 md:grid-cols-2" aria-label={entry ? 'Edit action' : 'Add an action'}>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${prefix}-type`} className="text-sm font-medium">
          Type
        </label>
        <select id={`${prefix}-type`} value={typeId} onChange={(e) => setTypeId(e.target.value)} className="min-h-11 rounded-lg border border-slate-300 px-2">
          <option value="">Choose a type…</option>
          {types.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        {errors.typeId ? <p className="text-sm text-red-700">{errors.typeId[0]}</p> : null}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${prefix}-date`} className="text-sm font-medium">
          When (empty: now)
        </label>
        <input id={`${prefix}-date`} type="datetime-local" value={date} onChange={(e) => setDate(e.target.value)} className="min-h-11 rounded-lg border border-slate-300 px-2" />
      </div>
      <div className="flex flex-col gap-1 md:col-span-2">
        <label htmlFor={`${prefix}-detail`} className="text-sm font-medium">
          What happened
        </label>
        <textarea id={`${prefix}-detail`} value={detail} onChange={(e) => setDetail(e.target.value)} className="min-h-16 rounded-lg border border-slate-300 px-3 py-2" />
        {errors.detail ? <p className="text-sm text-red-700">{errors.detail[0]}</p> : null}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${prefix}-file`} className="text-sm font-medium">
          Attach a document (optional PDF)
        </label>
        <input id={`${prefix}-file`} type="file" accept="application/pdf,.pdf" onChange={(e) => setFiles(Array.from(e.target.files ?? []).slice(0, 1))} className="min-h-11" />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${prefix}-doctype`} className="text-sm font-medium">
          Document type
        </label>
        <select id={`${prefix}-doctype`} value={docType} onChange={(e) => setDocType(e.target.value as DocumentKind)} className="min-h-11 rounded-lg border border-slate-300 px-2">
          {DOCUMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {DOCUMENT_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      {message ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800 md:col-span-2">
          {message}
        </p>
      ) : null}
      <div className="flex gap-2 md:col-span-2">
        <Button type="submit" pending={pending} pendingLabel="Saving…">
          {entry ? 'Save action' : 'Add action'}
        </Button>
        {onCancel ? (
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}

export function ActionTimeline({
  leadId,
  entries,
  types,
  timeZone,
  error,
}: {
  leadId: string;
  entries: TimelineEntryView[];
  types: { id: string; name: string }[];
  timeZone: string;
  error: string | null;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-3">
      {error ? (
        <p role="alert" className="rounded-lg bg-amber-50 p-3 text-amber-900">
          {error}
        </p>
      ) : null}
      <ol className="flex flex-col gap-2" data-testid="timeline">
        {entries.length === 0 && !error ? <li className="text-slate-600">No actions yet.</li> : null}
        {entries.map((e) => (
          <li key={e.id} className="rounded-lg border border-slate-200 p-3" data-testid="timeline-entry">
            {editing === e.id ? (
              <ActionForm
                leadId={leadId}
                types={types}
                entry={e}
                onCancel={() => setEditing(null)}
                onDone={() => {
                  setEditing(null);
                  router.refresh();
                }}
              />
            ) : (
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <p className="font-semibold">
                    {e.typeName} · <span className="font-normal text-slate-700">{formatInstant(e.date, timeZone, 'dayTimeSeconds')}</span>
                  </p>
                  <p>{e.detail}</p>
                  {e.attachments.length ? <p className="text-sm text-slate-700">Attached: {e.attachments.join(', ')}</p> : null}
                </div>
                <Button variant="secondary" onClick={() => setEditing(e.id)} aria-label={`Edit action: ${e.detail || e.typeName}`}>
                  Edit
                </Button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {types.length ? <ActionForm leadId={leadId} types={types} onDone={() => router.refresh()} /> : null}
    </div>
  );
}

export function NpsForm({ leadId }: { leadId: string }) {
  const router = useRouter();
  const toast = useToast();
  const [score, setScore] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const n = Number(score);
    if (!Number.isInteger(n) || n < 1 || n > 10) return setError('Choose a score from 1 to 10.');
    setPending(true);
    const r = await recordNpsAction({ leadId, score: n, comment: comment.trim() || undefined });
    setPending(false);
    if (!r.ok) return setError(r.error.message);
    toast('success', 'NPS recorded.');
    setScore('');
    setComment('');
    router.refresh();
  }
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label="Record an NPS score">
      <div className="flex flex-col gap-1">
        <label htmlFor="nps-score" className="text-sm font-medium">
          Score (1–10)
        </label>
        <select id="nps-score" value={score} onChange={(e) => setScore(e.target.value)} className="min-h-11 rounded-lg border border-slate-300 px-2">
          <option value="">—</option>
          {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-1 flex-col gap-1">
        <label htmlFor="nps-comment" className="text-sm font-medium">
          Comment (optional)
        </label>
        <input id="nps-comment" value={comment} onChange={(e) => setComment(e.target.value)} className="min-h-11 rounded-lg border border-slate-300 px-2" />
      </div>
      <Button type="submit" pending={pending}>
        Record NPS
      </Button>
      {error ? (
        <p role="alert" className="w-full rounded-lg bg-red-50 p-3 text-red-800">
          {error}
        </p>
      ) : null}
    </form>
  );
}
