/** Next's server start hook: the client-address stamp, request ids, HTTP metrics, configuration check, migrations, the sandbox's seed, and the sync-queue worker. */
import type { Instrumentation } from 'next';

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // First, so that every request served from now on carries its socket peer (lib/http/peer-address.ts).
  const { installPeerStamp } = await import('./lib/http/peer-address');
  installPeerStamp();
  // Every request's log lines carry its id (lib/request-context.ts); every response is counted.
  const { installRequestContext } = await import('./lib/request-context');
  installRequestContext();
  const { installHttpMetrics } = await import('./lib/http/http-metrics');
  installHttpMetrics();
  // Traces only when asked for: the SDK is not even loaded otherwise (lib/tracing.ts).
  const { otlpEndpointOrNone } = await import('./lib/config');
  const otlpEndpoint = otlpEndpointOrNone();
  if (otlpEndpoint) await (await import('./lib/tracing')).startTracing(otlpEndpoint);
  const { startServerOrExit } = await import('./lib/server-start');
  await startServerOrExit();
}

/** An error Next caught while serving a request: logged with the reference staff see (lib/http/request-errors.ts). */
export const onRequestError: Instrumentation.onRequestError = async (...args) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logRequestError } = await import('./lib/http/request-errors');
  logRequestError(...args);
};
