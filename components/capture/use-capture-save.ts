'use client';

import { useCallback, useRef, useState } from 'react';
import { checkDuplicatesAction, submitCaptureAction } from '@/app/(console)/capture/actions';
import type { PossibleDuplicate } from '@/lib/capture/find-possible-duplicates';
import type { CaptureFormValues } from '@/lib/capture/inputs';
import { invalidateRemoteData } from '@/components/data/use-remote-data';
import type { CaptureResult } from './capture-result';
import { announceQueueChange, askPersistentStorage, deviceQueue, type QueuedCapture } from '@/components/offline/device-queue';
import { deviceId, newUuid } from './ids';
import type { CaptureForm } from './use-capture-form';
import { MY_SUBMISSIONS_KEY } from './my-submissions';

export type SavePhase = 'editing' | 'checking' | 'duplicates' | 'sending';

/**
 * Saving a capture: the advisory duplicate check first (she chooses when it finds someone), then the send
 * under the form's idempotency key, and what it came to. `busy` stays set from the tap until the answer (or
 * her choice), so a second tap or the idle clear never interferes.
 */
/** Offline, as the browser reports it (the capture then goes to the tablet's queue, without the duplicates check). */
export function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

export function useCaptureSave(
  form: CaptureForm,
  onSaved: () => void,
  onFieldErrors: (errors: Record<string, unknown>) => void,
  hostess: QueuedCapture['hostess'],
) {
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
    /** Kept on the tablet under the form's key, sent when the network is back (device-queue-sync). */
    const keepOnDevice = async (): Promise<boolean> => {
      try {
        await deviceQueue().put({ key: values.idempotencyKey, values, hostess, queuedAt: new Date().toISOString(), state: 'waiting' });
      } catch {
        return false;
      }
      askPersistentStorage();
      announceQueueChange();
      setResult({ kind: 'on-device' });
      onSaved();
      return true;
    };
    try {
      if (isOffline() && (await keepOnDevice())) return;
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
      // The console itself was not reached (Wi-Fi): kept on the tablet under the same key, so the later send
      // can never make a second lead; only if the tablet cannot keep it, she taps again.
      if (await keepOnDevice()) return;
      setResult({ kind: 'unreachable' });
    } finally {
      busy.current = false;
      setPhase('editing');
      invalidateRemoteData(MY_SUBMISSIONS_KEY);
    }
  }, [getValues, hostess, onFieldErrors, onSaved, setError, setValue]);

  const onValid = useCallback(
    async (values: CaptureFormValues) => {
      if (busy.current) return;
      busy.current = true;
      setResult(null);
      setPhase('checking');
      // Offline the duplicates check is skipped (the form says so): the capture goes to the tablet's queue.
      if (!isOffline()) {
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
