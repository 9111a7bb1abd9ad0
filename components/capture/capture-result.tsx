'use client';

import type { Ref } from 'react';

/** What the last save (or the idle clear) came to, shown above the form and focused when it changes. */
export type CaptureResult =
  | { kind: 'sent'; leadId: string }
  | { kind: 'waiting' }
  | { kind: 'on-device' }
  | { kind: 'rejected'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'cleared' };

const STYLES = {
  sent: 'bg-green-100 font-semibold text-green-900',
  waiting: 'bg-amber-100 font-semibold text-amber-900',
  'on-device': 'bg-amber-100 font-semibold text-amber-900',
  rejected: 'bg-red-100 font-semibold text-red-900',
  error: 'bg-red-100 font-semibold text-red-900',
  cleared: 'bg-slate-100 text-slate-900',
} as const;

function words(result: CaptureResult): string {
  switch (result.kind) {
    case 'sent':
      return `Sent — Footprints lead ${result.leadId}`;
    case 'waiting':
      return 'Saved — will sync. Footprints is not answering right now; the lead is safe and will be sent automatically.';
    case 'on-device':
      return 'Saved on this tablet — will send when the network is back.';
    case 'rejected':
    case 'error':
      return result.message;
    case 'cleared':
      return 'The form was cleared after two minutes without activity, for the next customer.';
  }
}

export function CaptureResultRegion({ result, ref }: { result: CaptureResult | null; ref: Ref<HTMLDivElement> }) {
  return (
    <div ref={ref} tabIndex={-1} className="mt-3 outline-none" data-testid="capture-result-region">
      {result ? (
        <p
          role={result.kind === 'rejected' || result.kind === 'error' ? 'alert' : 'status'}
          data-testid="capture-result"
          className={`rounded-lg p-3 ${STYLES[result.kind]}`}
        >
          {words(result)}
        </p>
      ) : null}
    </div>
  );
}
