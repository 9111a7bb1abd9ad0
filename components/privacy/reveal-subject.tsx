'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { revealSubjectAction } from '@/app/(console)/privacy/actions';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { useErrorWords } from './use-error-words';

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
  const t = useTranslations('privacyCase.reveal');
  const words = useErrorWords();
  const [revealed, setRevealed] = useState<{ email: string | null; phone: string | null } | null>(null);
  const [pending, setPending] = useState(false);
  // The Reveal button is disabled while asking and then replaced by Hide: focus goes to the result (the
  // revealed contact, read out), and back to Reveal after Hide, never to the page.
  const contactRef = useRef<HTMLSpanElement>(null);
  const revealRef = useRef<HTMLButtonElement>(null);
  const toggled = useRef(false);
  useEffect(() => {
    if (!toggled.current) return;
    toggled.current = false;
    (revealed ? contactRef.current : revealRef.current)?.focus();
  }, [revealed]);
  const email = revealed ? revealed.email : maskedEmail;
  const phone = revealed ? revealed.phone : maskedPhone;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid={`subject-${reference}`}>
      <span
        ref={contactRef}
        tabIndex={-1}
        role="group"
        aria-label={revealed ? t('contactOf', { reference }) : undefined}
        data-testid="subject-contact"
        className="flex flex-col outline-none focus-visible:ring-2 focus-visible:ring-blue-700"
      >
        <span data-testid="subject-email">{email ?? '—'}</span>
        <span data-testid="subject-phone" className="text-slate-700">
          {phone ?? '—'}
        </span>
      </span>
      {revealed ? (
        <Button type="button" variant="ghost" className="text-sm" onClick={() => {
            toggled.current = true;
            setRevealed(null);
          }} aria-label={t('hideOf', { reference })}>
          {t('hide')}
        </Button>
      ) : (
        <Button
          type="button"
          ref={revealRef}
          variant="secondary"
          className="text-sm"
          pending={pending}
          aria-label={t('revealOf', { reference })}
          onClick={async () => {
            setPending(true);
            const result = await revealSubjectAction({ caseId });
            setPending(false);
            if (result.ok) {
              toggled.current = true;
              setRevealed({ email: result.data.email, phone: result.data.phone });
            } else {
              toast('error', words(result.error.message));
              requestAnimationFrame(() => revealRef.current?.focus());
            }
          }}
        >
          {t('reveal')}
        </Button>
      )}
    </div>
  );
}
