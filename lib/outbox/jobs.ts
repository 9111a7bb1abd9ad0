/**
 * Durable outbox jobs: enqueue (idempotent on the key), claim (FOR UPDATE SKIP LOCKED, so several
 * console instances can share one PostgreSQL), run with retry/backoff, and the admin views.
 */
import 'server-only';
import { hostname } from 'node:os';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { and, asc, count, desc, eq, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { OUTBOX_STATUSES, outboxJobs, type OutboxJob, type OutboxStatus } from '@/lib/db/schema';
import { isDraining, trackInFlight } from '@/lib/lifecycle';
import { log } from '@/lib/log';
import { recordOutboxJobRun } from '@/lib/metrics';
import { redactText } from '@/lib/redact';
import { backoffMs } from './backoff';
import type { z } from 'zod';
import { asRetryable, getHandler, isNeedsPersonError, isRetryableError, registeredKinds, type OutboxBatchOutcome } from './handlers';

export type { OutboxJob, OutboxStatus };
export { OUTBOX_STATUSES };

export const DEFAULT_MAX_ATTEMPTS = 8;
/**
 * The claim of a kind that does not say how many vendor calls it makes: a job 'running' past its lease is taken
 * to belong to a crashed worker and is claimed again.
 */
export const DEFAULT_LEASE_MS = 5 * 60_000;
/** Added to a kind's vendor calls × the vendor timeout: the run's own database work and a slow event loop. */
export const LEASE_MARGIN_MS = 30_000;
/** The vendor clients' timeout when the worker was not told (VENDOR_TIMEOUT_MS's default). */
const DEFAULT_VENDOR_TIMEOUT_MS = 10_000;

const globalForLeases = globalThis as unknown as { __storedeskOutboxVendorTimeoutMs?: number };

/** The vendor timeout claims are sized by in this process (startOutboxWorker sets it from VENDOR_TIMEOUT_MS). */
export function setOutboxVendorTimeout(ms: number | undefined): void {
  globalForLeases.__storedeskOutboxVendorTimeoutMs = ms;
}

/**
 * How long a claim of `kind` holds before another worker may take the job: the kind's most vendor calls, each at
 * the vendor timeout, plus a margin — a live run never outlasts its lease unless a call hangs past its own
 * timeout, and the lease is renewed while the run goes on anyway (keepClaims). Kinds that do not declare their
 * calls keep DEFAULT_LEASE_MS.
 */
export function claimLeaseMs(kind: string, vendorTimeoutMs = globalForLeases.__storedeskOutboxVendorTimeoutMs ?? DEFAULT_VENDOR_TIMEOUT_MS): number {
  const calls = getHandler(kind)?.vendorCalls;
  return calls ? calls * vendorTimeoutMs + LEASE_MARGIN_MS : DEFAULT_LEASE_MS;
}

/**
 * Renews the claims of jobs while they run, every third of their lease, by their claim tokens: a claim that was
 * lost meanwhile (the job reclaimed after a stall) is not renewed — the token no longer matches. Returns stop().
 */
function keepClaims(db: Db, jobs: readonly OutboxJob[], clock: Clock): () => void {
  const held = jobs.filter((j) => j.claimToken);
  if (held.length === 0) return () => undefined;
  // Each claim's own length (a claim may have been given another than its kind's: ClaimOptions.leaseMs).
  const leaseMs = Math.min(...held.map((j) => (j.lockedUntil && j.lockedAt ? j.lockedUntil.getTime() - j.lockedAt.getTime() : claimLeaseMs(j.kind))));
  const timer = setInterval(() => {
    const until = new Date(clock().getTime() + leaseMs);
    db.update(outboxJobs)
      .set({ lockedUntil: until })
      .where(and(eq(outboxJobs.status, 'running'), inArray(outboxJobs.claimToken, held.map((j) => j.claimToken!))))
      .returning({ id: outboxJobs.id })
      .then((rows) => {
        if (rows.length < held.length) log('warn', 'outbox.lease_not_renewed', { kind: held[0].kind, held: held.length, renewed: rows.length });
      })
      .catch((error: unknown) => log('warn', 'outbox.lease_renew_failed', { error: describeError(error) }));
  }, Math.max(50, Math.floor(leaseMs / 3)));
  timer.unref?.();
  return () => clearInterval(timer);
}
const MAX_ERROR_LENGTH = 300;

/** Injectable clock, so tests can move time instead of waiting. */
export type Clock = () => Date;
const systemClock: Clock = () => new Date();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isJobId = (id: string) => UUID.test(id);

/** Who holds a claim, for people reading the queue; the claim itself is its random token (claim_token). */
export function defaultWorkerId(prefix = 'worker'): string {
  return `${prefix}:${hostname()}:${process.pid}`;
}

export interface EnqueueInput {
  kind: string;
  /** From the form or derived from it; the same key always finds the same job. Max 200 characters. */
  idempotencyKey: string;
  /** Stored as JSON (Dates become ISO strings): plain data only, never a token or a key. */
  payload: unknown;
  /** Who queued it, e.g. the staff subject. */
  subject?: string | null;
  /** What it belongs to, e.g. a lead id or a form id. */
  correlation?: string | null;
  /** Default 8. */
  maxAttempts?: number;
  /** Default now. */
  runAt?: Date;
}

export interface EnqueueResult {
  job: OutboxJob;
  /** False when a job with this idempotency key already existed (it is returned untouched). */
  created: boolean;
}

/** Writes a job, or returns the existing one for the same idempotency key. Never creates a second. */
export async function enqueue(db: Db, input: EnqueueInput): Promise<EnqueueResult> {
  const kind = input.kind.trim();
  const key = input.idempotencyKey.trim();
  if (!kind) throw new Error('enqueue: kind is required');
  if (!key || key.length > 200) throw new Error('enqueue: idempotencyKey must be 1–200 characters');
  const maxAttempts = input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 100) {
    throw new Error('enqueue: maxAttempts must be an integer from 1 to 100');
  }
  const now = new Date();
  const inserted = await db
    .insert(outboxJobs)
    .values({
      kind,
      idempotencyKey: key,
      payload: input.payload ?? {},
      subject: input.subject ?? null,
      correlation: input.correlation ?? null,
      maxAttempts,
      nextAttemptAt: input.runAt ?? now,
      createdAt: now,
      updatedAt: now,
    })
    // Stryker: survivor ({ target } → {}) because it is an equivalent mutant: the idempotency key is the table's
    // only unique column besides the random primary key, so "any conflict" is "a conflict on the key".
    .onConflictDoNothing({ target: outboxJobs.idempotencyKey })
    .returning();
  if (inserted[0]) return { job: inserted[0], created: true };

  const [existing] = await db.select().from(outboxJobs).where(eq(outboxJobs.idempotencyKey, key)).limit(1);
  // Stryker: survivors (this if → false, its message → "") because no test can reach it: the insert just met this
  // key, and the outbox never deletes jobs. It stays so a future delete fails loudly instead of returning undefined.
  if (!existing) throw new Error('enqueue: conflicting job vanished');
  if (existing.kind !== kind) {
    log('warn', 'outbox.idempotency_key_reused', { jobId: existing.id, existingKind: existing.kind, kind });
  }
  return { job: existing, created: false };
}

export interface ClaimOptions {
  workerId: string;
  limit: number;
  /** Only these kinds (e.g. the ones this process has handlers for). */
  kinds?: readonly string[];
  now?: Clock;
  /** Every claim's lease, instead of each kind's own (claimLeaseMs). */
  leaseMs?: number;
}

/**
 * Takes up to `limit` due jobs for this worker: queued ones whose time has come, and running ones whose
 * lease ran out. Rows another worker is claiming at the same moment are skipped, never waited for or
 * taken twice. Each claim counts as an attempt, so a job that crashes its worker still ends up dead.
 */
export async function claimJobs(db: Db, opts: ClaimOptions): Promise<OutboxJob[]> {
  const limit = Math.max(0, Math.trunc(opts.limit));
  // Stryker: survivors (this if → false, `limit === 0` → false, || → &&) because they are equivalent mutants: a
  // LIMIT 0 select picks nothing and drizzle's inArray over [] is false, so the claim is [] either way (tested);
  // the early return only saves the round trip. Same for `picked.length === 0` → false below (an update of no ids).
  if (limit === 0 || (opts.kinds && opts.kinds.length === 0)) return [];
  const now = (opts.now ?? systemClock)();
  const staleBefore = new Date(now.getTime() - (opts.leaseMs ?? DEFAULT_LEASE_MS));
  const due = or(
    and(eq(outboxJobs.status, 'queued'), lte(outboxJobs.nextAttemptAt, now)),
    and(eq(outboxJobs.status, 'running'), lt(outboxJobs.lockedUntil, now)),
    // Claimed before claims carried their own expiry (migration 0014): the old rule.
    and(eq(outboxJobs.status, 'running'), isNull(outboxJobs.lockedUntil), lt(outboxJobs.lockedAt, staleBefore)),
  );
  const where = opts.kinds ? and(due, inArray(outboxJobs.kind, [...opts.kinds])) : due;

  const claimed = await db.transaction(async (tx) => {
    const picked = await tx
      .select({ id: outboxJobs.id, kind: outboxJobs.kind })
      .from(outboxJobs)
      .where(where)
      .orderBy(asc(outboxJobs.nextAttemptAt))
      .limit(limit)
      // Stryker: survivors (skipLocked → false, { skipLocked } → {}), not worth a test: without it a worker waits for another's claim
      // to commit, then finds those rows running (no longer due), so no job is taken twice either way, only later.
      // It takes two PostgreSQL connections to tell apart; the mutation run has one (PGlite).
      .for('update', { skipLocked: true });
    if (picked.length === 0) return [];
    // One update per lease length (kinds differ); each row draws its own random claim token.
    const byLease = new Map<number, string[]>();
    for (const p of picked) {
      const leaseMs = opts.leaseMs ?? claimLeaseMs(p.kind);
      byLease.set(leaseMs, [...(byLease.get(leaseMs) ?? []), p.id]);
    }
    const rows: OutboxJob[] = [];
    for (const [leaseMs, ids] of byLease) {
      rows.push(
        ...(await tx
          .update(outboxJobs)
          .set({
            status: 'running',
            lockedBy: opts.workerId,
            lockedAt: now,
            lockedUntil: new Date(now.getTime() + leaseMs),
            claimToken: sql`gen_random_uuid()`,
            attempts: sql`${outboxJobs.attempts} + 1`,
            updatedAt: now,
          })
          .where(inArray(outboxJobs.id, ids))
          .returning()),
      );
    }
    return rows;
  });
  return claimed.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime());
}

export type RunOutcome = 'done' | 'retry' | 'dead' | 'needs_person' | 'lost';

export interface RunResult {
  outcome: RunOutcome;
  /** The job as it is now in the database. */
  job: OutboxJob;
}

export interface RunOptions {
  now?: Clock;
  random?: () => number;
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  const clean = redactText(text).replace(/\s+/g, ' ').trim();
  return clean.length > MAX_ERROR_LENGTH ? `${clean.slice(0, MAX_ERROR_LENGTH - 1)}…` : clean || 'failed';
}

type FinishValues = Partial<typeof outboxJobs.$inferInsert>;

/**
 * Records a claimed job's outcome, only while this claim still holds it: the claim's random token, not the worker's
 * name, so a stale run and the reclaim of the same job in the same process cannot both record ('lost' otherwise).
 */
async function finishJob(
  db: Db,
  job: OutboxJob,
  outcome: Exclude<RunOutcome, 'lost'>,
  values: FinishValues,
  clock: Clock,
): Promise<RunResult> {
  const stillOurs = and(
    eq(outboxJobs.id, job.id),
    eq(outboxJobs.status, 'running'),
    job.lockedBy === null ? sql`${outboxJobs.lockedBy} IS NULL` : eq(outboxJobs.lockedBy, job.lockedBy),
    // The claim's own token: the worker's name alone is the same for a stale run and a reclaim in one process.
    // (A claim made before claims carried a token, migration 0014, is matched by the worker's name alone.)
    job.claimToken ? eq(outboxJobs.claimToken, job.claimToken) : undefined,
  );
  const now = clock();
  const [row] = await db
    .update(outboxJobs)
    .set({ ...values, lockedBy: null, lockedAt: null, lockedUntil: null, claimToken: null, updatedAt: now })
    .where(stillOurs)
    .returning();
  if (row) {
    recordOutboxJobRun(job.kind, outcome);
    return { outcome, job: row };
  }
  recordOutboxJobRun(job.kind, 'lost');
  log('warn', 'outbox.lease_lost', { jobId: job.id, kind: job.kind, workerId: job.lockedBy });
  const current = await getJob(db, job.id);
  return { outcome: 'lost', job: current ?? job };
}

/** A failed run: back in the queue with backoff while retryable attempts remain, dead otherwise. */
async function failJob(db: Db, job: OutboxJob, error: unknown, retryable: boolean, opts: RunOptions): Promise<RunResult> {
  const clock = opts.now ?? systemClock;
  const lastError = describeError(error);
  const canRetry = retryable && job.attempts < job.maxAttempts;
  log(canRetry ? 'warn' : 'error', 'outbox.job_failed', {
    jobId: job.id,
    kind: job.kind,
    attempt: job.attempts,
    maxAttempts: job.maxAttempts,
    retryable,
    next: canRetry ? 'retry' : 'dead',
    error: lastError,
  });
  if (canRetry) {
    const next = new Date(clock().getTime() + backoffMs(job.attempts, opts.random));
    return finishJob(db, job, 'retry', { status: 'queued', nextAttemptAt: next, lastError }, clock);
  }
  return finishJob(db, job, 'dead', { status: 'dead', lastError }, clock);
}

/** Parses a job's payload with its handler's schema; a payload that does not match is an error (dead). */
function parsePayload(job: OutboxJob, schema: z.ZodType<unknown> | undefined): { ok: true; payload: unknown } | { ok: false; error: Error } {
  if (!schema) return { ok: true, payload: job.payload };
  const parsed = schema.safeParse(job.payload);
  if (parsed.success) return { ok: true, payload: parsed.data };
  const where = parsed.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  return { ok: false, error: new Error(`payload does not match the ${job.kind} schema: ${where}`) };
}

/**
 * Runs one claimed job (status 'running', locked by its worker) and records the outcome. Only the
 * worker that still holds the lock may record it; if the lease was lost meanwhile, the outcome is 'lost'.
 */
export function runJob(db: Db, job: OutboxJob, opts: RunOptions = {}): Promise<RunResult> {
  // One span per job run (issue 17, traces): its kind, attempt and outcome; never the payload (personal data).
  return trace.getTracer('storedesk').startActiveSpan(
    `outbox ${job.kind}`,
    { attributes: { 'storedesk.job.kind': job.kind, 'storedesk.job.attempt': job.attempts } },
    async (span) => {
      try {
        const result = await runJobUntraced(db, job, opts);
        span.setAttribute('storedesk.job.outcome', result.outcome);
        if (result.outcome !== 'done') span.setStatus({ code: SpanStatusCode.ERROR, message: result.outcome });
        return result;
      } finally {
        span.end();
      }
    },
  );
}

async function runJobUntraced(db: Db, job: OutboxJob, opts: RunOptions): Promise<RunResult> {
  const clock = opts.now ?? systemClock;
  const handler = getHandler(job.kind);
  // A kind without a handler in this process may be handled after a deploy or by another instance.
  if (!handler) return failJob(db, job, new Error(`no handler registered for job kind "${job.kind}"`), true, opts);

  const parsed = parsePayload(job, handler.schema);
  if (!parsed.ok) return failJob(db, job, parsed.error, false, opts);

  let result: unknown;
  const stopRenewing = keepClaims(db, [job], clock);
  try {
    result = await handler.run(parsed.payload, { db, job, attempt: job.attempts });
  } catch (error) {
    if (isNeedsPersonError(error)) {
      log('warn', 'outbox.job_needs_person', { jobId: job.id, kind: job.kind, attempt: job.attempts });
      return finishJob(db, job, 'needs_person', { status: 'needs_person', result: error.detail, lastError: describeError(error) }, clock);
    }
    return failJob(db, job, error, isRetryableError(error), opts);
  } finally {
    stopRenewing();
  }
  return finishJob(db, job, 'done', { status: 'done', result: result ?? null, lastError: null }, clock);
}

/**
 * Runs claimed jobs of one batch kind together through its batch handler, then settles each job from its
 * own outcome (done / retry with backoff / dead), exactly as runJob would have settled it alone.
 */
export async function runBatch(db: Db, jobs: readonly OutboxJob[], opts: RunOptions = {}): Promise<RunResult[]> {
  if (jobs.length === 0) return [];
  const clock = opts.now ?? systemClock;
  const kind = jobs[0].kind;
  if (jobs.some((j) => j.kind !== kind)) throw new Error('runBatch: every job of a batch must be of one kind');
  const handler = getHandler(kind);
  if (!handler?.batch) {
    // Not (or no longer) a batch kind here: run them one by one.
    return Promise.all(jobs.map((job) => runJob(db, job, opts)));
  }

  // Stryker: survivor (new Array(jobs.length) → new Array()) because it is an equivalent mutant: every index is
  // assigned below (a failed parse or the batch's outcome), so the array ends the same length either way.
  const results: (Promise<RunResult> | undefined)[] = new Array(jobs.length);
  const items: { index: number; job: OutboxJob; payload: unknown }[] = [];
  jobs.forEach((job, index) => {
    const parsed = parsePayload(job, handler.schema);
    if (parsed.ok) items.push({ index, job, payload: parsed.payload });
    else results[index] = failJob(db, job, parsed.error, false, opts);
  });

  if (items.length > 0) {
    let outcomes: readonly OutboxBatchOutcome[] | undefined;
    let thrown: { error: unknown } | undefined;
    const stopRenewing = keepClaims(
      db,
      items.map((i) => i.job),
      clock,
    );
    try {
      outcomes = await handler.batch.run(
        items.map(({ job, payload }) => ({ job, payload })),
        { db },
      );
    } catch (error) {
      thrown = { error };
    } finally {
      stopRenewing();
    }
    items.forEach(({ index, job }, i) => {
      if (thrown) {
        results[index] = failJob(db, job, thrown.error, isRetryableError(thrown.error), opts);
        return;
      }
      // Stryker: survivor (outcomes?.[i] → outcomes[i]) because it is an equivalent mutant: outcomes is only
      // undefined when the batch threw, and that case returned just above.
      const outcome = outcomes?.[i];
      if (!outcome) {
        results[index] = failJob(db, job, new Error('the batch handler returned no outcome for the job'), true, opts);
      } else if (outcome.ok) {
        results[index] = finishJob(db, job, 'done', { status: 'done', result: outcome.result ?? null, lastError: null }, clock);
      } else {
        const error = asRetryable(outcome.error, outcome.retryable);
        results[index] = failJob(db, job, error, isRetryableError(error), opts);
      }
    });
  }
  return Promise.all(results as Promise<RunResult>[]);
}

export interface RunDueOptions extends RunOptions {
  workerId: string;
  limit: number;
  /** Default: the kinds with a registered handler in this process. */
  kinds?: readonly string[];
  leaseMs?: number;
}

export interface RunDueResult {
  claimed: number;
  done: number;
  retried: number;
  dead: number;
  lost: number;
}

/**
 * Claims due jobs and runs them (concurrently within the batch). Kinds registered with a batch handler
 * are claimed apart, up to their own maxBatch each, and run together; the others share `limit`.
 */
export async function runDueJobs(db: Db, opts: RunDueOptions): Promise<RunDueResult> {
  const kinds = opts.kinds ?? registeredKinds();
  const batchKinds = kinds.filter((k) => getHandler(k)?.batch);
  const singleKinds = kinds.filter((k) => !getHandler(k)?.batch);
  const claim = (limit: number, only: readonly string[]) =>
    claimJobs(db, { workerId: opts.workerId, limit, kinds: only, now: opts.now, leaseMs: opts.leaseMs });

  // Stryker: survivors (singleKinds.length > 0 → true / >= 0, claimed.length > 0 → true / >= 0, and the two `?.`
  // below → `.`) because they are equivalent mutants: claimJobs of an empty kind list is [] (tested), runBatch of
  // [] is [] (tested), and batchKinds holds only kinds whose handler has a batch (filtered just above).
  const jobs = singleKinds.length > 0 ? await claim(opts.limit, singleKinds) : [];
  const batches: OutboxJob[][] = [];
  for (const kind of batchKinds) {
    const maxBatch = getHandler(kind)?.batch?.maxBatch ?? opts.limit;
    const claimed = await claim(maxBatch, [kind]);
    if (claimed.length > 0) batches.push(claimed);
  }

  const counts: RunDueResult = { claimed: jobs.length + batches.reduce((n, b) => n + b.length, 0), done: 0, retried: 0, dead: 0, lost: 0 };
  const settled = await Promise.all([
    Promise.all(jobs.map((job) => runJob(db, job, opts))),
    ...batches.map((batch) => runBatch(db, batch, opts)),
  ]);
  for (const { outcome } of settled.flat()) {
    if (outcome === 'done') counts.done += 1;
    else if (outcome === 'retry') counts.retried += 1;
    // A job now waiting for a person left the queue for an admin, as a dead one does: counted with them.
    else if (outcome === 'dead' || outcome === 'needs_person') counts.dead += 1;
    else counts.lost += 1;
  }
  return counts;
}

/**
 * Delivers one job right away (right after enqueue, so the hostess sees "Sent"): claims it if it is
 * queued — whatever its next_attempt_at — runs it, and returns its state. A job that is running elsewhere,
 * done or dead is returned as it is. Null when there is no such job.
 */
export async function deliverNow(db: Db, jobId: string, opts: RunOptions & { workerId?: string } = {}): Promise<OutboxJob | null> {
  if (!isJobId(jobId)) return null;
  // A shutting-down instance claims nothing more: the job stays queued for the next worker (lib/shutdown.ts).
  if (isDraining()) return getJob(db, jobId);
  const now = (opts.now ?? systemClock)();
  const workerId = opts.workerId ?? defaultWorkerId('inline');
  const claimed = await db.transaction(async (tx) => {
    // Stryker: survivors, not worth a test: select({ id }) → select({}) is equivalent (only the row's existence is
    // used). skipLocked → {} / false makes deliverNow wait for a worker's claim transaction (milliseconds) and then
    // find the job no longer queued, the same outcome later; it needs two PostgreSQL connections to tell apart, and
    // the mutation run has one (PGlite). The worker's claim, where skipping matters, is tested racing (outbox.test).
    const [row] = await tx
      .select({ id: outboxJobs.id, kind: outboxJobs.kind })
      .from(outboxJobs)
      .where(and(eq(outboxJobs.id, jobId), eq(outboxJobs.status, 'queued')))
      .for('update', { skipLocked: true });
    if (!row) return undefined;
    const [job] = await tx
      .update(outboxJobs)
      .set({
        status: 'running',
        lockedBy: workerId,
        lockedAt: now,
        lockedUntil: new Date(now.getTime() + claimLeaseMs(row.kind)),
        claimToken: sql`gen_random_uuid()`,
        attempts: sql`${outboxJobs.attempts} + 1`,
        updatedAt: now,
      })
      .where(eq(outboxJobs.id, jobId))
      .returning();
    return job;
  });
  if (!claimed) return getJob(db, jobId);
  // The shutdown waits for an inline delivery in flight, as for the worker's.
  return (await trackInFlight(runJob(db, claimed, opts))).job;
}

export async function getJob(db: Db, id: string): Promise<OutboxJob | null> {
  if (!isJobId(id)) return null;
  const [row] = await db.select().from(outboxJobs).where(eq(outboxJobs.id, id)).limit(1);
  return row ?? null;
}

export async function getJobByIdempotencyKey(db: Db, idempotencyKey: string): Promise<OutboxJob | null> {
  const [row] = await db.select().from(outboxJobs).where(eq(outboxJobs.idempotencyKey, idempotencyKey)).limit(1);
  return row ?? null;
}

/** Every job of one lead / form, oldest first (the lead job, then its follow-ups). */
export async function listJobsByCorrelation(db: Db, correlation: string): Promise<OutboxJob[]> {
  return db
    .select()
    .from(outboxJobs)
    .where(eq(outboxJobs.correlation, correlation))
    .orderBy(asc(outboxJobs.createdAt), asc(outboxJobs.id));
}

export interface ListJobsQuery {
  status?: OutboxStatus;
  kind?: string;
  subject?: string;
  correlation?: string;
  /** 1–500. */
  limit: number;
  offset: number;
}

export interface JobsPage {
  rows: OutboxJob[];
  total: number;
  /** Per status, under the same filters except status (for the tabs of the sync queue page). */
  counts: Record<OutboxStatus, number>;
}

/** Newest first. */
export async function listJobs(db: Db, query: ListJobsQuery): Promise<JobsPage> {
  const base: SQL[] = [];
  if (query.kind) base.push(eq(outboxJobs.kind, query.kind));
  if (query.subject) base.push(eq(outboxJobs.subject, query.subject));
  if (query.correlation) base.push(eq(outboxJobs.correlation, query.correlation));
  const baseWhere = base.length ? and(...base) : undefined;
  const where = query.status ? and(baseWhere, eq(outboxJobs.status, query.status)) : baseWhere;
  const limit = Math.min(Math.max(Math.trunc(query.limit), 1), 500);
  const offset = Math.max(Math.trunc(query.offset), 0);

  const [rows, byStatus] = await Promise.all([
    db.select().from(outboxJobs).where(where).orderBy(desc(outboxJobs.createdAt), desc(outboxJobs.id)).limit(limit).offset(offset),
    db.select({ status: outboxJobs.status, n: count() }).from(outboxJobs).where(baseWhere).groupBy(outboxJobs.status),
  ]);
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
  for (const { status, n } of byStatus) counts[status] = Number(n);
  const total = query.status ? counts[query.status] : OUTBOX_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  return { rows, total, counts };
}

/** Puts a dead job back in the queue, due now, with its attempts reset. Null unless the job is dead. */
export async function retryDeadJob(db: Db, id: string, opts: { now?: Clock } = {}): Promise<OutboxJob | null> {
  if (!isJobId(id)) return null;
  const now = (opts.now ?? systemClock)();
  const [row] = await db
    .update(outboxJobs)
    .set({ status: 'queued', attempts: 0, nextAttemptAt: now, lockedBy: null, lockedAt: null, updatedAt: now })
    .where(and(eq(outboxJobs.id, id), eq(outboxJobs.status, 'dead')))
    .returning();
  return row ?? null;
}

/**
 * Resolves a job waiting for a person: back in the queue, due now, attempts reset, `result` set to the decision
 * (the handler reads it). Exactly once: only a job still in needs_person is changed, so a second click or a
 * second admin gets null. Runs in the caller's transaction when given one.
 */
export async function releaseHeldJob(db: Db, id: string, decision: Record<string, unknown>, opts: { now?: Clock } = {}): Promise<OutboxJob | null> {
  if (!isJobId(id)) return null;
  const now = (opts.now ?? systemClock)();
  const [row] = await db
    .update(outboxJobs)
    .set({ status: 'queued', attempts: 0, nextAttemptAt: now, lockedBy: null, lockedAt: null, result: decision, updatedAt: now })
    .where(and(eq(outboxJobs.id, id), eq(outboxJobs.status, 'needs_person')))
    .returning();
  return row ?? null;
}

/** The queue's size for metrics and the system page: jobs per kind and state, and the oldest due queued job. */
export async function queueStats(db: Db, now: Date = new Date()): Promise<{ counts: { kind: string; status: string; n: number }[]; oldestDueAt: Date | null }> {
  const counts = await db
    .select({ kind: outboxJobs.kind, status: outboxJobs.status, n: count() })
    .from(outboxJobs)
    .groupBy(outboxJobs.kind, outboxJobs.status);
  const [oldest] = await db
    .select({ at: outboxJobs.nextAttemptAt })
    .from(outboxJobs)
    .where(and(eq(outboxJobs.status, 'queued'), lte(outboxJobs.nextAttemptAt, now)))
    .orderBy(asc(outboxJobs.nextAttemptAt))
    .limit(1);
  return { counts: counts.map((c) => ({ kind: c.kind, status: c.status, n: Number(c.n) })), oldestDueAt: oldest?.at ?? null };
}

/**
 * Graceful shutdown, after its grace period: the jobs these workers still hold go back to the queue, due now, so
 * that another instance takes them without waiting for the lease to run out. The attempt stays counted. A run
 * still in flight here can no longer record its outcome (its claim token is cleared).
 */
export async function releaseClaimsOf(db: Db, workerIds: readonly string[], now: Date = new Date()): Promise<number> {
  if (workerIds.length === 0) return 0;
  const rows = await db
    .update(outboxJobs)
    .set({ status: 'queued', nextAttemptAt: now, lockedBy: null, lockedAt: null, lockedUntil: null, claimToken: null, updatedAt: now })
    .where(and(eq(outboxJobs.status, 'running'), inArray(outboxJobs.lockedBy, [...workerIds])))
    .returning({ id: outboxJobs.id });
  return rows.length;
}
