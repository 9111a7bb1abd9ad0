/**
 * Issue 17, traces: a vendor call makes one span with vendor, operation, outcome and status; a sync-queue job run
 * makes one span with its kind, attempt and outcome; no attribute carries personal data, a URL or a key — here an
 * in-memory exporter stands in for the OTLP one (lib/tracing-export.test.ts sends them over OTLP/HTTP).
 */
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDb, type DbHandle } from '@/lib/db';
import { enqueue, registerHandler, runDueJobs, unregisterHandler } from '@/lib/outbox';
import { VendorError, vendorRequest } from '@/lib/vendors/http';

const exporter = new InMemorySpanExporter();
let handle: DbHandle;
beforeAll(async () => {
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  handle = await createDb({ memory: true });
});
afterAll(async () => {
  unregisterHandler('test.traced');
  unregisterHandler('test.traced-fail');
  await handle.close();
  trace.disable();
});

const EMAIL = 'ana.popescu@example.com';
const call = (status: number) =>
  vendorRequest({
    vendor: 'netcore',
    operation: 'addContact',
    method: 'POST',
    url: `http://vendor.test/apiv2?apikey=secret-key-123&email=${encodeURIComponent(EMAIL)}`,
    body: { kind: 'json', value: { email: EMAIL } },
    schema: z.object({ ok: z.boolean() }),
    timeoutMs: 1000,
    secrets: ['secret-key-123'],
    fetchImpl: async () => new Response(JSON.stringify(status === 200 ? { ok: true } : { error: EMAIL }), { status, headers: { 'content-type': 'application/json' } }),
  });

const attributeText = () => JSON.stringify(exporter.getFinishedSpans().map((s) => ({ name: s.name, attributes: s.attributes, status: s.status })));

describe('spans', () => {
  it('one per vendor call: vendor, operation, outcome, status; one per job run: kind, attempt, outcome; no personal data', async () => {
    exporter.reset();
    await call(200);
    await expect(call(503)).rejects.toBeInstanceOf(VendorError);
    await expect(call(400)).rejects.toBeInstanceOf(VendorError);
    registerHandler('test.traced', async () => {
      await call(200);
    });
    await enqueue(handle.db, { kind: 'test.traced', idempotencyKey: 'traced-1', payload: { email: EMAIL } });
    await runDueJobs(handle.db, { workerId: 'w', limit: 10 });

    const spans = exporter.getFinishedSpans();
    const vendor = spans.filter((s) => s.name === 'vendor netcore addContact');
    expect(vendor.map((s) => s.attributes['storedesk.vendor.outcome'])).toEqual(['ok', 'failure', 'refused', 'ok']);
    expect(vendor[1].attributes).toMatchObject({ 'storedesk.vendor': 'netcore', 'storedesk.vendor.operation': 'addContact', 'http.response.status_code': 503, 'storedesk.vendor.error_kind': 'http' });
    expect(vendor[2].attributes['http.response.status_code']).toBe(400);
    const job = spans.find((s) => s.name === 'outbox test.traced');
    expect(job?.attributes).toMatchObject({ 'storedesk.job.kind': 'test.traced', 'storedesk.job.attempt': 1, 'storedesk.job.outcome': 'done' });
    expect(job?.status.code).toBe(SpanStatusCode.UNSET);
    expect(job?.instrumentationScope.name).toBe('storedesk');

    const text = attributeText();
    for (const forbidden of [EMAIL, 'ana.popescu', 'secret-key-123', 'vendor.test', 'apikey']) expect(text).not.toContain(forbidden);
  });

  it('a job run that does not end done is an error span named by its outcome', async () => {
    exporter.reset();
    registerHandler('test.traced-fail', async () => {
      throw new VendorError({ vendor: 'footprints', operation: 'createLead', status: 503, kind: 'http', retryable: true, message: 'HTTP 503' });
    });
    await enqueue(handle.db, { kind: 'test.traced-fail', idempotencyKey: 'traced-fail-1', payload: {} });
    await runDueJobs(handle.db, { workerId: 'w', limit: 10, kinds: ['test.traced-fail'] });
    const [job] = exporter.getFinishedSpans().filter((s) => s.name === 'outbox test.traced-fail');
    expect(job.attributes).toMatchObject({ 'storedesk.job.kind': 'test.traced-fail', 'storedesk.job.attempt': 1, 'storedesk.job.outcome': 'retry' });
    expect(job.status).toEqual({ code: SpanStatusCode.ERROR, message: 'retry' });
  });
});
