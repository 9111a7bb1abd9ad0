/**
 * What this console instance has seen of each vendor, from the real calls it makes (issue 11, point 7):
 * last success, last failure (its kind and status, never a body or URL), and the error rate of the recent
 * calls. Nothing is ever sent to a vendor to find out. Per instance and in memory on purpose: it describes
 * this instance's view, and costs nothing on the call path. No breaker exists yet; when one does it
 * reports its state here.
 */
import type { VendorName } from './http';

const WINDOW = 50;

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

interface State {
  calls: number;
  recent: boolean[];
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
    s = { calls: 0, recent: [], lastSuccessAt: null, lastFailureAt: null, lastFailure: null };
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
): void {
  const s = stateOf(vendor);
  s.calls += 1;
  const failed = !outcome.ok && (outcome.retryable || outcome.kind === 'invalid_response');
  s.recent.push(failed);
  if (s.recent.length > WINDOW) s.recent.shift();
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

/** Tests start from nothing. */
export function resetVendorObservations(): void {
  states().clear();
}
