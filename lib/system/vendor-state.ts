/**
 * Each vendor's state on /admin/system (issue 17), added up from every live instance's own view of the last
 * 15 minutes (lib/vendors/observe.ts, published with each heartbeat): calls, failures, error rate, p95 latency,
 * last success, and last failure with its reason in plain words. Pure: tested without a database.
 */
import type { VendorWindowStats } from '@/lib/vendors/observe';

export type VendorName = VendorWindowStats['vendor'];
export const VENDORS: readonly VendorName[] = ['footprints', 'netcore', 'loyalty'];

export interface VendorState {
  vendor: VendorName;
  calls: number;
  failures: number;
  /** failures / calls over the window, 0..1; null without calls. */
  errorRate: number | null;
  /** Nearest-rank 95th percentile of the calls' durations; null without calls. */
  p95Ms: number | null;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  /** Why the last failure happened, in words an admin reads (never a body, URL or person). */
  lastFailureReason: string | null;
}

export function p95(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.95 * sorted.length) - 1];
}

/** A failure's kind and status as a sentence. */
export function failureInWords(f: { operation: string; kind: string; status: number }): string {
  const during = ` (${f.operation})`;
  if (f.kind === 'timeout') return `No answer in time${during}`;
  if (f.kind === 'network') return `Could not be reached${during}`;
  if (f.kind === 'invalid_response') return `Answered something the console could not read${during}`;
  if (f.status === 429) return `Refused: too many requests, HTTP 429${during}`;
  if (f.status >= 500) return `Had an error of its own, HTTP ${f.status}${during}`;
  if (f.status === 401 || f.status === 403) return `Refused the console's credentials, HTTP ${f.status}${during}`;
  if (f.status > 0) return `Refused the request, HTTP ${f.status}${during}`;
  return `Failed${during}`;
}

const later = (a: string | null, b: string | null) => (!a ? b : !b ? a : a >= b ? a : b);

/** Adds up the instances' views; a vendor no instance has called shows with zero calls. */
export function mergeVendorStats(views: readonly (readonly VendorWindowStats[])[]): VendorState[] {
  return VENDORS.map((vendor) => {
    let calls = 0;
    let failures = 0;
    const latencies: number[] = [];
    let lastSuccessAt: string | null = null;
    let lastFailureAt: string | null = null;
    let lastFailure: VendorWindowStats['lastFailure'] = null;
    for (const view of views) {
      const v = view.find((x) => x.vendor === vendor);
      if (!v) continue;
      calls += v.calls;
      failures += v.failures;
      latencies.push(...v.latenciesMs);
      lastSuccessAt = later(lastSuccessAt, v.lastSuccessAt);
      if (v.lastFailureAt && later(lastFailureAt, v.lastFailureAt) === v.lastFailureAt) {
        lastFailureAt = v.lastFailureAt;
        lastFailure = v.lastFailure;
      }
    }
    return {
      vendor,
      calls,
      failures,
      errorRate: calls ? failures / calls : null,
      p95Ms: p95(latencies),
      lastSuccessAt,
      lastFailureAt,
      lastFailureReason: lastFailure ? failureInWords(lastFailure) : null,
    };
  });
}

/** What a heartbeat row's jsonb holds, read back defensively (an older instance may publish less). */
export function parseVendorStats(value: unknown): VendorWindowStats[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v): VendorWindowStats[] => {
    if (!v || typeof v !== 'object') return [];
    const o = v as Record<string, unknown>;
    if (!VENDORS.includes(o.vendor as VendorName)) return [];
    const str = (x: unknown) => (typeof x === 'string' ? x : null);
    const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
    const lf = o.lastFailure as Record<string, unknown> | null | undefined;
    return [
      {
        vendor: o.vendor as VendorName,
        calls: num(o.calls),
        failures: num(o.failures),
        latenciesMs: Array.isArray(o.latenciesMs) ? o.latenciesMs.filter((x): x is number => typeof x === 'number') : [],
        lastSuccessAt: str(o.lastSuccessAt),
        lastFailureAt: str(o.lastFailureAt),
        lastFailure: lf && typeof lf === 'object' ? { operation: String(lf.operation ?? ''), kind: String(lf.kind ?? ''), status: num(lf.status) } : null,
      },
    ];
  });
}

/** "3 d 4 h", "2 h 5 min", "40 s": how long an instance has run, or how long a job has waited. */
export function durationInWords(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  if (d) return `${d} d ${h} h`;
  if (h) return `${h} h ${m} min`;
  if (m) return `${m} min`;
  return `${s} s`;
}
