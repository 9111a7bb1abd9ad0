/**
 * Test helpers for the outbox's own tests (outbox, batch, state machine): handler kinds unique per test and
 * unregistered after it, and a clock a fixed time after a base.
 */
import { afterEach } from 'vitest';
import type { z } from 'zod';
import { registerBatchHandler, registerHandler, unregisterHandler, type OutboxBatchHandler, type OutboxHandler } from './index';

/**
 * Kinds named `<prefix><n>` (batch kinds `<prefix>batch<n>`), so handlers and jobs never cross between tests
 * sharing a database; each test's kinds are unregistered after it. Call once, at a test file's top level.
 */
export function testKinds(prefix: string) {
  let seq = 0;
  const registered: string[] = [];
  afterEach(() => {
    registered.splice(0).forEach(unregisterHandler);
  });
  return {
    /** A fresh kind name that is never registered. */
    unusedKind: (label: string) => `${prefix}${label}${++seq}`,
    useKind<P>(handler: OutboxHandler<P>, schema?: z.ZodType<P>): string {
      const kind = `${prefix}${++seq}`;
      registerHandler(kind, handler, { schema });
      registered.push(kind);
      return kind;
    },
    useBatchKind<P>(handler: OutboxBatchHandler<P>, maxBatch: number, schema?: z.ZodType<P>): string {
      const kind = `${prefix}batch${++seq}`;
      registerBatchHandler(kind, handler, { maxBatch, schema });
      registered.push(kind);
      return kind;
    },
  };
}

/** A clock standing `ms` after `base`. */
export const at = (base: Date, ms: number) => () => new Date(base.getTime() + ms);
