/**
 * The handler registry: one async function per job kind. A handler returns the job's result (stored as
 * JSON, e.g. the vendor's lead id) or throws: an error with `retryable === true` (VendorError has it)
 * puts the job back in the queue with backoff, any other error makes it dead at once.
 */
import type { z } from 'zod';
import type { Db } from '@/lib/db';
import type { OutboxJob } from '@/lib/db/schema';

export interface OutboxHandlerContext {
  /** The database the job lives in, for follow-up jobs (enqueue) or bookkeeping. */
  db: Db;
  /** The job as claimed: attempts already counts this run. */
  job: Readonly<OutboxJob>;
  /** 1 on the first run. */
  attempt: number;
}

export type OutboxHandler<P = unknown> = (payload: P, ctx: OutboxHandlerContext) => Promise<unknown>;

export interface RegisterHandlerOptions<P> {
  /** Parses the stored payload before the handler sees it; a payload that fails is dead at once. */
  schema?: z.ZodType<P>;
  /**
   * The most vendor calls one run makes (token calls included). A claim of the kind lasts that many vendor
   * timeouts plus a margin (claimLeaseMs), and is renewed while the run goes on; without it, DEFAULT_LEASE_MS.
   */
  vendorCalls?: number;
}

/** One job of a batch, its payload parsed by the kind's schema when it has one. */
export interface OutboxBatchItem<P = unknown> {
  job: Readonly<OutboxJob>;
  payload: P;
}

/**
 * What became of one job of a batch: done (with its result), or failed — retried with backoff when
 * `retryable` is true (or the error carries `retryable: true`), dead otherwise.
 */
export type OutboxBatchOutcome = { ok: true; result?: unknown } | { ok: false; error: unknown; retryable?: boolean };

export interface OutboxBatchContext {
  db: Db;
}

/**
 * Handles several jobs of one kind in one go (e.g. one vendor request for up to 1000 activities).
 * Returns one outcome per item, in the items' order. Throwing settles every job of the batch alike:
 * retried when the error is retryable, dead otherwise.
 */
export type OutboxBatchHandler<P = unknown> = (items: readonly OutboxBatchItem<P>[], ctx: OutboxBatchContext) => Promise<readonly OutboxBatchOutcome[]>;

export interface RegisterBatchHandlerOptions<P> extends RegisterHandlerOptions<P> {
  /** At most this many jobs per batch (and per claim of a worker poll). Default 100. */
  maxBatch?: number;
}

interface RegisteredHandler {
  run: OutboxHandler<unknown>;
  schema?: z.ZodType<unknown>;
  vendorCalls?: number;
  /** Set for kinds registered with registerBatchHandler: the worker claims and runs them together. */
  batch?: { run: OutboxBatchHandler<unknown>; maxBatch: number };
}

// Next may load this module more than once per process; the worker must see every registration.
const globalForHandlers = globalThis as unknown as { __storedeskOutboxHandlers?: Map<string, RegisteredHandler> };
function registry(): Map<string, RegisteredHandler> {
  globalForHandlers.__storedeskOutboxHandlers ??= new Map();
  return globalForHandlers.__storedeskOutboxHandlers;
}

/** Registers (or replaces) the handler for a kind. */
export function registerHandler<P = unknown>(kind: string, handler: OutboxHandler<P>, options: RegisterHandlerOptions<P> = {}): void {
  if (!kind.trim()) throw new Error('registerHandler: kind is required');
  checkVendorCalls(options.vendorCalls);
  registry().set(kind, {
    vendorCalls: options.vendorCalls,
    // Safe: when a schema is given the payload is parsed into P before the call; without one the
    // handler's author vouches for what their enqueue() stored.
    run: handler as OutboxHandler<unknown>,
    schema: options.schema as z.ZodType<unknown> | undefined,
  });
}

/**
 * Registers (or replaces) a batch handler for a kind: a worker poll claims up to `maxBatch` due jobs of
 * the kind at once and hands them over together, then settles each job from its own outcome. A single
 * job (deliverNow, runJob) runs as a batch of one, so every outbox entry point works for the kind.
 */
export function registerBatchHandler<P = unknown>(kind: string, handler: OutboxBatchHandler<P>, options: RegisterBatchHandlerOptions<P> = {}): void {
  if (!kind.trim()) throw new Error('registerBatchHandler: kind is required');
  const maxBatch = options.maxBatch ?? 100;
  if (!Number.isInteger(maxBatch) || maxBatch < 1 || maxBatch > 10_000) throw new Error('registerBatchHandler: maxBatch must be an integer from 1 to 10000');
  // Same reasoning as registerHandler: the schema parses each payload into P before the call.
  const batchRun = handler as OutboxBatchHandler<unknown>;
  const single: OutboxHandler<unknown> = async (payload, ctx) => {
    const [outcome] = await batchRun([{ job: ctx.job, payload }], { db: ctx.db });
    if (!outcome) throw new RetryableError('the batch handler returned no outcome for the job');
    if (outcome.ok) return outcome.result;
    throw asRetryable(outcome.error, outcome.retryable);
  };
  checkVendorCalls(options.vendorCalls);
  registry().set(kind, { run: single, schema: options.schema as z.ZodType<unknown> | undefined, vendorCalls: options.vendorCalls, batch: { run: batchRun, maxBatch } });
}

function checkVendorCalls(calls: number | undefined): void {
  if (calls !== undefined && (!Number.isInteger(calls) || calls < 1 || calls > 1000)) throw new Error('vendorCalls must be an integer from 1 to 1000');
}

/** The error of a failed outcome, carrying the outcome's own retryability when it states one. */
export function asRetryable(error: unknown, retryable: boolean | undefined): unknown {
  if (retryable === undefined || isRetryableError(error) === retryable) return error;
  const message = error instanceof Error ? error.message : String(error);
  return retryable ? new RetryableError(message) : new Error(message);
}

export function unregisterHandler(kind: string): void {
  registry().delete(kind);
}

export function getHandler(kind: string): RegisteredHandler | undefined {
  return registry().get(kind);
}

export function registeredKinds(): string[] {
  return [...registry().keys()];
}

/** Thrown by a handler to ask for a retry later when the cause is not a VendorError. */
export class RetryableError extends Error {
  readonly retryable = true;
  constructor(message: string) {
    super(message);
    this.name = 'RetryableError';
  }
}

/** Duck-typed so that any error carrying `retryable: true` (VendorError, RetryableError) is retried. */
export function isRetryableError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'retryable' in error && (error as { retryable: unknown }).retryable === true;
}

/**
 * Thrown by a handler that cannot decide on its own (issue 13: a lost add-lead answer whose lead the vendor's
 * list can neither show nor rule out). The job leaves the queue for `needs_person` with `detail` as its result
 * (what the admin needs to choose: no secrets, only what the page shows), until an admin resolves it
 * (releaseHeldJob). Never retried by the worker.
 */
export class NeedsPersonError extends Error {
  readonly retryable = false;
  readonly needsPerson = true;
  constructor(
    message: string,
    readonly detail: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'NeedsPersonError';
  }
}

export function isNeedsPersonError(error: unknown): error is NeedsPersonError {
  return typeof error === 'object' && error !== null && (error as { needsPerson?: unknown }).needsPerson === true && 'detail' in error;
}
