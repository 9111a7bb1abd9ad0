'use client';

import { useTranslations } from 'next-intl';
import type { Ref } from 'react';

/** What the last save (or the idle clear) came to, shown above the form and focused when it changes. */
export type CaptureResult =
  | { kind: 'sent'; leadId: string }
  | { kind: 'waiting' }
  | { kind: 'on-device' }
  | { kind: 'rejected'; message: string }
  | { kind: 'error'; message: string }
  /** The console was not reached and the tablet could not keep it. */
  | { kind: 'unreachable' }
  | { kind: 'cleared' };

const STYLES = {
  sent: 'bg-green-100 font-semibold text-green-900',
  waiting: 'bg-amber-100 font-semibold text-amber-900',
  'on-device': 'bg-amber-100 font-semibold text-amber-900',
  rejected: 'bg-red-100 font-semibold text-red-900',
  error: 'bg-red-100 font-semibold text-red-900',
  unreachable: 'bg-red-100 font-semibold text-red-900',
  cleared: 'bg-slate-100 text-slate-900',
} as const;

type Words = ReturnType<typeof useTranslations<'capture.result'>>;

function words(result: CaptureResult, t: Words): string {
  switch (result.kind) {
    case 'sent':
      return t('sent', { leadId: result.leadId });
    case 'waiting':
      return t('waiting');
    case 'on-device':
      return t('onDevice');
    case 'rejected':
    case 'error':
      // Said by the console in the request's language (app/(console)/capture/actions.ts), or by the save itself.
      return result.message;
    case 'unreachable':
      return t('unreachable');
    case 'cleared':
      return t('cleared');
  }
}

export function CaptureResultRegion({ result, ref }: { result: CaptureResult | null; ref: Ref<HTMLDivElement> }) {
  const t = useTranslations('capture.result');
  return (
    <div ref={ref} tabIndex={-1} className="mt-3 outline-none" data-testid="capture-result-region">
      {result ? (
        <p
          role={result.kind === 'rejected' || result.kind === 'error' || result.kind === 'unreachable' ? 'alert' : 'status'}
          data-testid="capture-result"
          className={`rounded-lg p-3 ${STYLES[result.kind]}`}
        >
          {words(result, t)}
        </p>
      ) : null}
    </div>
  );
}
