/**
 * Issue 17, traces: every server action (defineAction, the one door) makes one span named by the action, with its
 * outcome — the error code staff were shown when it failed — and the use case's vendor calls nest inside it; the
 * action's input (an e-mail here) is in no attribute. An in-memory exporter stands in for the OTLP one.
 */
import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { StaffSession } from '@/lib/auth/session';
import { setLogSink } from '@/lib/log';
import { vendorRequest } from '@/lib/vendors/http';

const current: { session: StaffSession | null } = { session: null };
vi.mock('@/lib/auth/session', () => ({ getStaffSession: async () => current.session }));
vi.mock('@/lib/db', () => ({ getDb: async () => ({}) }));
const { defineAction } = await import('./action');

const exporter = new InMemorySpanExporter();
let prevSink: ReturnType<typeof setLogSink>;
beforeAll(() => {
  // As lib/tracing.ts registers it: the global provider with an AsyncLocalStorage context (spans nest across awaits).
  new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).register();
  prevSink = setLogSink(() => {});
});
afterAll(() => {
  setLogSink(prevSink);
  trace.disable();
  context.disable();
  propagation.disable();
});

const EMAIL = 'ana.traced-action@example.com';
const addContact = defineAction({
  name: 'test.addContact',
  permission: 'capture.create',
  schema: z.object({ email: z.string().email() }),
  handler: async ({ email }) => {
    if (email.startsWith('boom')) throw new Error(`unexpected for ${email}`);
    return vendorRequest({
      vendor: 'netcore',
      operation: 'addContact',
      method: 'POST',
      url: `http://vendor.test/apiv2?email=${encodeURIComponent(email)}`,
      body: { kind: 'json', value: { email } },
      schema: z.object({ ok: z.boolean() }),
      timeoutMs: 1000,
      secrets: [],
      fetchImpl: async () => new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } }),
    });
  },
});

const hostess = { id: 's', subject: 'hostess:ioana', kind: 'hostess', displayName: 'Ioana', username: null, roles: ['hostess'], stores: { all: true }, device: 'd', createdAt: new Date(), lastSeenAt: new Date(), accessToken: 't', tokenExpiresAt: null } as StaffSession;

describe('a span per server action', () => {
  it("is named by the action, carries its outcome, holds the use case's vendor call, and never the input", async () => {
    exporter.reset();
    current.session = hostess;
    expect((await addContact({ email: EMAIL })).ok).toBe(true);
    expect((await addContact({ email: 'not an e-mail' })).ok).toBe(false);
    expect((await addContact({ email: `boom-${EMAIL}` })).ok).toBe(false);
    current.session = null;
    expect((await addContact({ email: EMAIL })).ok).toBe(false);

    const spans = exporter.getFinishedSpans();
    const actions = spans.filter((s) => s.name === 'action test.addContact');
    expect(actions.map((s) => s.attributes)).toEqual(
      ['ok', 'validation', 'internal', 'unauthenticated'].map((outcome) => ({ 'storedesk.action': 'test.addContact', 'storedesk.action.outcome': outcome })),
    );
    const vendor = spans.find((s) => s.name === 'vendor netcore addContact')!;
    expect(vendor.parentSpanContext?.spanId).toBe(actions[0].spanContext().spanId);
    expect(JSON.stringify(spans.map((s) => [s.name, s.attributes, s.status]))).not.toMatch(/traced-action|example\.com/);
  });
});
