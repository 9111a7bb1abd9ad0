'use client';

import { useCallback, useRef, useState } from 'react';
import { checkDuplicatesAction, submitCaptureAction } from '@/app/(console)/capture/actions';
import type { PossibleDuplicate } from '@/lib/capture/find-possible-duplicates';
import type { CaptureFormValues } from '@/lib/capture/inputs';
import { invalidateRemoteData } from '@/components/data/use-remote-data';
import type { CaptureResult } from './capture-result';
import { deviceId, newUuid } from './ids';
import type { CaptureForm } from './use-capture-form';
import { MY_SUBMISSIONS_KEY } from './my-submissions';

export type SavePhase = 'editing' | 'checking' | 'duplicates' | 'sending';

/**
 * Saving a capture: the advisory duplicate check first (she chooses when it finds someone), then the send
 * under the form's idempotency key, and what it came to. `busy` stays set from the tap until the answer (or
 * her choice), so a second tap or the idle clear never interferes.
 */
export function useCaptureSave(form: CaptureForm, onSaved: () => void, onFieldErrors: (errors: Record<string, unknown>) => void) {
  const { getValues, setValue, setError } = form;
  const [phase, setPhase] = useState<SavePhase>('editing');
  const [result, setResult] = useState<CaptureResult | null>(null);
  const [duplicates, setDuplicates] = useState<PossibleDuplicate[] | null>(null);
  const busy = useRef(false);

  const send = useCallback(async () => {
    setDuplicates(null);
    setPhase('sending');
    setValue('createdAt', new Date().toISOString());
    setValue('timezone', Intl.DateTimeFormat().resolvedOptions().timeZone || '');
    setValue('deviceId', deviceId());
    const values = getValues();
    try {
      const answer = await submitCaptureAction(values);
      if (!answer.ok) {
        const fieldErrors = answer.error.fieldErrors ?? {};
        for (const [name, messages] of Object.entries(fieldErrors)) {
          if (messages[0]) setError(name, { type: 'server', message: messages[0] });
        }
        onFieldErrors(fieldErrors);
        setResult({ kind: 'error', message: answer.error.message });
        return;
      }
      const outcome = answer.data;
      if (outcome.state === 'rejected') {
        // That submission is closed (refused); a corrected form is a new one.
        setValue('idempotencyKey', newUuid());
        setResult({ kind: 'rejected', message: outcome.message });
        return;
      }
      setResult(outcome.state === 'sent' ? { kind: 'sent', leadId: outcome.footprintsLeadId } : { kind: 'waiting' });
      onSaved();
    } catch {
      // The console itself was not reached (Wi-Fi): same key, so trying again can never make a second lead.
      setResult({ kind: 'error', message: 'The console could not be reached. Nothing typed was lost: tap "Save lead" again.' });
    } finally {
      busy.current = false;
      setPhase('editing');
      invalidateRemoteData(MY_SUBMISSIONS_KEY);
    }
  }, [getValues, onFieldErrors, onSaved, setError, setValue]);

  const onValid = useCallback(
    async (values: CaptureFormValues) => {
      if (busy.current) return;
      busy.current = true;
      setResult(null);
      setPhase('checking');
      try {
        const found = await checkDuplicatesAction({ email: values.email, phone: values.phone, idempotencyKey: values.idempotencyKey });
        if (found.ok && found.data.length > 0) {
          setDuplicates(found.data);
          setPhase('duplicates');
          return; // busy stays set until she chooses
        }
      } catch {
        /* the check is advisory: without it, save anyway */
      }
      await send();
    },
    [send],
  );

  /** Back to the form from the duplicates question, everything kept. */
  const cancelDuplicates = useCallback(() => {
    setDuplicates(null);
    setPhase('editing');
    busy.current = false;
  }, []);

  return { phase, result, setResult, duplicates, busy, onValid, send, cancelDuplicates };
}
