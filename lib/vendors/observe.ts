/**
 * What this console instance has seen of each vendor, from the real calls it makes (issue 11, point 7):
 * last success, last failure (its kind and status, never a body or URL), and the error rate of the recent
 * calls. Nothing is ever sent to a vendor to find out. Per instance and in memory on purpose: it describes
 * this instance's view, and costs nothing on the call path. No breaker exists yet; when one does it
 * reports its state here.
 */
import type { VendorName } from './http';

const WINDOW = 50;
/** The system page's window (issue 17): calls of the last 15 minutes, at most this many kept per vendor. */
export const RECENT_WINDOW_MS = 15 * 60_000;
const RECENT_MAX = 2_000;

export interface VendorObservation {
  vendor: VendorName;
  calls: number;
  recentCalls: number;
  recentFailures: number;
  /** Failures among the last WINDOW calls, 0..1; null before any call. */
  errorRate: number | null;
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
  lastFailure: { operation: string; kind: string; status: number } | null;
}

interface Sample {
  at: number;
  failed: boolean;
  ms: number;
}

interface State {
  calls: number;
  recent: boolean[];
  /** The last 15 minutes' calls (time, failed, duration), oldest first. */
  samples: Sample[];
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
  lastFailure: VendorObservation['lastFailure'];
}

const globalForObs = globalThis as unknown as { __storedeskVendorObs?: Map<VendorName, State> };
function states(): Map<VendorName, State> {
  return (globalForObs.__storedeskVendorObs ??= new Map());
}

function stateOf(vendor: VendorName): State {
  let s = states().get(vendor);
  if (!s) {
    s = { calls: 0, recent: [], samples: [], lastSuccessAt: null, lastFailureAt: null, lastFailure: null };
    states().set(vendor, s);
  }
  return s;
}

/**
 * Records one finished call. A vendor's "no" to a request (4xx other than 429) is an answer, not an
 * outage: only timeouts, network errors, 5xx, 429 and unreadable answers count as failures.
 */
export function observeVendorCall(
  vendor: VendorName,
  outcome: { ok: true } | { ok: false; operation: string; kind: string; status: number; retryable: boolean },
  at = new Date(),
  durationMs = 0,
): void {
  const s = stateOf(vendor);
  s.calls += 1;
  const failed = !outcome.ok && (outcome.retryable || outcome.kind === 'invalid_response');
  s.recent.push(failed);
  if (s.recent.length > WINDOW) s.recent.shift();
  s.samples.push({ at: at.getTime(), failed, ms: Math.max(0, Math.round(durationMs)) });
  prune(s, at.getTime());
  if (!failed) s.lastSuccessAt = at;
  else if (!outcome.ok) {
    s.lastFailureAt = at;
    s.lastFailure = { operation: outcome.operation, kind: outcome.kind, status: outcome.status };
  }
}

export function vendorObservations(): VendorObservation[] {
  return (['footprints', 'netcore', 'loyalty'] as const).map((vendor) => {
    const s = states().get(vendor);
    const recentFailures = s ? s.recent.filter(Boolean).length : 0;
    return {
      vendor,
      calls: s?.calls ?? 0,
      recentCalls: s?.recent.length ?? 0,
      recentFailures,
      errorRate: s && s.recent.length ? recentFailures / s.recent.length : null,
      lastSuccessAt: s?.lastSuccessAt ?? null,
      lastFailureAt: s?.lastFailureAt ?? null,
      lastFailure: s?.lastFailure ?? null,
    };
  });
}

function prune(s: State, now: number): void {
  const from = now - RECENT_WINDOW_MS;
  let drop = 0;
  while (drop < s.samples.length && s.samples[drop].at < from) drop++;
  if (s.samples.length - drop > RECENT_MAX) drop = s.samples.length - RECENT_MAX;
  if (drop) s.samples.splice(0, drop);
}

/**
 * This instance's view of one vendor over the last 15 minutes, as it is published with the heartbeat
 * (lib/system/heartbeat.ts) and added up across instances on /admin/system: no person, id, URL or body.
 */
export interface VendorWindowStats {
  vendor: VendorName;
  calls: number;
  failures: number;
  /** Each call's duration, for a p95 over every instance's calls. */
  latenciesMs: number[];
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  lastFailure: { operation: string; kind: string; status: number } | null;
}

export function vendorWindowStats(now = new Date()): VendorWindowStats[] {
  return (['footprints', 'netcore', 'loyalty'] as const).map((vendor) => {
    const s = states().get(vendor);
    if (s) prune(s, now.getTime());
    const samples = s?.samples ?? [];
    return {
      vendor,
      calls: samples.length,
      failures: samples.filter((x) => x.failed).length,
      latenciesMs: samples.map((x) => x.ms),
      lastSuccessAt: s?.lastSuccessAt?.toISOString() ?? null,
      lastFailureAt: s?.lastFailureAt?.toISOString() ?? null,
      lastFailure: s?.lastFailure ?? null,
    };
  });
}

/** Tests start from nothing. */
export function resetVendorObservations(): void {
  states().clear();
}
