/**
 * Health: can the console reach its database and each vendor? A vendor counts as reachable when its
 * host answers at all (any HTTP status below 500) within a short timeout: the check sends no credentials
 * and its report carries no URL, so it is safe to expose without sign-in.
 */
import 'server-only';
import { getConfig } from '@/lib/config';
import { getDbHandle, pingDb } from '@/lib/db';

type Check = { ok: boolean; latencyMs: number; detail?: string };

async function probe(url: string, timeoutMs: number): Promise<Check> {
  const started = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetch(url, { method: 'GET', signal: controller.signal, cache: 'no-store' });
    await res.body?.cancel();
    return { ok: res.status < 500, latencyMs: Math.round(performance.now() - started), detail: `HTTP ${res.status}` };
  } catch {
    return { ok: false, latencyMs: Math.round(performance.now() - started), detail: controller.signal.aborted ? 'timeout' : 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  sandbox: boolean;
  database: Check & { engine?: string };
  vendors: { footprints: Check; netcoreApi: Check; netcoreActivity: Check; loyalty: Check };
}

export async function checkHealth(): Promise<HealthReport> {
  const config = getConfig();
  const timeout = Math.min(3000, config.vendorTimeoutMs);
  const [database, footprints, netcoreApi, netcoreActivity, loyalty] = await Promise.all([
    (async (): Promise<HealthReport['database']> => {
      try {
        // The process-wide handle knows its engine in every bundle (a per-module lookup would not).
        const handle = await getDbHandle();
        const ping = await pingDb(handle.db);
        return { ok: ping.ok, latencyMs: ping.latencyMs, engine: handle.engine, detail: ping.ok ? undefined : 'query failed' };
      } catch {
        return { ok: false, latencyMs: 0, detail: 'cannot open' };
      }
    })(),
    probe(`${config.footprints.baseUrl.replace(/\/+$/, '')}/api/token`, timeout),
    probe(config.netcore.apiBaseUrl, timeout),
    probe(`${config.netcore.activityBaseUrl.replace(/\/+$/, '')}/v1/activity/upload`, timeout),
    probe(config.loyalty.tokenUrl, timeout),
  ]);
  const vendors = { footprints, netcoreApi, netcoreActivity, loyalty };
  const ok = database.ok && Object.values(vendors).every((v) => v.ok);
  return { status: ok ? 'ok' : 'degraded', sandbox: config.sandbox, database, vendors };
}
