/**
 * The capture use case: store the submission and its delivery job (both idempotent on the form's key),
 * then deliver it to Footprints at once. The hostess sees "Sent" with the lead id, "Saved — will sync"
 * when Footprints failed retryably (the worker retries with backoff), or the vendor's reason when it refused.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { log } from '@/lib/log';
import { recordCapture } from '@/lib/metrics';
import { deliverNow, enqueue, getJob, type OutboxJob } from '@/lib/outbox';
import { isCurrentConsentWording } from './consent-wording';
import {
  CAPTURE_LEAD_JOB,
  CAPTURE_MAX_ATTEMPTS,
  captureCorrelation,
  type CaptureLeadJobPayload,
} from './delivery';
import { isTimeZone } from '@/lib/dates';
import { displayNameOf, normalizeEmail, normalizePhone, toAddLeadInput } from './fields';
import type { CaptureFormValues } from './inputs';
import type { CaptureConsentProof } from './consent-proof';
import { captureSubmissions, type CaptureSubmission } from './schema';

export interface CaptureStaff {
  subject: string;
  name: string;
  /** The session's user agent, when known. */
  userAgent: string | null;
}

export interface CaptureContext {
  /** The store's zone, when the browser sent none (or an unknown one). */
  storeTimezone: string;
  /** The chosen location's name, for the consent proof. */
  locationName: string | null;
  now?: () => Date;
  /** Asks the worker to poll now (follow-ups were queued); a no-op in tests. */
  wake?: () => void;
  /** How long to wait for a delivery running elsewhere (a double tap's twin). Default 12 s. */
  settleTimeoutMs?: number;
}

export type CaptureOutcome =
  | { state: 'sent'; footprintsLeadId: string; submissionId: string; duplicateRequest: boolean }
  | { state: 'waiting'; submissionId: string; duplicateRequest: boolean }
  /** Footprints did not accept it (the words: the action's, in the staff's language). */
  | { state: 'rejected'; submissionId: string; duplicateRequest: boolean };

/** The capture's instant: the form's createdAt when it is sane (not in the future, not older than a day). */
function captureInstant(values: CaptureFormValues, now: Date): Date {
  const sent = values.createdAt ? new Date(values.createdAt) : null;
  if (!sent || Number.isNaN(sent.getTime())) return now;
  if (sent.getTime() > now.getTime() + 5 * 60_000 || sent.getTime() < now.getTime() - 24 * 3_600_000) return now;
  return sent;
}

function buildConsent(values: CaptureFormValues, staff: CaptureStaff, ctx: CaptureContext, capturedAt: Date): CaptureConsentProof {
  return {
    wordingVersion: values.consentWordingVersion,
    language: values.consentLanguage,
    store: { locationId: values.locationId || null, locationName: ctx.locationName },
    hostess: { subject: staff.subject, name: staff.name },
    device: { id: values.deviceId || null, userAgent: staff.userAgent },
    consentedAt: capturedAt.toISOString(),
    agreements: {
      terms: values.agreeTerms,
      privacy: values.agreePrivacy,
      adult: values.isAdult,
      targetedMessages: values.agreedTargetedMessages,
      marketing: { ...values.marketing },
    },
  };
}

async function waitWhileRunning(db: Db, job: OutboxJob, timeoutMs: number): Promise<OutboxJob> {
  let current = job;
  const until = Date.now() + timeoutMs;
  while (current.status === 'running' && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    current = (await getJob(db, job.id)) ?? current;
  }
  return current;
}

async function outcomeOf(db: Db, submissionId: string, job: OutboxJob, duplicateRequest: boolean): Promise<CaptureOutcome> {
  const [row] = await db.select().from(captureSubmissions).where(eq(captureSubmissions.id, submissionId)).limit(1);
  if (row?.footprintsLeadId) return { state: 'sent', footprintsLeadId: row.footprintsLeadId, submissionId, duplicateRequest };
  if (job.status === 'dead') {
    // The vendor's reason stays in the row and the admin queue; the hostess reads what to do.
    return { state: 'rejected', submissionId, duplicateRequest };
  }
  return { state: 'waiting', submissionId, duplicateRequest };
}

/**
 * The consent wording of the form's language is not the one shown now: codes, not sentences (the action says
 * them in the staff's language: lib/capture/capture-words.ts).
 */
export const CONSENT_CHANGED = 'capture.errors.consentChanged';
export const CONSENT_CHANGED_FIELD = 'capture.errors.consentChangedField';

export async function submitCapture(db: Db, values: CaptureFormValues, staff: CaptureStaff, ctx: CaptureContext): Promise<CaptureOutcome> {
  if (!isCurrentConsentWording(values.consentLanguage, values.consentWordingVersion)) {
    throw new ValidationError(CONSENT_CHANGED, { agreeTerms: [CONSENT_CHANGED_FIELD] });
  }
  const now = (ctx.now ?? (() => new Date()))();
  const capturedAt = captureInstant(values, now);
  const timezone = isTimeZone(values.timezone) ? values.timezone : ctx.storeTimezone;
  const addLead = toAddLeadInput(values, { capturedAt, timezone });
  const consent = buildConsent(values, staff, ctx, capturedAt);

  const inserted = await db
    .insert(captureSubmissions)
    .values({
      idempotencyKey: values.idempotencyKey,
      hostessSubject: staff.subject,
      hostessName: staff.name,
      displayName: displayNameOf(values.firstName, values.lastName),
      emailNormalized: normalizeEmail(values.email),
      phoneNormalized: normalizePhone(values.phone),
      payload: { ...values },
      consent,
      consentWordingVersion: values.consentWordingVersion,
      consentLanguage: values.consentLanguage,
      locationId: values.locationId || null,
      capturedAt,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: captureSubmissions.idempotencyKey })
    .returning({ id: captureSubmissions.id });
  let submission: Pick<CaptureSubmission, 'id' | 'hostessSubject'>;
  if (inserted[0]) submission = { id: inserted[0].id, hostessSubject: staff.subject };
  else {
    const [existing] = await db
      .select({ id: captureSubmissions.id, hostessSubject: captureSubmissions.hostessSubject })
      .from(captureSubmissions)
      .where(eq(captureSubmissions.idempotencyKey, values.idempotencyKey))
      .limit(1);
    if (!existing) throw new Error('submitCapture: the submission vanished');
    submission = existing;
  }
  const duplicateRequest = !inserted[0];

  const email = values.email.trim();
  const wantsContact = values.marketing.email || values.marketing.sms;
  const payload: CaptureLeadJobPayload = {
    submissionId: submission.id,
    idempotencyKey: values.idempotencyKey,
    hostessSubject: submission.hostessSubject,
    capturedAt: capturedAt.toISOString(),
    addLead: addLead as Record<string, unknown>,
    followUps: {
      netcoreContact:
        wantsContact && email
          ? {
              EMAIL: email,
              ...(values.phone.trim() ? { MOBILE: values.phone.trim() } : {}),
              FIRST_NAME: values.firstName.trim(),
              LAST_NAME: values.lastName.trim(),
              ...(values.city.trim() ? { CITY: values.city.trim() } : {}),
            }
          : null,
      identity: email || values.phone.trim(),
      nps: values.nps ? Number(values.nps) : null,
      locationId: values.locationId || null,
    },
  };
  if (wantsContact && !email) log('info', 'capture.netcore_contact_skipped', { reason: 'no e-mail (Netcore primary key)' });

  const { job } = await enqueue(db, {
    kind: CAPTURE_LEAD_JOB,
    idempotencyKey: `capture:${values.idempotencyKey}`,
    payload,
    subject: submission.hostessSubject,
    correlation: captureCorrelation(values.idempotencyKey),
    maxAttempts: CAPTURE_MAX_ATTEMPTS,
  });
  if (!duplicateRequest) {
    await db.update(captureSubmissions).set({ outboxJobId: job.id }).where(eq(captureSubmissions.id, submission.id));
  }

  let after = (await deliverNow(db, job.id)) ?? job;
  after = await waitWhileRunning(db, after, ctx.settleTimeoutMs ?? 12_000);
  ctx.wake?.();
  const outcome = await outcomeOf(db, submission.id, after, duplicateRequest);
  if (!duplicateRequest) recordCapture(outcome.state);
  return outcome;
}
