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
}

interface RegisteredHandler {
  run: OutboxHandler<unknown>;
  schema?: z.ZodType<unknown>;
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
  registry().set(kind, {
    // Safe: when a schema is given the payload is parsed into P before the call; without one the
    // handler's author vouches for what their enqueue() stored.
    run: handler as OutboxHandler<unknown>,
    schema: options.schema as z.ZodType<unknown> | undefined,
  });
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
