/**
 * Graceful shutdown (issue 13, point 4). On SIGTERM or SIGINT the instance:
 *   1. drains: claims no job (the worker stops polling, inline deliveries leave their job queued) and starts no
 *      lead sync (lib/lifecycle.ts); /api/health answers 503 so the load balancer sends requests elsewhere;
 *   2. lets the work in flight finish — the worker's batch, a sync run, inline deliveries and manual refreshes —
 *      for at most SHUTDOWN_GRACE_MS (20 s: two vendor timeouts at the default);
 *   3. releases what it still holds after that: its jobs go back to the queue (due now) and its leases are freed,
 *      so that another instance carries on at once instead of after the lease;
 *   4. stops accepting connections, closes the database (PGlite writes its data folder out and closes it: no torn
 *      folder), then exits 0.
 *
 * Next's own server installs SIGTERM/SIGINT handlers that close it and exit 143/130 at once (start-server.js);
 * installGracefulShutdown replaces them, since they would cut step 2 short.
 */
import 'server-only';
import { subscribe } from 'node:diagnostics_channel';
import type { Server } from 'node:http';
import { closeDb, getDbHandle } from '@/lib/db';
import { releaseLeasesOfThisProcess } from '@/lib/db/leases';
import { stopLeadSync } from '@/lib/leads/start-lead-sync';
import { beginDraining, inFlightCount, isDraining, waitForInFlight } from '@/lib/lifecycle';
import { log } from '@/lib/log';
import { defaultWorkerId, releaseClaimsOf, stopOutboxWorker } from '@/lib/outbox';
import { stopHeartbeat } from '@/lib/system/heartbeat';

export const SHUTDOWN_GRACE_MS = 20_000;

const globalForShutdown = globalThis as unknown as { __storedeskShutdown?: { installed: boolean; servers: Set<Server>; running?: Promise<void> } };
function state() {
  globalForShutdown.__storedeskShutdown ??= { installed: false, servers: new Set() };
  return globalForShutdown.__storedeskShutdown;
}

export interface ShutdownOptions {
  signal?: string;
  graceMs?: number;
  /** Default process.exit. */
  exit?: (code: number) => void;
}

/** Resolves true when `work` settled before `deadline`, false otherwise (the work goes on, unawaited). */
async function before(work: Promise<unknown>, deadline: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const result = await Promise.race([
    work.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((r) => (timer = setTimeout(() => r(false), Math.max(0, deadline - Date.now())))),
  ]);
  clearTimeout(timer);
  return result;
}

/** The shutdown itself; a second signal while it runs waits for the same one. */
export function shutdownGracefully(opts: ShutdownOptions = {}): Promise<void> {
  const s = state();
  s.running ??= (async () => {
    const started = Date.now();
    const deadline = started + (opts.graceMs ?? SHUTDOWN_GRACE_MS);
    beginDraining();
    log('info', 'server.shutdown_started', { signal: opts.signal ?? null, inFlight: inFlightCount(), graceMs: deadline - started });

    const drained = await before(Promise.all([stopOutboxWorker(), stopLeadSync(), waitForInFlight(deadline)]), deadline);

    // What this instance still holds goes to the others now (nothing, when everything finished in time): its jobs
    // back to the queue, its leases freed.
    let released = { jobs: 0, leases: 0 };
    try {
      const { db } = await getDbHandle();
      released = { jobs: await releaseClaimsOf(db, [defaultWorkerId(), defaultWorkerId('inline')]), leases: await releaseLeasesOfThisProcess(db) };
    } catch (error) {
      log('warn', 'server.shutdown_release_failed', { error: error instanceof Error ? error.message : String(error) });
    }
    // Only now no new connections: while draining, /api/health answers 503 (the balancer moves requests to the
    // others) but connections are still accepted — in sandbox mode the vendors' simulators are this very server,
    // and a vendor call in flight may still need a new connection to it.
    for (const server of s.servers) server.close();
    stopHeartbeat();
    try {
      await closeDb();
    } catch (error) {
      log('error', 'server.shutdown_db_close_failed', { error: error instanceof Error ? error.message : String(error) });
    }
    log('info', 'server.shutdown_done', { drained, releasedJobs: released.jobs, releasedLeases: released.leases, ms: Date.now() - started });
    (opts.exit ?? ((code: number) => process.exit(code)))(0);
  })();
  return s.running;
}

/**
 * Installs the SIGTERM/SIGINT handlers once per process (lib/server-start.ts), in place of Next's, and notes the
 * HTTP servers as they serve their first request (to stop accepting connections at shutdown).
 */
export function installGracefulShutdown(): void {
  const s = state();
  if (s.installed) return;
  s.installed = true;
  subscribe('http.server.request.start', (message) => {
    const server = (message as { server?: Server }).server;
    if (server && !s.servers.has(server)) s.servers.add(server);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      if (isDraining()) return;
      void shutdownGracefully({ signal });
    });
  }
}
