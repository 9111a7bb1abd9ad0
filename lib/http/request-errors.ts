/**
 * Unexpected errors of pages, route handlers and actions that Next itself catches (instrumentation.ts
 * `onRequestError`): one log line with the reference staff see on the error page (`digest`, app/error.tsx), the
 * route pattern and the request id, so support finds the request from the reference a hostess reads out.
 * Actions' own unexpected errors are logged by the action door with their `ref` (lib/auth/action.ts).
 */
import type { Instrumentation } from 'next';
import { log } from '@/lib/log';
import { REQUEST_ID_HEADER } from '@/lib/request-context';

export const logRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const digest = (error as { digest?: unknown } | null)?.digest;
  const header = request.headers[REQUEST_ID_HEADER];
  log('error', 'request.error', {
    ref: typeof digest === 'string' ? digest : 'none',
    // Inside the request the line carries requestId anyway; Next may call this outside its context.
    requestIdHeader: Array.isArray(header) ? header[0] : header,
    method: request.method,
    route: context.routePath,
    routeType: context.routeType,
    error: error instanceof Error ? error : String(error),
  });
};
