/**
 * Issue 17, traces exported: startTracing (what instrumentation.ts calls when OTEL_EXPORTER_OTLP_ENDPOINT is set)
 * sends OTLP/HTTP to a local collector stand-in; a job run and the vendor call inside it arrive as parent and
 * child spans, a request span's query string is cut off, and no personal data, key or URL is anywhere in what was sent.
 */
import http from 'node:http';
import { trace } from '@opentelemetry/api';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDb, type DbHandle } from '@/lib/db';
import { enqueue, registerHandler, runDueJobs, unregisterHandler } from '@/lib/outbox';
import { vendorRequest } from '@/lib/vendors/http';
import { startTracing, type TracingHandle } from './tracing';

const EMAIL = 'elena.ionescu@example.com';
const received: { path: string; contentType: string; body: string }[] = [];
let collector: http.Server;
let tracing: TracingHandle;
let handle: DbHandle;

beforeAll(async () => {
  collector = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', contentType: String(req.headers['content-type']), body });
      res.setHeader('content-type', 'application/json');
      res.end('{}');
    });
  });
  await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
  tracing = await startTracing(`http://127.0.0.1:${(collector.address() as AddressInfo).port}/`);
  handle = await createDb({ memory: true });
});
afterAll(async () => {
  unregisterHandler('test.exported');
  await tracing?.shutdown();
  await handle?.close();
  await new Promise<void>((r) => collector.close(() => r()));
});

type OtlpSpan = { name: string; spanId: string; parentSpanId?: string; attributes: { key: string; value: Record<string, unknown> }[] };

describe('OTLP export', () => {
  it('a job run and its vendor call arrive at the collector as parent and child, without personal data', async () => {
    registerHandler('test.exported', async () => {
      await vendorRequest({
        vendor: 'footprints',
        operation: 'addLead',
        method: 'POST',
        url: `http://vendor.test/api/lead?email=${encodeURIComponent(EMAIL)}`,
        body: { kind: 'json', value: { email: EMAIL } },
        schema: z.object({ _id: z.string() }),
        timeoutMs: 1000,
        secrets: [],
        fetchImpl: async () => new Response(JSON.stringify({ _id: 'abc' }), { status: 200, headers: { 'content-type': 'application/json' } }),
      });
    });
    await enqueue(handle.db, { kind: 'test.exported', idempotencyKey: 'exported-1', payload: { email: EMAIL } });
    await runDueJobs(handle.db, { workerId: 'w', limit: 10 });
    // A request span as Next writes it: the request's URL, query string included.
    trace.getTracer('next.js').startSpan('GET /leads', { attributes: { 'http.target': `/leads?q=${encodeURIComponent(EMAIL)}`, 'http.method': 'GET' } }).end();
    await tracing.flush();

    expect(received.length).toBeGreaterThan(0);
    expect(received.every((r) => r.path === '/v1/traces')).toBe(true);
    const spans: OtlpSpan[] = received.flatMap((r) =>
      (JSON.parse(r.body) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] }).resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans)),
    );
    const job = spans.find((s) => s.name === 'outbox test.exported');
    const call = spans.find((s) => s.name === 'vendor footprints addLead');
    expect(job).toBeDefined();
    expect(call).toBeDefined();
    expect(call!.parentSpanId).toBe(job!.spanId);
    expect(call!.attributes).toContainEqual({ key: 'storedesk.vendor.outcome', value: { stringValue: 'ok' } });
    const request = spans.find((s) => s.name === 'GET /leads');
    expect(request?.attributes).toContainEqual({ key: 'http.target', value: { stringValue: '/leads' } });
    const all = received.map((r) => r.body).join('\n');
    for (const forbidden of [EMAIL, 'elena', 'vendor.test']) expect(all).not.toContain(forbidden);
  });
});
