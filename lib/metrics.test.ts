/**
 * Issue 17: /api/metrics refuses without the METRICS_TOKEN bearer token and exposes the listed series; a vendor
 * call moves the vendor counters and latency histogram by outcome (ok, a refusal, a failure).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VendorError, vendorRequest } from '@/lib/vendors/http';
import { metricValue } from '@/lib/testing/metrics';
import { metricsAuthorized, routePattern, setQueueGauges } from './metrics';
import { metricsResponse } from './metrics-endpoint';

const value = metricValue;

const call = (status: number) =>
  vendorRequest({
    vendor: 'netcore',
    operation: 'testOperation',
    method: 'GET',
    url: 'http://vendor.test/x',
    schema: z.object({ ok: z.boolean() }),
    timeoutMs: 1000,
    secrets: [],
    fetchImpl: async () => new Response(JSON.stringify(status === 200 ? { ok: true } : { error: 'no' }), { status, headers: { 'content-type': 'application/json' } }),
  });

afterEach(() => setQueueGauges([], null));

describe('metrics', () => {
  it('a vendor call moves its counter by outcome and its latency histogram; a failure counts as failure', async () => {
    const labels = (outcome: string) => ({ vendor: 'netcore', operation: 'testOperation', outcome });
    const before = { ok: await value('storedesk_vendor_calls_total', labels('ok')), failure: await value('storedesk_vendor_calls_total', labels('failure')), refused: await value('storedesk_vendor_calls_total', labels('refused')) };
    const countBefore = await value('storedesk_vendor_call_duration_seconds', { vendor: 'netcore', operation: 'testOperation', le: '+Inf' });
    await call(200);
    await expect(call(503)).rejects.toBeInstanceOf(VendorError);
    await expect(call(400)).rejects.toBeInstanceOf(VendorError);
    expect(await value('storedesk_vendor_calls_total', labels('ok'))).toBe(before.ok + 1);
    expect(await value('storedesk_vendor_calls_total', labels('failure'))).toBe(before.failure + 1);
    expect(await value('storedesk_vendor_calls_total', labels('refused'))).toBe(before.refused + 1);
    expect(await value('storedesk_vendor_call_duration_seconds', { vendor: 'netcore', operation: 'testOperation', le: '+Inf' })).toBe(countBefore + 3);
  });

  it('refuses without the bearer token, with a wrong one, and when no token is configured', async () => {
    for (const [auth, token] of [[null, 'scrape-token-1234'], ['Bearer wrong-token-12345', 'scrape-token-1234'], ['scrape-token-1234', 'scrape-token-1234'], ['Bearer ', undefined], [null, undefined]] as const) {
      const res = await metricsResponse(auth, { token, queue: async () => ({ counts: [], oldestDueAt: null }) });
      expect(res.status, `${auth} / ${token}`).toBe(401);
      expect(await res.text()).not.toContain('storedesk_');
    }
    expect(metricsAuthorized('Bearer scrape-token-1234', 'scrape-token-1234')).toBe(true);
  });

  it('with the token: Prometheus text with every listed series', async () => {
    const ok = await metricsResponse('Bearer scrape-token-1234', {
      token: 'scrape-token-1234',
      queue: async () => ({ counts: [{ kind: 'capture.lead', status: 'queued', n: 3 }], oldestDueAt: new Date(Date.now() - 90_000) }),
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/plain');
    const res = await ok.text();
    for (const name of [
      'storedesk_vendor_calls_total',
      'storedesk_vendor_call_duration_seconds_bucket',
      'storedesk_outbox_jobs',
      'storedesk_outbox_oldest_due_job_age_seconds',
      'storedesk_lead_sync_duration_seconds',
      'storedesk_lead_sync_last_success_timestamp_seconds',
      'storedesk_sign_in_failures_total',
      'storedesk_sign_in_lockouts_total',
      'storedesk_loyalty_code_changes_total',
      'storedesk_privacy_lookups_total',
      'storedesk_http_requests_total',
      'storedesk_captures_total',
      'storedesk_outbox_job_runs_total',
    ]) expect(res, name).toContain(`${name}`);
    expect(res).toContain('storedesk_outbox_jobs{kind="capture.lead",state="queued"} 3');
    expect(await value('storedesk_outbox_oldest_due_job_age_seconds', {})).toBeGreaterThanOrEqual(89);
    expect(res).toContain('# TYPE storedesk_vendor_calls_total counter');
  });

  it('route labels are patterns: ids and build files do not multiply the series', () => {
    expect(routePattern('/leads/65f1a2b3c4d5e6f708192a3b?view=board')).toBe('/leads/[id]');
    expect(routePattern('/_next/static/chunks/abc.js')).toBe('/_next/static');
    expect(routePattern('/privacy/123/x/y/z')).toBe('/privacy/[id]/x');
    expect(routePattern('/')).toBe('/');
  });
});
