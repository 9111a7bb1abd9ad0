/**
 * Health for load balancers (issue 11, point 7): can this instance serve? That is exactly "does the
 * database answer within a short timeout". It sends nothing to any vendor — a probe every few seconds from
 * every balancer would be noise at the vendors and an unauthenticated amplifier — and a vendor outage
 * does not make it fail: captures still queue, and taking every instance out of the balancer would turn a
 * Netcore outage into a full outage. How the vendors are doing is read from the console's real calls
 * (lib/vendors/observe.ts) and shown to admins only, on /admin/security.
 */
import 'server-only';
import { getDbHandle, pingDb } from '@/lib/db';
import { isDraining } from '@/lib/lifecycle';

export const HEALTH_DB_TIMEOUT_MS = 2_000;

export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: { ok: boolean; latencyMs: number; engine?: string };
  /** Shutting down (lib/shutdown.ts): the balancer should send requests elsewhere while it finishes its work. */
  draining?: true;
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function checkHealth(timeoutMs = HEALTH_DB_TIMEOUT_MS): Promise<HealthReport> {
  const started = performance.now();
  const outcome = await within(
    (async () => {
      // The process-wide handle knows its engine in every bundle (a per-module lookup would not).
      const handle = await getDbHandle();
      const ping = await pingDb(handle.db);
      return { ok: ping.ok, engine: handle.engine };
    })().catch(() => ({ ok: false, engine: undefined })),
    timeoutMs,
  );
  const latencyMs = Math.round(performance.now() - started);
  const database = outcome === 'timeout' ? { ok: false, latencyMs } : { ok: outcome.ok, latencyMs, engine: outcome.engine };
  if (isDraining()) return { status: 'unavailable', database, draining: true };
  return { status: database.ok ? 'ok' : 'unavailable', database };
}
