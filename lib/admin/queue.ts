/** The sync queue as admins see it: jobs, counts by state, and retrying a dead job (audited). */
import 'server-only';
import type { AuditActor } from '@/lib/auth/action';
import { recordAudit } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { inArray, or } from 'drizzle-orm';
import { captureSubmissions } from '@/lib/capture/schema';
import { leadRecords } from '@/lib/leads/schema';
import { listJobs, retryDeadJob, wakeOutboxWorker, type OutboxStatus } from '@/lib/outbox';
import { staffNames } from './roles';

export const QUEUE_PAGE_SIZE = 50;

export interface QueueRow {
  id: string;
  kind: string;
  status: OutboxStatus;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  correlation: string | null;
  subject: string | null;
  /** Which lead, capture or code the job is for, in words ("Lead Ana Popescu", "Capture of Ana P."). */
  forLabel: string | null;
  /** The lead's page, when the job is for a lead the pipeline knows. */
  forHref: string | null;
  /** Who started it, by name (the subject is the id). */
  requestedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface QueueView {
  rows: QueueRow[];
  total: number;
  counts: Record<OutboxStatus, number>;
  page: number;
  pages: number;
}

/** Only what the page shows: payloads (personal data) stay on the server. */
export async function listQueue(db: Db, input: { status?: OutboxStatus; page: number }): Promise<QueueView> {
  const result = await listJobs(db, { status: input.status, limit: QUEUE_PAGE_SIZE, offset: (input.page - 1) * QUEUE_PAGE_SIZE });
  const describe = await jobTargets(db, result.rows);
  return {
    rows: result.rows.map((j) => ({
      ...describe(j),
      id: j.id,
      kind: j.kind,
      status: j.status,
      attempts: j.attempts,
      maxAttempts: j.maxAttempts,
      nextAttemptAt: j.nextAttemptAt.toISOString(),
      lastError: j.lastError,
      correlation: j.correlation,
      subject: j.subject,
      createdAt: j.createdAt.toISOString(),
      updatedAt: j.updatedAt.toISOString(),
    })),
    total: result.total,
    counts: result.counts,
    page: input.page,
    pages: Math.max(1, Math.ceil(result.total / QUEUE_PAGE_SIZE)),
  };
}

export async function retryDeadQueueJob(db: Db, actor: AuditActor, jobId: string): Promise<{ jobId: string }> {
  const job = await retryDeadJob(db, jobId);
  await recordAudit(db, {
    actor,
    action: 'admin.retryJob',
    target: { type: 'outbox_job', id: jobId },
    outcome: job ? 'success' : 'failure',
    detail: job ? { kind: job.kind } : { reason: 'not a dead job' },
  });
  if (!job) throw new ValidationError('Only a dead job can be retried; this one is not dead (it may have been retried already).');
  wakeOutboxWorker();
  return { jobId };
}

type Correlation = { kind: 'lead'; id: string } | { kind: 'capture'; key: string } | { kind: 'loyalty'; campaign: string; code: string } | null;

/** The correlations jobs are queued with (lib/capture/delivery.ts, lib/loyalty): lead:…, capture:…, loyalty:…:…. */
export function parseCorrelation(correlation: string | null): Correlation {
  if (!correlation) return null;
  const [kind, ...rest] = correlation.split(':');
  if (kind === 'lead' && rest[0]) return { kind: 'lead', id: rest.join(':') };
  if (kind === 'capture' && rest[0]) return { kind: 'capture', key: rest.join(':') };
  if (kind === 'loyalty' && rest.length === 2) return { kind: 'loyalty', campaign: rest[0], code: rest[1] };
  return null;
}

const fullName = (first: string | null, last: string | null) => [first, last].filter(Boolean).join(' ') || null;

/**
 * What each job is for, in words an admin recognises: the lead's name (from the pipeline, or the capture
 * that made it), the capture's short name, the loyalty code; and who started it, by name.
 */
async function jobTargets(db: Db, jobs: readonly { correlation: string | null; subject: string | null }[]) {
  const parsed = jobs.map((j) => parseCorrelation(j.correlation));
  const leadIds = parsed.flatMap((c) => (c?.kind === 'lead' ? [c.id] : []));
  const captureKeys = parsed.flatMap((c) => (c?.kind === 'capture' ? [c.key] : []));
  const [leads, captures, people] = await Promise.all([
    leadIds.length
      ? db.select({ id: leadRecords.id, firstName: leadRecords.firstName, lastName: leadRecords.lastName }).from(leadRecords).where(inArray(leadRecords.id, leadIds))
      : [],
    captureKeys.length || leadIds.length
      ? db
          .select({ key: captureSubmissions.idempotencyKey, name: captureSubmissions.displayName, leadId: captureSubmissions.footprintsLeadId })
          .from(captureSubmissions)
          .where(
            or(
              captureKeys.length ? inArray(captureSubmissions.idempotencyKey, captureKeys) : undefined,
              leadIds.length ? inArray(captureSubmissions.footprintsLeadId, leadIds) : undefined,
            ),
          )
      : [],
    staffNames(db, jobs.map((j) => j.subject ?? '').filter(Boolean)),
  ]);
  const leadName = new Map(leads.map((l) => [l.id, fullName(l.firstName, l.lastName)]));
  const captureByKey = new Map(captures.map((c) => [c.key, c]));
  const captureByLead = new Map(captures.filter((c) => c.leadId).map((c) => [c.leadId as string, c.name]));
  return (job: { correlation: string | null; subject: string | null }) => {
    const c = parseCorrelation(job.correlation);
    const requestedBy = job.subject ? (people.get(job.subject) ?? null) : null;
    if (c?.kind === 'lead') {
      const name = leadName.get(c.id) ?? captureByLead.get(c.id) ?? null;
      return { forLabel: name ? `Lead ${name}` : `Lead ${c.id}`, forHref: leadName.has(c.id) ? `/leads/${encodeURIComponent(c.id)}` : null, requestedBy };
    }
    if (c?.kind === 'capture') {
      const capture = captureByKey.get(c.key);
      return { forLabel: capture ? `Capture of ${capture.name}` : 'A lead capture', forHref: capture?.leadId ? `/leads/${encodeURIComponent(capture.leadId)}` : null, requestedBy };
    }
    if (c?.kind === 'loyalty') return { forLabel: `Loyalty code ${c.code}`, forHref: null, requestedBy };
    return { forLabel: null, forHref: null, requestedBy };
  };
}
