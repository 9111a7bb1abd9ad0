/**
 * Prometheus metrics (issue 17), with prom-client: one registry per process (kept on globalThis, as Next may load
 * this module more than once), read by GET /api/metrics (bearer METRICS_TOKEN). Labels are closed sets (vendor,
 * operation, outcome, kind, state, route pattern, status): never a person, an id or a message.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

function build() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'storedesk_process_' });
  const m = {
    registry,
    vendorCalls: new Counter({ name: 'storedesk_vendor_calls_total', help: 'Vendor calls by vendor, operation and outcome (ok, refused: a 4xx answer, failure: timeout, network, 5xx, 429, unreadable).', labelNames: ['vendor', 'operation', 'outcome'], registers: [registry] }),
    vendorLatency: new Histogram({ name: 'storedesk_vendor_call_duration_seconds', help: 'Vendor call latency.', labelNames: ['vendor', 'operation'], buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry] }),
    outboxJobs: new Gauge({ name: 'storedesk_outbox_jobs', help: 'Sync-queue jobs by kind and state (read from the database at scrape time).', labelNames: ['kind', 'state'], registers: [registry] }),
    outboxOldestDue: new Gauge({ name: 'storedesk_outbox_oldest_due_job_age_seconds', help: 'How long the oldest due queued job has been due (0: none due).', registers: [registry] }),
    leadSyncDuration: new Histogram({ name: 'storedesk_lead_sync_duration_seconds', help: 'Lead read-model sync duration by result.', labelNames: ['result'], buckets: [0.5, 1, 2.5, 5, 10, 30, 60, 120], registers: [registry] }),
    leadSyncLastSuccess: new Gauge({ name: 'storedesk_lead_sync_last_success_timestamp_seconds', help: 'When this instance last finished a lead sync successfully (Unix seconds; 0: never).', registers: [registry] }),
    signInFailures: new Counter({ name: 'storedesk_sign_in_failures_total', help: 'Failed sign-ins (wrong PIN or password, or refused by the guard).', registers: [registry] }),
    signInLockouts: new Counter({ name: 'storedesk_sign_in_lockouts_total', help: 'Sign-in keys (address, device, username) that reached the lockout.', registers: [registry] }),
    redemptions: new Counter({ name: 'storedesk_loyalty_code_changes_total', help: 'Loyalty code redemptions and blocks by target status and outcome.', labelNames: ['status', 'outcome'], registers: [registry] }),
    privacyLookups: new Counter({ name: 'storedesk_privacy_lookups_total', help: 'Privacy look-up windows by outcome.', labelNames: ['outcome'], registers: [registry] }),
    captures: new Counter({ name: 'storedesk_captures_total', help: 'Lead captures by outcome at the tap (sent: Footprints has it; waiting: queued to sync; rejected: Footprints refused it). A repeated tap of one form is not counted again.', labelNames: ['outcome'], registers: [registry] }),
    outboxJobRuns: new Counter({ name: 'storedesk_outbox_job_runs_total', help: 'Sync-queue job runs by kind and outcome (done, retry, dead, lost: the lease ran out first).', labelNames: ['kind', 'outcome'], registers: [registry] }),
    httpRequests: new Counter({ name: 'storedesk_http_requests_total', help: 'HTTP requests by route pattern and status.', labelNames: ['route', 'status'], registers: [registry] }),
  };
  return m;
}

type Metrics = ReturnType<typeof build>;
const globalForMetrics = globalThis as unknown as { __storedeskMetrics?: Metrics };

export function metrics(): Metrics {
  return (globalForMetrics.__storedeskMetrics ??= build());
}

export type VendorCallOutcome = 'ok' | 'refused' | 'failure';

export function recordVendorCall(vendor: string, operation: string, outcome: VendorCallOutcome, seconds: number): void {
  const m = metrics();
  m.vendorCalls.inc({ vendor, operation, outcome });
  m.vendorLatency.observe({ vendor, operation }, seconds);
}

export function recordLeadSync(result: 'ok' | 'failed', seconds: number, at = new Date()): void {
  const m = metrics();
  m.leadSyncDuration.observe({ result }, seconds);
  if (result === 'ok') m.leadSyncLastSuccess.set(at.getTime() / 1000);
}

export function recordSignInFailure(): void {
  metrics().signInFailures.inc();
}

export function recordSignInLockout(): void {
  metrics().signInLockouts.inc();
}

export function recordLoyaltyCodeChange(status: string, outcome: 'success' | 'refused' | 'failure'): void {
  metrics().redemptions.inc({ status, outcome });
}

export function recordCapture(outcome: 'sent' | 'waiting' | 'rejected'): void {
  metrics().captures.inc({ outcome });
}

export function recordOutboxJobRun(kind: string, outcome: 'done' | 'retry' | 'dead' | 'needs_person' | 'lost'): void {
  metrics().outboxJobRuns.inc({ kind, outcome });
}

export function recordPrivacyLookup(outcome: 'ok' | 'failed'): void {
  metrics().privacyLookups.inc({ outcome });
}

/**
 * A path as a route pattern, so that the label set stays small: ids (hex, digits, uuids, long tokens) become
 * `[id]`, Next's build files one `/_next/static` and at most three segments are kept.
 */
export function routePattern(path: string): string {
  const clean = path.split('?')[0] ?? '/';
  if (clean.startsWith('/_next/static/')) return '/_next/static';
  const segments = clean.split('/').filter(Boolean).slice(0, 3);
  const named = segments.map((s) => (/^[0-9a-f]{8,}$/i.test(s) || /^\d+$/.test(s) || /^[0-9a-f-]{36}$/i.test(s) || s.length > 40 ? '[id]' : s));
  return `/${named.join('/')}`;
}

export function recordHttpRequest(path: string, status: number): void {
  metrics().httpRequests.inc({ route: routePattern(path), status: String(status) });
}

/** Sets the queue gauges from a count per kind and state and the oldest due job's due time. */
export function setQueueGauges(counts: readonly { kind: string; status: string; n: number }[], oldestDueAt: Date | null, now = new Date()): void {
  const m = metrics();
  m.outboxJobs.reset();
  for (const c of counts) m.outboxJobs.set({ kind: c.kind, state: c.status }, c.n);
  m.outboxOldestDue.set(oldestDueAt ? Math.max(0, (now.getTime() - oldestDueAt.getTime()) / 1000) : 0);
}

/** Bearer check in constant time; no token configured refuses every request. */
export function metricsAuthorized(authorization: string | null, token: string | undefined): boolean {
  if (!token) return false;
  const expected = `Bearer ${token}`;
  const given = authorization ?? '';
  if (given.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ given.charCodeAt(i);
  return diff === 0;
}
