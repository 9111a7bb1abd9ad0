/**
 * The request id (issue 17): every log line written while a request is served carries it, so support can find
 * all of one request's lines — and, from the reference a member of staff reads out, the request itself.
 *
 * The id is the client's `x-request-id` when it is a short plain token (a load balancer's or proxy's id), else a
 * fresh one. It is set where the peer stamp is (lib/http/peer-address.ts): Node's `http.server.request.start`
 * diagnostics channel, published for every request just before the server's handler runs, in the handler's
 * own execution context — so entering an AsyncLocalStorage store there makes it the store of everything the
 * request's handling does, across awaits. The id is also written on the request (for Next's own code) and on the
 * response header, so a client or proxy can quote it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

interface RequestContext {
  requestId: string;
}

const globalForContext = globalThis as unknown as { __storedeskRequestContext?: AsyncLocalStorage<RequestContext>; __storedeskRequestContextInstalled?: boolean };
const storage = (globalForContext.__storedeskRequestContext ??= new AsyncLocalStorage<RequestContext>());

/** A client's id is kept only when it is a plain token of at most 64 characters (no log injection, no personal data room). */
export function requestIdFrom(header: string | string[] | undefined | null): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._:-]{8,64}$/.test(value) ? value : randomUUID();
}

/** The id of the request being served, if any (the worker's and timers' lines have none). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Runs `fn` as part of a request with this id (tests; code outside an HTTP request that acts for one). */
export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

/** Installs the request id once per process (instrumentation.ts). */
export function installRequestContext(): void {
  if (globalForContext.__storedeskRequestContextInstalled) return;
  globalForContext.__storedeskRequestContextInstalled = true;
  subscribe('http.server.request.start', (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
    request.headers[REQUEST_ID_HEADER] = requestId;
    if (!response.headersSent) response.setHeader(REQUEST_ID_HEADER, requestId);
    storage.enterWith({ requestId });
  });
}
