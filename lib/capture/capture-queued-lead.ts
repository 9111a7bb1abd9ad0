import 'server-only';
import { recordAudit, type AuditActorRef } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { captureLead } from './capture-lead';
import { readCaptureTicket, sameStore } from './capture-ticket';
import type { CaptureDeps, CaptureSession } from './deps';
import type { CaptureFormValues } from './inputs';
import type { CaptureOutcome } from './submit';

/**
 * A capture the tablet kept while offline, sent by whichever session is signed in when the network is back
 * (issue 14). Same path as an online capture (idempotent on the form's key). The hostess who captured it is
 * recorded — consent proof, submission, audit — when her ticket (capture-ticket.ts) is genuine and recent and
 * the capture's store is one of both hostesses'; otherwise it is refused, audited, and stays on the tablet.
 */
export async function captureQueuedLead(
  db: Db,
  deps: CaptureDeps,
  session: CaptureSession,
  actor: AuditActorRef,
  input: { values: CaptureFormValues; ticket: string },
): Promise<CaptureOutcome> {
  const claims = deps.ticketSecret ? readCaptureTicket(deps.ticketSecret, input.ticket) : null;
  if (!claims) {
    await recordAudit(db, { actor, action: 'capture.submitQueued', target: { type: 'capture', id: input.values.idempotencyKey }, outcome: 'refused', detail: { reason: 'ticket_invalid' } });
    throw new ValidationError('capture.errors.ticketExpired');
  }
  if (claims.subject === session.subject) return captureLead(db, deps, session, actor, input.values);
  if (!sameStore(claims.stores, session.stores, input.values.locationId)) {
    await recordAudit(db, {
      actor,
      action: 'capture.submitQueued',
      target: { type: 'capture', id: input.values.idempotencyKey },
      outcome: 'refused',
      detail: { reason: 'other_store', capturedBy: claims.subject },
    });
    throw new ValidationError('capture.errors.otherStore');
  }
  return captureLead(db, deps, session, actor, input.values, { subject: claims.subject, name: claims.name });
}
