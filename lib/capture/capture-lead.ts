import 'server-only';
import { recordAudit, type AuditActorRef } from '@/lib/audit';
import { inScope } from '@/lib/auth/stores';
import type { Db } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { cachedLocationName } from './catalogues';
import type { CaptureDeps, CaptureSession } from './deps';
import type { CaptureFormValues } from './inputs';
import { submitCapture, type CaptureOutcome } from './submit';

/**
 * Captures a lead: stored first (idempotent on the form's key), then delivered to Footprints at once, and
 * audited (not for a repeated submit of the same form).
 */
export async function captureLead(
  db: Db,
  deps: CaptureDeps,
  session: CaptureSession,
  actor: AuditActorRef,
  values: CaptureFormValues,
  /** A capture saved on the tablet by another hostess, sent by this session (capture-queued-lead.ts has checked it). */
  capturedBy?: { subject: string; name: string },
): Promise<CaptureOutcome> {
  // Only at one of the capturer's stores (the form lists no other): a crafted location is refused, audited.
  if (values.locationId && !inScope(session.stores, values.locationId)) {
    await recordAudit(db, { actor, action: 'capture.submit', target: { type: 'location', id: values.locationId }, outcome: 'refused', detail: { reason: 'outside_store_scope' } });
    throw new ValidationError('capture.errors.fieldsNeedAttention', { locationId: ['capture.errors.chooseYourStore'] });
  }
  const outcome = await submitCapture(
    db,
    values,
    { subject: capturedBy?.subject ?? session.subject, name: capturedBy?.name ?? session.displayName, userAgent: session.device },
    { storeTimezone: deps.timeZone, locationName: cachedLocationName(session.kind, values.locationId), wake: deps.wake },
  );
  if (!outcome.duplicateRequest) {
    await recordAudit(db, {
      actor,
      action: 'capture.submit',
      target: { type: 'capture', id: outcome.submissionId },
      outcome: outcome.state === 'rejected' ? 'failure' : 'success',
      detail: {
        state: outcome.state,
        ...(outcome.state === 'sent' ? { footprintsLeadId: outcome.footprintsLeadId } : {}),
        consentWordingVersion: values.consentWordingVersion,
        locationId: values.locationId || null,
        ...(capturedBy ? { capturedBy: capturedBy.subject } : {}),
      },
      store: values.locationId || undefined,
    });
  }
  return outcome;
}
