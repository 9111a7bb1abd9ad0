/**
 * Issue 13: every failed vendor call says whether the vendor may have acted on it — refused (it answered no),
 * not_received (it cannot have seen the request) or ambiguous (it may have acted; the answer was lost).
 * Over real sockets: a server that answers, one that cuts the connection after reading the request, a port
 * nobody listens on.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deliveryOf, deliveryOfNetworkFailure, VendorError, vendorRequest } from './http';

let server: http.Server;
let origin: string;
let closedPort: number;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = req.url ?? '/';
      if (path.startsWith('/status/')) {
        const status = Number(path.slice('/status/'.length));
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'error', message: 'no' }));
      } else if (path === '/reset') {
        // Read the whole request, then drop the connection without a byte of answer.
        req.socket.destroy();
      } else if (path === '/half') {
        // The status line and part of the body, then the connection is cut.
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"_id":');
        setTimeout(() => req.socket.destroy(), 20);
      } else if (path === '/slow') {
        setTimeout(() => res.writeHead(200).end('{}'), 2_000);
      } else if (path === '/garbled') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"unexpected": true}');
      } else if (path === '/in-band') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'error', message: 'refused in a 200' }));
      } else {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ _id: 'x1' }));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that was just free: nobody listens there.
  const probe = http.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((r) => probe.close(() => r()));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

async function failureOf(url: string, timeoutMs = 3_000): Promise<VendorError> {
  try {
    await vendorRequest({
      vendor: 'footprints',
      operation: 'addLead',
      method: 'POST',
      url,
      body: { kind: 'form', params: new URLSearchParams({ userEmail: 'a@example.com' }) },
      schema: z.object({ _id: z.string() }),
      timeoutMs,
      secrets: [],
      detectErrorInSuccess: (b) => ((b as { status?: string })?.status === 'error' ? { status: 400, message: 'refused' } : undefined),
    });
  } catch (error) {
    if (error instanceof VendorError) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}

describe('what a failed vendor call says about the vendor side', () => {
  it('a 4xx answer is refused; an error body in a 200 too', async () => {
    for (const status of [400, 401, 404, 409, 422, 429]) expect((await failureOf(`${origin}/status/${status}`)).delivery, String(status)).toBe('refused');
    expect((await failureOf(`${origin}/in-band`)).delivery).toBe('refused');
  });

  it('a 500, 502 or 504 may come after the work was done: ambiguous; a 503 is an outage answer: not received', async () => {
    for (const status of [500, 502, 504]) expect((await failureOf(`${origin}/status/${status}`)).delivery, String(status)).toBe('ambiguous');
    expect((await failureOf(`${origin}/status/503`)).delivery).toBe('not_received');
  });

  it('connection refused is certainly not received; so is an unknown host', async () => {
    const refused = await failureOf(`http://127.0.0.1:${closedPort}/x`);
    expect(refused.kind).toBe('network');
    expect(refused.delivery).toBe('not_received');
    expect(deliveryOfNetworkFailure(new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND vendor.invalid'), { code: 'ENOTFOUND' }) }))).toBe(
      'not_received',
    );
    // Happy eyeballs: every address refused.
    const both = new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' }), Object.assign(new Error('b'), { code: 'ECONNREFUSED' })]);
    expect(deliveryOfNetworkFailure(new TypeError('fetch failed', { cause: both }))).toBe('not_received');
  });

  it('a connection cut after the request was sent, a cut answer, a timeout and an unreadable OK are ambiguous', async () => {
    const reset = await failureOf(`${origin}/reset`);
    expect(reset.kind).toBe('network');
    expect(reset.delivery).toBe('ambiguous');
    expect((await failureOf(`${origin}/half`)).delivery).toBe('ambiguous');
    const slow = await failureOf(`${origin}/slow`, 300);
    expect(slow.kind).toBe('timeout');
    expect(slow.delivery).toBe('ambiguous');
    const garbled = await failureOf(`${origin}/garbled`);
    expect(garbled.kind).toBe('invalid_response');
    expect(garbled.delivery).toBe('ambiguous');
    // A failure without a code we know (or no code at all) is not proof that nothing was sent.
    expect(deliveryOfNetworkFailure(new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }))).toBe('ambiguous');
    expect(deliveryOfNetworkFailure(new TypeError('fetch failed'))).toBe('ambiguous');
  });

  it('a call refused before sending is not received; an error that is not a VendorError is ambiguous', () => {
    const refused = new VendorError({ vendor: 'footprints', operation: 'addLead', status: 0, kind: 'invalid_request', retryable: false, message: 'not sent' });
    expect(refused.delivery).toBe('not_received');
    expect(deliveryOf(refused)).toBe('not_received');
    expect(deliveryOf(new Error('process trouble'))).toBe('ambiguous');
    expect(refused.toJSON().delivery).toBe('not_received');
  });
});
