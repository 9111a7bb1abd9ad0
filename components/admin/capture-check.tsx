'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { formatInstant } from '@/lib/dates';
import type { CaptureCheckView } from '@/lib/admin/queries';

const MATCH_WORDS: Record<string, string> = { key: 'its key', email: 'e-mail', phone: 'phone', time: 'same second' };

export interface CaptureCheckPanelProps {
  jobId: string;
  check: CaptureCheckView;
  timeZone: string;
  pending: boolean;
  onResolve: (decision: { choice: 'adopt'; leadId: string } | { choice: 'resend' }) => void;
}

/**
 * A capture waiting for a person (issue 13): the capture, the leads at Footprints that could be it, and the two
 * ways out — "It's this one" (the capture becomes that lead; nothing is sent again) or "Send it again".
 */
export function CaptureCheckPanel({ jobId, check, timeZone, pending, onResolve }: CaptureCheckPanelProps) {
  const [leadId, setLeadId] = useState('');
  const { capture } = check;
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 p-3" data-testid="capture-check" data-job-id={jobId}>
      <p className="font-semibold">Needs a person: is this lead already in Footprints?</p>
      <p className="mt-1 text-sm text-slate-800">{check.why}</p>
      <p className="mt-2 text-sm" data-testid="capture-check-capture">
        Capture of <strong>{capture.name}</strong> by {capture.capturedBy}, {formatInstant(capture.capturedAt, timeZone, 'dayTimeSeconds')}
        {capture.maskedEmail ? ` · ${capture.maskedEmail}` : ''}
        {capture.maskedPhone ? ` · ${capture.maskedPhone}` : ''}
      </p>
      {check.candidates.length > 0 ? (
        <ul className="mt-2 divide-y divide-amber-200" aria-label="Leads at Footprints that could be this capture">
          {check.candidates.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="capture-check-candidate">
              <span className="text-sm">
                <strong>{c.name}</strong> · lead {c.id}
                {c.createdAt ? ` · ${formatInstant(c.createdAt, timeZone, 'dayTimeSeconds')}` : ''}
                {c.maskedEmail ? ` · ${c.maskedEmail}` : ''}
                {c.maskedPhone ? ` · ${c.maskedPhone}` : ''} · same {c.matchedOn.map((m) => MATCH_WORDS[m] ?? m).join(', ')}
              </span>
              <Button variant="secondary" disabled={pending} onClick={() => onResolve({ choice: 'adopt', leadId: c.id })}>
                It&apos;s this one
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-slate-700">Footprints&apos; list shows no lead that could be it.</p>
      )}
      <form
        className="mt-2 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (leadId.trim()) onResolve({ choice: 'adopt', leadId: leadId.trim() });
        }}
      >
        <Field label="Lead id found in Footprints" name={`lead-id-${jobId}`} value={leadId} onChange={(e) => setLeadId(e.target.value)} maxLength={100} />
        <Button type="submit" variant="secondary" disabled={pending || !leadId.trim()}>
          It&apos;s this one
        </Button>
        <Button type="button" disabled={pending} onClick={() => onResolve({ choice: 'resend' })}>
          Send it again
        </Button>
      </form>
    </div>
  );
}
