/** HTTP requests by route pattern and status (issue 17): counted when each response finishes (Node's diagnostics channel). */
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { recordHttpRequest } from '@/lib/metrics';

const globalForHttpMetrics = globalThis as unknown as { __storedeskHttpMetrics?: boolean };

export function installHttpMetrics(): void {
  if (globalForHttpMetrics.__storedeskHttpMetrics) return;
  globalForHttpMetrics.__storedeskHttpMetrics = true;
  subscribe('http.server.response.finish', (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    recordHttpRequest(request.url ?? '/', response.statusCode);
  });
}
