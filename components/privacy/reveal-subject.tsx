'use client';

import { useState } from 'react';
import { revealSubjectAction } from '@/app/(console)/privacy/actions';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';

/** Masked e-mail / mobile until "Reveal", which is audited against the case reference. */
export function RevealSubject({
  caseId,
  reference,
  maskedEmail,
  maskedPhone,
}: {
  caseId: string;
  reference: string;
  maskedEmail: string | null;
  maskedPhone: string | null;
}) {
  const toast = useToast();
  const [revealed, setRevealed] = useState<{ email: string | null; phone: string | null } | null>(null);
  const [pending, setPending] = useState(false);
  const email = revealed ? revealed.email : maskedEmail;
  const phone = revealed ? revealed.phone : maskedPhone;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid={`subject-${reference}`}>
      <span className="flex flex-col">
        <span data-testid="subject-email">{email ?? '—'}</span>
        <span data-testid="subject-phone" className="text-slate-700">
          {phone ?? '—'}
        </span>
      </span>
      {revealed ? (
        <Button type="button" variant="ghost" className="text-sm" onClick={() => setRevealed(null)} aria-label={`Hide contact of ${reference}`}>
          Hide
        </Button>
      ) : (
        <Button
          type="button"
          variant="secondary"
          className="text-sm"
          pending={pending}
          aria-label={`Reveal contact of ${reference}`}
          onClick={async () => {
            setPending(true);
            const result = await revealSubjectAction({ caseId });
            setPending(false);
            if (result.ok) setRevealed({ email: result.data.email, phone: result.data.phone });
            else toast('error', result.error.message);
          }}
        >
          Reveal
        </Button>
      )}
    </div>
  );
}
