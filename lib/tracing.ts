/**
 * Traces, opt-in (issue 17): with OTEL_EXPORTER_OTLP_ENDPOINT set, instrumentation.ts registers the OpenTelemetry
 * Node SDK with an OTLP/HTTP exporter (`<endpoint>/v1/traces`, batched). Next then records its request and
 * server-action spans, and the console's own (vendor calls, sync-queue jobs) join them. Unset: this module and the
 * SDK are never loaded, and every span the console asks for is a non-recording one.
 */
import 'server-only';

export interface TracingHandle {
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** Attributes that hold a request's URL: their query string (a search term, an e-mail, a key) is cut off. */
const URL_ATTRIBUTES = ['http.target', 'http.url', 'url.full', 'url.query', 'http.route'];

/** Keeps only the path of any URL-bearing attribute (Next's request spans carry the request's URL with its query). */
export function scrubAttributes(attributes: Record<string, unknown>): void {
  for (const key of URL_ATTRIBUTES) {
    const value = attributes[key];
    if (typeof value !== 'string') continue;
    if (key === 'url.query') delete attributes[key];
    else attributes[key] = value.split('?')[0].split('#')[0];
  }
}

const globalForTracing = globalThis as unknown as { __storedeskTracing?: TracingHandle };

export async function startTracing(endpoint: string): Promise<TracingHandle> {
  if (globalForTracing.__storedeskTracing) return globalForTracing.__storedeskTracing;
  const { BatchSpanProcessor, NodeTracerProvider } = await import('@opentelemetry/sdk-trace-node');
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
  const otlp = new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` });
  // Every span passes the scrub on its way out, whoever made it (Next, or the console).
  const exporter: typeof otlp = Object.assign(Object.create(otlp) as typeof otlp, {
    export: (spans: Parameters<typeof otlp.export>[0], done: Parameters<typeof otlp.export>[1]) => {
      for (const span of spans) scrubAttributes(span.attributes as Record<string, unknown>);
      otlp.export(spans, done);
    },
  });
  // Next's own span per fetch is named by the full URL (Netcore's key and a customer's e-mail travel in query
  // strings): off. The console's vendor spans (lib/vendors/http.ts) say vendor and operation instead.
  // eslint-disable-next-line no-restricted-properties -- a switch Next reads on every fetch, not configuration
  process.env.NEXT_OTEL_FETCH_DISABLED = '1';
  const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(exporter)] });
  provider.register(); // global tracer provider, AsyncLocalStorage context, W3C trace-context propagation
  const handle = { flush: () => provider.forceFlush(), shutdown: () => provider.shutdown() };
  globalForTracing.__storedeskTracing = handle;
  return handle;
}
